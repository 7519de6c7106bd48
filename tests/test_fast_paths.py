"""Fast paths of the extractor give what the plain algorithm they replace gives (pure speed changes)."""
import re
import unicodedata

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graph import lexicon
from graph import resolve as R
from graph.mentions._spans import occurrences
from graph.mentions.awards import _cores_re, _five_one, _honours_re, cores
from graph.resolve.evidence import offset_map
from graph.text.places import _form_lengths, _place_hits
from graph.text.read import normalise


def _place_hits_plain(text: str) -> list[tuple]:
    """Every position, the longest place form starting there (lengths of the forms with its first character)."""
    full, short = lexicon.divisions(), lexicon.county_short_forms()
    forms = full.keys() | short.keys()
    hits, i = [], 0
    while i < len(text):
        n = next((n for n in _form_lengths().get(text[i], ()) if i + n <= len(text) and text[i:i + n] in forms), 0)
        if n:
            w = text[i:i + n]
            hits.append((i, i + n, full.get(w) or short[w], w not in full))
        i += n or 1
    return hits


def _offset_map_plain(raw: str, norm: str) -> list[int] | None:
    """One piece per character and the combining marks after it, each normalised on its own."""
    out, parts, i = [], [], 0
    while i < len(raw):
        j = i + 1
        if raw[i] == "\r":
            j = i + 2 if raw[i + 1:i + 2] == "\n" else i + 1
            piece = "\n"
        else:
            while j < len(raw) and unicodedata.combining(raw[j]):
                j += 1
            piece = unicodedata.normalize("NFKC", raw[i:j])
        parts.append(piece)
        out.extend([i] * len(piece))
        i = j
    out.append(len(raw))
    return out if "".join(parts) == norm else None


_FORMS = sorted(set(lexicon.divisions()) | set(lexicon.county_short_forms()))
_FORM_SET = frozenset(_FORMS)
_CHINESE = st.text(st.sampled_from("的在和工会总市区县省北京上海朝阳鼓楼海口龙华平罗，。、 \n"), max_size=40)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_CHINESE, st.lists(st.sampled_from(_FORMS), max_size=4), st.integers(0, 15), st.randoms())
def test_place_hits_as_plain_scan(filler, forms, cut, rnd):
    """Place forms are found as by trying every position, also a form cut short by the end of the text."""
    parts = [filler[:rnd.randint(0, len(filler))] + f for f in forms] + [filler]
    text = "".join(parts)
    if forms:
        text += forms[0][:cut]  # the text may end inside a form
    hits = _place_hits(text)
    assert hits == _place_hits_plain(text)
    assert all(text[start:end] in _FORM_SET for start, end, _, _ in hits)  # spans within the text, of whole forms


def test_a_place_at_the_end_of_the_text_ends_there():
    """来自北京: 北京 is found with its own length, not that of a longer form it starts (北京市)."""
    assert [(s, e) for s, e, _, _ in _place_hits("来自北京")] == [(2, 4)]


_RAW = st.text(st.sampled_from("工会职工，。ＡＢ１２㎡①ﬁ…\u0301e\r\n\u3000\u00a0ｶﾞ한\u1100\u1161 a"), max_size=40)


@settings(max_examples=400, deadline=None)
@given(_RAW)
def test_offset_map_as_plain_loop(raw):
    """Offsets of the normalised text in the text as read: line ends, combining marks, full-width and wide forms."""
    for norm in (normalise(raw), raw, normalise(raw) + "x"):
        assert offset_map(raw, norm) == _offset_map_plain(raw, norm)


@given(st.text("ab*\n", max_size=14), st.text("ab*", max_size=3))
def test_occurrences_as_finditer(text, word):
    """The starts of a literal word's occurrences, as ``re.finditer`` finds them (empty word too)."""
    assert list(occurrences(text, word)) == [m.start() for m in re.finditer(re.escape(word), text)]


_HONOURS = sorted(lexicon.honours(), key=len, reverse=True)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_HONOURS) | st.text("全国省市“”‘’五一劳动奖章模范先进的，", max_size=6), max_size=8))
def test_honour_patterns_as_plain_alternation(parts):
    """The honour patterns behind their look-ahead match what the plain alternation of the same words matches,
    quoted 五一 (全国“五一”劳动奖章) included."""
    text = "".join(parts)
    for guarded, words in ((_honours_re(), _HONOURS), (_cores_re(), cores())):
        plain = re.compile("|".join(map(_five_one, words)))
        assert [m.span() for m in guarded.finditer(text)] == [m.span() for m in plain.finditer(text)]
        assert [bool(guarded.match(text, i)) for i in range(len(text))] == \
            [bool(plain.match(text, i)) for i in range(len(text))]


def _near_bounds_plain(pattern: re.Pattern, text: str, pos: int, reach: int) -> tuple[int, int]:
    """The last boundary before ``pos`` and the first after it, each looked for within ``reach``."""
    before = [m.end() for m in pattern.finditer(text, max(0, pos - reach), pos)]
    after = pattern.search(text, pos, pos + reach)
    return (before[-1] if before else max(0, pos - reach)), (after.start() if after else min(len(text), pos + reach))


@settings(max_examples=300, deadline=None)
@given(st.text(st.sampled_from("工会职工。！？!?\n，,；;：:【】"), max_size=60), st.integers(-3, 65),
       st.integers(0, 20))
def test_near_bounds_as_plain_search(text, pos, reach):
    """Sentence, clause and segment bounds near a position, by the offsets of their characters."""
    for pattern in (R._SENTENCE, R._CLAUSE, R._SEGMENT):
        assert R._near_bounds(pattern, text, pos, reach) == _near_bounds_plain(pattern, text, pos, reach)
