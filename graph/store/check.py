"""Checks on figures: numbers that cannot be right, and numbers that cannot be placed.

Four kinds of :class:`Finding`, each decided from the graph's public
vocabulary only (the figure's ``rdfs:label``, ``rdf:value``, ``ukg:unit``,
``ukg:approximate``, ``ukg:measure``, ``ukg:about``, ``ukg:year``,
``ukg:quote`` and its IRI ``…/figure/<article>/<n>``, *n* = order in the
article), never from a list of known cases:

``part-exceeds-whole``
    A *whole* is a figure whose clause, before the number, has 累计, 共,
    共计, 共有, 总计, 合计, 总共, 一共 or 全年 (jieba words, so 中国共产党 or
    共建 do not count).  A *part* is a figure whose clause has 其中, 用于,
    包括 or 包含 before the number, or any figure of a sentence that opens
    with one of them.  A part is paired with the nearest figure before it,
    of the same unit, that is not itself a part — in its own sentence or, if
    its sentence opens with a part word, in the sentence before (through a
    run of such sentences, as in ``其中用于…;用于…;``).  The pair is a
    finding when that figure is a whole and the part is larger.  Percentages
    are not added up, so they are not checked.
``conflicting-values``
    The same measure stated twice with values that cannot both hold: same
    unit; measure texts identical or with a character-bigram Dice
    coefficient of at least :data:`MEASURE_SIMILARITY`; within one article
    subject and year must agree where both are known, across articles both
    must be known and equal.  Figures of the same sentence, and a part with
    anything, are not compared.
``missing-subject`` / ``missing-year``
    A figure with no ``ukg:about`` / with neither a ``ukg:year`` nor a
    ``ukg:refPeriod`` (a five-year review's figure has a period, not a year).

Posts are checked too (:func:`conflicting_posts`, reported by ``union-kg
check`` but not written into the graph): one person named in a post and in
its deputy post (主席 / 副主席) of one union by two articles dated in the
same year; both posts stay, each with its evidence.

Approximate values (余, 多, 近, 约 ...) stand for a range: one unit of their
last significant digit either side (30余万人 ≈ 200000–400000), so 30余万 and
32万 do not conflict.

:func:`add_findings` writes the findings into a graph as ``ukg:Finding``
nodes (``ukg:findingType``, ``ukg:concerns``, ``ukg:explanation`` @zh and
@en, ``prov:wasDerivedFrom`` the articles), with IRIs derived from the
figures they concern, so a rebuild gives the same IRIs.

A build checks as it goes (:func:`shard_check` in each worker: an article's
rows, roles and own findings; :class:`ConflictCheck` in the build process:
the ``conflicting-values`` groups across articles, from compact keys), with
the same findings as :func:`add_findings` on the built graph.
"""
from __future__ import annotations

import hashlib
import json
import pickle
import re
import sys
import tempfile
import unicodedata
from array import array
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

import pyoxigraph
import rdflib
from rdflib import RDF, Literal, URIRef
from rdflib.namespace import PROV

from ..export.tables import FigureRow, figure_rows, load_store, oxigraph_of
from ..namespace import ID, UKG

#: Words that make the figure after them (in the same clause) a whole.
WHOLE_WORDS = frozenset({"累计", "共", "共计", "共有", "总计", "合计", "总共", "一共", "全年"})
#: Words that make the figure after them (in the same clause) a part.
PART_WORDS = frozenset({"其中", "用于", "包括", "包含"})
#: Clause boundaries (after NFKC normalisation).
CLAUSE_ENDS = ",;:。!?;:,\n"
#: Units whose values add up; parts and wholes are compared only in these.
ADDITIVE_UNITS = frozenset({"yuan", "person", "person-time", "count"})
#: Minimum character-bigram Dice coefficient for two measure texts to be "the same measure".
MEASURE_SIMILARITY = 0.8

FINDING_TYPES = ("part-exceeds-whole", "conflicting-values", "missing-subject", "missing-year")
UNIT_NAMES = {"yuan": "元", "percent": "%", "person": "人", "person-time": "人次", "count": "个"}


#: Figures named one by one in a finding's IRI; a bigger finding is named by a hash of them.
IRI_FIGURES = 4


@dataclass
class Finding:
    """A data-quality finding about one or more figures.

    ``figures`` are the rows concerned (for ``part-exceeds-whole``: the
    whole, then the part); ``explanation`` maps a language tag (``zh``,
    ``en``) to a sentence; ``iri`` is stable (derived from the figures).
    """

    type: str
    figures: list[FigureRow]
    explanation: dict[str, str] = field(default_factory=dict)

    @property
    def iri(self) -> URIRef:
        """``…/finding/<type>/<figure>+<figure>``; past :data:`IRI_FIGURES` figures, the first one,
        the count and a SHA-1 of all (an IRI naming every member of a big conflict grew with its
        square: 5.4 G characters of N-Triples on the 60 MB bench)."""
        tails = [_tail(f.figure) for f in self.figures]
        if len(tails) <= IRI_FIGURES:
            return ID[f"finding/{self.type}/{'+'.join(tails)}"]
        digest = hashlib.sha1("+".join(tails).encode()).hexdigest()[:16]
        return ID[f"finding/{self.type}/{tails[0]}+{len(tails) - 1}more-{digest}"]

    @property
    def articles(self) -> list[str]:
        """Article ids of the figures, in order, without repeats."""
        return list(dict.fromkeys(f.article for f in self.figures))

    def as_record(self) -> dict:
        """JSON-ready dict: type, iri, articles, explanation, figures (records with ``n``)."""
        return {"type": self.type, "iri": str(self.iri), "articles": self.articles,
                "explanation": self.explanation,
                "figures": [{**f.as_record(), "n": f.n} for f in self.figures]}


def _tail(iri: str) -> str:
    marker = "/figure/"
    return iri.split(marker, 1)[1] if marker in iri else iri.rsplit("/", 1)[-1]


# ---------------------------------------------------------------- clause roles
@lru_cache(maxsize=4096)
def _words(text: str) -> tuple[str, ...]:
    from ..text.segment import lcut

    return tuple(lcut(text))


def _norm(s: str) -> str:
    return unicodedata.normalize("NFKC", s)


#: Part and whole words; jieba's words are slices of the text, so a text without any of them as a substring
#: has none of them as a word, and a text with a character outside them has a word that is not one of them
#: (both let the check skip segmenting most clauses, with the same result).
_MARKERS = PART_WORDS | WHOLE_WORDS
_MARKER_CHARS = frozenset("".join(_MARKERS))


@lru_cache(maxsize=4096)
def _clause_ends(quote: str) -> tuple[int, ...]:
    """Positions of the clause boundaries in ``quote``, ascending (a sentence's figures share them)."""
    return tuple(i for i, ch in enumerate(quote) if ch in CLAUSE_ENDS)


def _last_before(ends: tuple[int, ...], pos: int) -> int:
    """The last boundary before ``pos``, or -1 (as ``max(quote.rfind(c, 0, pos) for c in CLAUSE_ENDS)``)."""
    k = bisect_left(ends, pos)
    return ends[k - 1] if k else -1


def _clause_before(quote: str, pos: int) -> str:
    """The clause of ``quote`` up to ``pos``; a clause before it that is only a marker (``其中,``) joins it."""
    ends = _clause_ends(quote)
    start = _last_before(ends, pos) + 1
    if start > 0:
        prev_start = _last_before(ends, start - 1) + 1
        prev = quote[prev_start:start - 1].strip()
        if prev and _MARKER_CHARS.issuperset(prev) and all(w in _MARKERS for w in _words(prev)):
            start = prev_start
    return quote[start:pos]


def _opens_with_part(quote: str) -> bool:
    """True when the sentence's first word is a part word (其中, 用于 …)."""
    head = _norm(quote).lstrip(" \u3000\"“”'")[:6]
    if head[:2] not in PART_WORDS:  # every part word has two characters, and the first word starts the head
        return False
    words = _words(head)
    return bool(words) and words[0] in PART_WORDS


def _clause_role(clause: str) -> str | None:
    if not any(w in clause for w in _MARKERS):
        return None
    words = set(_words(clause))
    return "part" if words & PART_WORDS else "whole" if words & WHOLE_WORDS else None


def roles(rows: list[FigureRow]) -> dict[str, str | None]:
    """The clause role of each figure: ``"whole"``, ``"part"`` or ``None``.

    Parameters
    ----------
    rows : list of FigureRow
        The figures of one article, in order (``n``).

    Returns
    -------
    dict
        figure IRI → role.  The figure is located in its quote by its label
        (the k-th figure of the article with that quote and label is taken
        at the k-th occurrence); a figure not found there has role ``None``
        unless its sentence opens with a part word.
    """
    out: dict[str, str | None] = {}
    seen: dict[tuple[str, str], int] = defaultdict(int)
    for r in rows:
        quote, label = _norm(r.quote), _norm(r.label)
        k = seen[(quote, label)]
        seen[(quote, label)] += 1
        pos = -1
        for _ in range(k + 1):
            pos = quote.find(label, pos + 1) if label else -1
            if pos < 0:
                break
        role = _clause_role(_clause_before(quote, pos)) if pos >= 0 else None
        if role is None and _opens_with_part(quote):
            role = "part"
        out[r.figure] = role
    return out


# ---------------------------------------------------------------- values
def value_range(r: FigureRow) -> tuple[Decimal, Decimal]:
    """The values a figure can stand for: ``(v, v)`` if exact, else one unit of its last significant digit around it.

    Examples
    --------
    A figure of 300000 written 30余万 (approximate) stands for 200000–400000;
    4188.57万余元 (41885700) for 41885600–41885800.
    """
    v = r.value
    if not r.approximate or not v.is_finite() or v == 0:
        return v, v
    step = Decimal(1).scaleb(v.normalize().as_tuple().exponent)
    return v - step, v + step


def _amount(r: FigureRow) -> str:
    return f"{r.label or r.value}"


def _plain(v: Decimal) -> str:
    s = format(v, "f")
    return s.rstrip("0").rstrip(".") if "." in s else s


def _value_en(r: FigureRow) -> str:
    return f"{_plain(r.value)} {r.unit}"


def _value_zh(r: FigureRow) -> str:
    return f"{_plain(r.value)}{UNIT_NAMES.get(r.unit, r.unit)}"


# ---------------------------------------------------------------- the checks
def part_exceeds_whole(rows: list[FigureRow]) -> list[Finding]:
    """Parts (其中/用于 …) larger than the whole (累计/共/总计/全年 …) they follow; see the module docstring."""
    by_article = _by_article(rows)
    return _part_exceeds_whole(by_article, [roles(art) for art in by_article.values()])


def _part_exceeds_whole(by_article: dict[str, list[FigureRow]], article_roles: list[dict]) -> list[Finding]:
    found = []
    for article_rows, role in zip(by_article.values(), article_roles, strict=True):
        for i, part in enumerate(article_rows):
            if role[part.figure] != "part" or part.unit not in ADDITIVE_UNITS or not part.value.is_finite():
                continue
            sentence, whole = part.quote, None
            for prev in reversed(article_rows[:i]):
                if prev.quote != sentence:  # crossing into the sentence before
                    if not _opens_with_part(sentence):
                        break
                    sentence = prev.quote
                if prev.unit != part.unit or role[prev.figure] == "part":
                    continue
                whole = prev
                break
            if whole is None or role[whole.figure] != "whole" or not whole.value.is_finite():
                continue
            if value_range(part)[0] > value_range(whole)[1]:
                found.append(Finding("part-exceeds-whole", [whole, part], {
                    "zh": f"部分大于整体:“{_amount(part)}”({_value_zh(part)})是“{_amount(whole)}”"
                          f"({_value_zh(whole)})的一部分,却比它大。",
                    "en": f"A part is larger than its whole: {_amount(part)} ({_value_en(part)}), stated as part of "
                          f"{_amount(whole)} ({_value_en(whole)}), exceeds it."}))
    return found


def dice(a: str, b: str) -> float:
    """Dice coefficient of the character-bigram multisets of two strings (1.0 for equal strings).

    References
    ----------
    L. R. Dice, "Measures of the amount of ecologic association between
    species", Ecology 26 (1945); on bigrams as in string similarity since.

    Examples
    --------
    >>> dice("新发展会员", "新发展会员")
    1.0
    >>> round(dice("开展职工沟通会", "职工沟通会"), 2)
    0.8
    """
    if a == b:
        return 1.0
    return _dice_grams(_bigrams(a), _bigrams(b))


@lru_cache(maxsize=4096)
def _bigrams(s: str) -> Counter:
    return Counter(s[i:i + 2] for i in range(len(s) - 1))


def _dice_grams(ga: Counter, gb: Counter) -> float:
    total = ga.total() + gb.total()
    if not total:
        return 0.0
    if len(gb) < len(ga):
        ga, gb = gb, ga
    shared = sum(min(n, gb[g]) for g, n in ga.items() if g in gb)  # the size of ga & gb, without building it
    return 2 * shared / total


def _agree(a, b, both_needed: bool) -> bool:
    if a and b:
        return a == b
    return not both_needed


def _when(r: FigureRow) -> tuple | None:
    """The time a figure refers to: its year, else its period; None if neither."""
    if r.year is not None:
        return ("year", r.year)
    if r.period_start or r.period_end:
        return ("period", r.period_start, r.period_end)
    return None


def conflicting_values(rows: list[FigureRow]) -> list[Finding]:
    """Figures that state the same measure with values that cannot both hold; see the module docstring.

    Figures linked by "same measure" form groups (connected components);
    a group with at least one pair of incompatible values is one finding
    concerning all its figures.
    """
    conflicts = ConflictCheck()
    for art in _by_article(rows).values():
        conflicts.add(article_check(art, roles(art))[1])
    return list(conflicts.findings())


class _Cand:
    """What the conflict check reads of one candidate figure, computed once (``figure``: its number in the article)."""

    __slots__ = ("row", "figure", "quote", "subjects", "when", "key", "lo", "hi")

    def __init__(self, r: FigureRow, number: int) -> None:
        self.row, self.figure, self.quote, self.subjects = r, number, r.quote, r.subject_iris
        self.when, self.key = _when(r), _measure_key(r.measure)
        self.lo, self.hi = value_range(r)


class _Blocked(NamedTuple):
    """A candidate figure in a block of one subject tuple, time, unit and measure (what :func:`_link_same` reads)."""

    figure: int  # its number in the corpus (ConflictCheck) or the article
    quote: bytes  # a digest of its quote: only compared for equality
    lo: Decimal
    hi: Decimal


@dataclass
class ArticleCheck:
    """What the corpus-wide conflict check needs of one article, made where its shard is made.

    ``rows``: the candidate figures (not parts, with a measure and a
    number), pickled: only read again if one of them is in a conflicting
    group; ``links``: each candidate's component within the article (the
    number of a candidate); ``conflicted``: a candidate of each conflicting
    pair within the article; ``blocked``: (digest of the block key,
    candidate, digest of the quote, lowest and highest value) of the
    candidates with a subject and a time, which may be compared across articles.
    """

    rows: bytes = b""
    links: list[int] = field(default_factory=list)
    conflicted: list[int] = field(default_factory=list)
    blocked: list[tuple[bytes, int, bytes, Decimal, Decimal]] = field(default_factory=list)


def _digest(text: str, size: int) -> bytes:
    return hashlib.blake2b(text.encode(), digest_size=size).digest()


def article_check(rows: list[FigureRow], role: dict[str, str | None] | None = None
                  ) -> tuple[list[Finding], ArticleCheck]:
    """The checks of one article: its own findings, and its part of the conflict check.

    Parameters
    ----------
    rows : list of FigureRow
        The figures of one article, in order (as :func:`check_rows` of its
        shard gives them).
    role : dict, optional
        :func:`roles` of ``rows``, if the caller has them.

    Returns
    -------
    (list of Finding, ArticleCheck)
        The ``part-exceeds-whole``, ``missing-subject`` and ``missing-year``
        findings (they read no other article), and what
        :class:`ConflictCheck` needs to find the ``conflicting-values`` ones.
    """
    role = roles(rows) if role is None else role
    own = _part_exceeds_whole({"": rows}, [role]) + missing(rows)
    cands = [r for r in rows if r.measure.strip() and role.get(r.figure) != "part" and r.value.is_finite()]
    out = ArticleCheck(rows=pickle.dumps(cands, protocol=pickle.HIGHEST_PROTOCOL))
    by_unit: dict[str, list[_Cand]] = defaultdict(list)
    for i, r in enumerate(cands):
        c = _Cand(r, i)
        by_unit[r.unit].append(c)
        if c.when is not None and c.subjects:
            # two figures share a block (s, when, unit, measure) for some subject s and are the same measure
            # only if all their subjects agree: one block per subject tuple gives the same pairs
            key = repr((c.subjects, c.when, r.unit, _norm_measure(r.measure)))
            out.blocked.append((_digest(key, 16), i, _digest(c.quote, 8), c.lo, c.hi))
    parent = list(range(len(cands)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    # blocking: only figures of one article, or of one subject and year, can state the same quantity;
    # across articles only identical measures are compared (keeps a big corpus linear)
    for group in by_unit.values():
        _link_article(group, parent, find, out.conflicted)
    out.links = [find(i) for i in range(len(cands))]
    return own, out


class ConflictCheck:
    """The ``conflicting-values`` check of a corpus, fed one :class:`ArticleCheck` at a time.

    Held in memory per candidate figure: its component and, with a subject
    and a time, its block entry (about 0.3 KB, not the ~3 KB of a row).  The
    articles' pickled rows wait in a temporary file; :meth:`findings` reads
    back those of the figures in conflicting groups, each article once.
    """

    def __init__(self) -> None:
        self._spill = tempfile.TemporaryFile()
        self._starts = array("q")  # per article: its first candidate's number, its rows' offset in the spill
        self._offsets = array("q")
        self._parent = array("q")
        self._conflicted = array("q")
        self._blocks: dict[bytes, list[_Blocked]] = defaultdict(list)

    def add(self, art: ArticleCheck) -> None:
        """Take one article's part (articles in any order)."""
        base = len(self._parent)
        if not art.links:
            return
        self._starts.append(base)
        self._offsets.append(self._spill.tell())
        self._spill.write(art.rows)
        self._parent.extend(base + i for i in art.links)
        self._conflicted.extend(base + i for i in art.conflicted)
        for key, i, quote, lo, hi in art.blocked:
            self._blocks[key].append(_Blocked(base + i, quote, lo, hi))

    def findings(self, batch: int = 20_000) -> Iterator[Finding]:
        """The findings, one per conflicting group (blocks are linked across articles here, once).

        Parameters
        ----------
        batch : int
            Figures whose rows are held at once (whole groups, so a bigger
            group is one batch): the groups are dealt into buckets of about
            this many figures, in temporary files, while the articles are
            read back.

        Yields
        ------
        Finding
            Its figures sorted by article and order.
        """
        parent = self._parent

        def find(x: int) -> int:
            while parent[x] != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x

        conflicted = list(self._conflicted)
        for group in self._blocks.values():
            _link_same(group, parent, find, conflicted)
        self._blocks.clear()
        roots = {find(x) for x in conflicted}
        if not roots:
            return
        group_of: dict[int, int] = {}  # root -> group number
        bucket_of: list[int] = []  # group number -> bucket
        sizes = Counter(r for r in map(find, range(len(parent))) if r in roots)
        bucket = filled = 0
        for root, size in sizes.items():
            if filled and filled + size > batch:
                bucket, filled = bucket + 1, 0
            filled += size
            group_of[root] = len(bucket_of)
            bucket_of.append(bucket)
        buckets = [tempfile.TemporaryFile() for _ in range(bucket + 1)]
        ends = [*self._starts[1:], len(parent)]
        for start, end, offset in zip(self._starts, ends, self._offsets, strict=True):
            wanted = [i for i in range(start, end) if find(i) in roots]
            if not wanted:
                continue
            self._spill.seek(offset)
            rows = pickle.load(self._spill)
            for i in wanted:
                g = group_of[find(i)]
                pickle.dump((g, rows[i - start]), buckets[bucket_of[g]], protocol=pickle.HIGHEST_PROTOCOL)
        self._spill.close()
        for fh in buckets:
            fh.seek(0)
            groups: dict[int, list[FigureRow]] = defaultdict(list)
            while True:
                try:
                    g, row = pickle.load(fh)
                except EOFError:
                    break
                groups[g].append(row)
            fh.close()
            for members in groups.values():
                yield _conflict_finding(sorted(members, key=_row_key))


def _conflict_finding(members: list[FigureRow]) -> Finding:
    measures = "、".join(dict.fromkeys(m.measure for m in members))
    zh_vals = "、".join(_amount(m) for m in members)
    en_vals = ", ".join(_value_en(m) for m in members)
    return Finding("conflicting-values", members, {
        "zh": f"同一数量数值不一致:“{measures}”先后为 {zh_vals}。",
        "en": f"The same quantity ({measures}) is stated with different values: {en_vals}."})


def _link_article(group: list[_Cand], parent: list[int], find, conflicted: list[int]) -> None:
    """Union the same-measure pairs of one article and unit; note a figure of each conflicting pair.

    Pairs are tried only between measure texts that are similar enough
    (:func:`_similar_keys`, decided once per pair of texts, not per pair of figures).
    """
    by_key: dict[str, list[_Cand]] = defaultdict(list)
    for c in group:
        by_key[c.key].append(c)
    keys = list(by_key)
    grams: dict[str, Counter] = {}  # this block's bigrams: a cache of the whole corpus's would grow with it
    for i, ka in enumerate(keys):
        ga = by_key[ka]
        for kb in keys[i:]:
            if kb is not ka and not _similar_keys(ka, kb, grams):
                continue
            gb = by_key[kb]
            for j, a in enumerate(ga):
                for b in (ga[j + 1:] if kb is ka else gb):
                    # one article: subject and year must agree only where both are known
                    if a.quote == b.quote or (a.subjects and b.subjects and a.subjects != b.subjects) \
                            or (a.when and b.when and a.when != b.when):
                        continue
                    parent[find(a.figure)] = find(b.figure)
                    if a.hi < b.lo or b.hi < a.lo:
                        conflicted.append(a.figure)


def _link_same(group: list[_Blocked], parent: array, find, conflicted: list[int]) -> None:
    """Union a block of figures with one subject tuple, time, unit and measure text.

    Every two of them with different quotes are the same measure, so the
    block is one component as soon as it has two quotes; it conflicts when
    two figures with different quotes have disjoint value ranges, found
    from the smallest upper and largest lower bounds in linear time.
    """
    if len(group) < 2:
        return
    low = min(group, key=lambda c: c.hi)  # smallest upper bound
    high = max(group, key=lambda c: c.lo)  # largest lower bound
    if all(c.quote == low.quote for c in group):
        return  # one statement, however often repeated
    root = find(group[0].figure)
    for c in group[1:]:
        r = find(c.figure)
        if r != root:
            parent[r] = root
    if low.hi >= high.lo:
        return  # all ranges overlap pairwise
    if low.quote != high.quote:
        conflicted.append(low.figure)
        return
    q = low.quote
    others = [c for c in group if c.quote != q]
    if min(c.hi for c in others) < high.lo or max(c.lo for c in others) > low.hi:
        conflicted.append(low.figure)


def _similar_keys(ma: str, mb: str, grams: dict[str, Counter] | None = None) -> bool:
    """Two normalised measure texts that name the same measure: equal, or bigram Dice >= MEASURE_SIMILARITY."""
    if ma == mb:
        return True
    la, lb = len(ma) - 1, len(mb) - 1
    if la <= 0 or lb <= 0 or 2 * min(la, lb) < MEASURE_SIMILARITY * (la + lb):
        return False  # Dice cannot reach the threshold with bigram counts this different
    if grams is None:
        return _dice_grams(_bigrams(ma), _bigrams(mb)) >= MEASURE_SIMILARITY
    if ma not in grams:
        grams[ma] = Counter(ma[i:i + 2] for i in range(len(ma) - 1))
    if mb not in grams:
        grams[mb] = Counter(mb[i:i + 2] for i in range(len(mb) - 1))
    return _dice_grams(grams[ma], grams[mb]) >= MEASURE_SIMILARITY


def _same_measure(a: FigureRow, b: FigureRow) -> bool:
    if a.quote == b.quote:  # one statement, even when two articles repeat it
        return False
    same_article = a.article == b.article
    if not _agree(a.subject_iris, b.subject_iris, not same_article):
        return False
    if not _agree(_when(a), _when(b), not same_article):
        return False
    return _similar_keys(_measure_key(a.measure), _measure_key(b.measure))


@lru_cache(maxsize=8192)
def _norm_measure(measure: str) -> str:
    return _norm(measure)


@lru_cache(maxsize=8192)
def _measure_key(measure: str) -> str:
    return _norm(measure).strip()


def missing(rows: list[FigureRow]) -> list[Finding]:
    """Figures without ``ukg:about`` (``missing-subject``) or ``ukg:year`` (``missing-year``): one finding each."""
    found = []
    for r in rows:
        if not r.subject_iris:
            found.append(Finding("missing-subject", [r], {
                "zh": f"统计数字“{_amount(r)}”没有统计主体(ukg:about)。",
                "en": f"The figure {_amount(r)} has no subject (ukg:about)."}))
        if r.year is None and not (r.period_start or r.period_end):
            found.append(Finding("missing-year", [r], {
                "zh": f"统计数字“{_amount(r)}”没有年份(ukg:year)。",
                "en": f"The figure {_amount(r)} has no year (ukg:year)."}))
    return found


def _row_key(r: FigureRow):
    return (r.article, r.n if r.n is not None else 1 << 62, r.figure)


def _by_article(rows: Iterable[FigureRow]) -> dict[str, list[FigureRow]]:
    out: dict[str, list[FigureRow]] = defaultdict(list)
    for r in sorted(rows, key=_row_key):
        out[r.article].append(r)
    return out


def check(source: str | Path | rdflib.Graph | pyoxigraph.Store | list[FigureRow]) -> list[Finding]:
    """All findings about the figures of a graph.

    Parameters
    ----------
    source : path-like, rdflib.Graph, pyoxigraph.Store or list of FigureRow
        A graph (see :func:`graph.export.tables.load_store`) or its figure rows.

    Returns
    -------
    list of Finding
        Ordered by type (as in :data:`FINDING_TYPES`), then by the first
        figure concerned (article, order).  The rows are complete
        (:func:`graph.export.tables.figure_rows`: titles and subject labels too).

    Raises
    ------
    graph.export.tables.TableError
        When the graph cannot be read.

    Examples
    --------
    >>> from graph.pipeline import extract_text
    >>> from graph.store.rdf import build_graph
    >>> g = build_graph([extract_text("朝阳区总工会累计发放补助10万元,其中发放困难职工补助12万元。", "x")])
    >>> [f.type for f in check(g) if f.type == "part-exceeds-whole"]
    ['part-exceeds-whole']
    """
    return _check(source if isinstance(source, list) else figure_rows(source))


def _check(rows: list[FigureRow]) -> list[Finding]:
    found: list[Finding] = []
    conflicts = ConflictCheck()
    for art in _by_article(rows).values():
        own, part = article_check(art)
        found += own
        conflicts.add(part)
    found += conflicts.findings()
    order = {t: i for i, t in enumerate(FINDING_TYPES)}
    found.sort(key=lambda f: (order[f.type], _row_key(f.figures[0]), str(f.iri)))
    return found


# ---------------------------------------------------------------- figure rows for the check
#: The columns the checks and the Finding nodes read, one row per figure (more where a property has
#: several values); titles, subject labels and unit texts, which only reports show, are left out.  Articles'
#: identifiers, units' notations and periods' bounds are shared by many figures: read apart (DOCS_QUERY,
#: UNITS_QUERY, PERIODS_QUERY), not joined and decoded once per figure.
CHECK_QUERY = """
PREFIX ukg: <https://w3id.org/union-kg/ontology#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX prov: <http://www.w3.org/ns/prov#>
SELECT ?figure ?doc ?label ?subject ?measure ?value ?unit ?approximate ?year ?quote ?period
WHERE {
  ?figure a ukg:Figure ; rdf:value ?value .
  OPTIONAL { ?figure prov:wasDerivedFrom ?doc . ?doc a ukg:Article }
  OPTIONAL { ?figure rdfs:label ?label }
  OPTIONAL { ?figure ukg:about ?subject }
  OPTIONAL { ?figure ukg:measure ?measure }
  OPTIONAL { ?figure ukg:unit ?unit }
  OPTIONAL { ?figure ukg:approximate ?approximate }
  OPTIONAL { ?figure ukg:year ?year }
  OPTIONAL { ?figure ukg:quote ?quote }
  OPTIONAL { ?figure ukg:refPeriod ?period }
}
"""
DOCS_QUERY = """
PREFIX ukg: <https://w3id.org/union-kg/ontology#>
PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT ?doc ?article WHERE { ?doc a ukg:Article ; dcterms:identifier ?article }
"""
UNITS_QUERY = """
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?unit ?notation WHERE { ?unit skos:notation ?notation }
"""
PERIODS_QUERY = """
PREFIX ukg: <https://w3id.org/union-kg/ontology#>
PREFIX time: <http://www.w3.org/2006/time#>
SELECT ?period ?periodStart ?periodEnd WHERE {
  { SELECT DISTINCT ?period WHERE { ?figure a ukg:Figure ; ukg:refPeriod ?period } }
  OPTIONAL { ?period time:hasBeginning/(time:inXSDgYear|time:inXSDgYearMonth|time:inXSDDate) ?periodStart }
  OPTIONAL { ?period time:hasEnd/(time:inXSDgYear|time:inXSDgYearMonth|time:inXSDDate) ?periodEnd }
}
"""
_C_FIGURE, _C_DOC, _C_LABEL, _C_SUBJECT, _C_MEASURE, _C_VALUE, _C_UNIT, _C_APPROX, _C_YEAR, _C_QUOTE, \
    _C_PERIOD = range(11)
_ORDER = re.compile(r"/(\d+)$")
_YEAR = re.compile(r"-?\d+")


def _values_of(store: pyoxigraph.Store, query: str) -> dict[str, list[set[str]]]:
    """First column → for each other column, the set of its values (a small side table)."""
    out: dict[str, list[set[str]]] = {}
    for sol in store.query(query):
        vals = [None if t is None else t.value for t in sol]
        sets = out.setdefault(vals[0], [set() for _ in vals[1:]])
        for s, v in zip(sets, vals[1:], strict=True):
            if v is not None:
                s.add(v)
    return out


def _union(table: dict[str, list[set[str]]], keys, col: int) -> set[str]:
    return set().union(*(table[k][col] for k in keys if k in table))


def check_rows(store: pyoxigraph.Store) -> list[FigureRow]:
    """The figure rows the checks need, streamed from one SPARQL SELECT on ``store``.

    Parameters
    ----------
    store : pyoxigraph.Store
        A built graph, in memory or on disk (read-only is enough).

    Returns
    -------
    list of FigureRow
        As :func:`graph.export.tables.figure_rows` gives them (same values,
        same order, a property with several values keeps its smallest),
        except ``title``, ``subject`` (labels) and ``unit_text``, left empty:
        no check reads them.  Equal values are one string object.
    """
    docs, units, periods = (_values_of(store, q) for q in (DOCS_QUERY, UNITS_QUERY, PERIODS_QUERY))
    acc: dict[str, list] = {}
    multi: set[str] = set()  # figures with more than one solution: their columns become sets
    pool: dict[str, str] = {}  # one string object per distinct value: subjects, units, articles, quotes recur
    for sol in store.query(CHECK_QUERY):
        vals = [None if t is None else pool.setdefault(t.value, t.value) for t in sol]
        fig = vals[_C_FIGURE]
        old = acc.get(fig)
        if old is None:
            acc[fig] = vals
            continue
        if fig not in multi:
            multi.add(fig)
            old = acc[fig] = [set() if v is None else {v} for v in old]
        for i, v in enumerate(vals):
            if v is not None:
                old[i].add(v)
    del pool
    rows = []
    for fig, vals in acc.items():
        if fig in multi:
            subjects, doc_set, unit_set, period_set = (vals[c] for c in (_C_SUBJECT, _C_DOC, _C_UNIT, _C_PERIOD))
            vals = [min(v) if v else None for v in vals]
        else:  # most figures: one solution, no sets
            subjects, doc_set, unit_set, period_set = (() if vals[c] is None else (vals[c],)
                                                       for c in (_C_SUBJECT, _C_DOC, _C_UNIT, _C_PERIOD))
        doc_iris = [d for d in doc_set if d in docs]  # an article only with an identifier, as in figure_rows
        try:
            value = Decimal(vals[_C_VALUE])
        except InvalidOperation:
            value = Decimal("NaN")
        year = _YEAR.match(vals[_C_YEAR] or "")
        order = _ORDER.search(fig)
        unit_iri = vals[_C_UNIT] or ""
        notes, articles = _union(units, unit_set, 0), _union(docs, doc_iris, 0)
        starts, ends = _union(periods, period_set, 0), _union(periods, period_set, 1)
        quote = vals[_C_QUOTE] or ""
        rows.append(FigureRow(
            article=min(articles) if articles else "", title="", figure=fig, label=vals[_C_LABEL] or "",
            subject="", measure=vals[_C_MEASURE] or "", value=value,
            unit=min(notes) if notes else re.split(r"[#/]", unit_iri)[-1], unit_text="",
            approximate=vals[_C_APPROX] in ("true", "1"), year=int(year.group()) if year else None,
            quote=quote, n=int(order.group(1)) if order else None,
            subject_iris=tuple(sorted(subjects)), unit_iri=unit_iri,
            article_iri=min(doc_iris) if doc_iris else "",
            period_start=min(starts) if starts else "", period_end=min(ends) if ends else ""))
    rows.sort(key=lambda x: (x.article, x.n if x.n is not None else sys.maxsize, x.figure))
    return rows


def _finding_triples(f: Finding):
    """The triples of one Finding node, as pyoxigraph terms."""
    node = pyoxigraph.NamedNode(str(f.iri))
    yield node, _RDF_TYPE, _UKG_FINDING
    yield node, _FINDING_TYPE, pyoxigraph.Literal(f.type)
    for r in f.figures:
        yield node, _CONCERNS, pyoxigraph.NamedNode(r.figure)
        if r.article_iri:
            yield node, _DERIVED, pyoxigraph.NamedNode(r.article_iri)
    for lang, text in f.explanation.items():
        yield node, _EXPLANATION, pyoxigraph.Literal(text, language=lang)


_RDF_TYPE = pyoxigraph.NamedNode(str(RDF.type))
_UKG_FINDING = pyoxigraph.NamedNode(str(UKG.Finding))
_FINDING_TYPE = pyoxigraph.NamedNode(str(UKG.findingType))
_CONCERNS = pyoxigraph.NamedNode(str(UKG.concerns))
_DERIVED = pyoxigraph.NamedNode(str(PROV.wasDerivedFrom))
_EXPLANATION = pyoxigraph.NamedNode(str(UKG.explanation))
#: Text (IRIs and literals, in characters) handed to one bulk load: bounds what the loader buffers.  A group of
#: k figures has an IRI of ~30 k characters in each of its ~2 k triples, so one big group alone can be 100 MB.
#: On the 20 MB store (494 MB of Finding N-Triples): 32 M chars, +60 MB peak and 3.0 CPU s; 64 M, +90 MB and
#: 2.3 s; 128 M, +190 MB and 1.9 s; one load, +760 MB and 1.7 s (each load writes and ingests new files).
_CHUNK_CHARS = 1 << 26


def _write(store: pyoxigraph.Store, findings: Iterable[Finding], chunk_chars: int = _CHUNK_CHARS,
           also: Callable[[list[pyoxigraph.Triple]], None] | None = None) -> None:
    """Bulk-load the Finding triples into ``store``, streamed in chunks of about ``chunk_chars`` characters
    (each chunk handed to ``also`` too, when given)."""
    triples = (pyoxigraph.Triple(s, p, o) for f in findings for s, p, o in _finding_triples(f))
    more = True
    while more:
        chunk, size = [], 0
        for t in triples:
            chunk.append(t)
            size += len(t.subject.value) + len(t.object.value)
            if size >= chunk_chars:
                break
        else:
            more = False
        store.bulk_extend(pyoxigraph.Quad(t.subject, t.predicate, t.object) for t in chunk)
        if also is not None and chunk:
            also(chunk)


#: The N-Triples line of a triple about an evidence node (a third of a shard's triples): no query of the
#: check reads one (their subjects are no figure, article, unit or period), so the article's store is
#: loaded without them.
_EVIDENCE_LINE = re.compile(rb"^<" + re.escape(str(ID["evidence/"]).encode()) + rb"[^\n]*\n", re.M)


def shard_check(ntriples: bytes) -> tuple[bytes, ArticleCheck]:
    """The checks of one article's shard (its N-Triples), where the shard is made.

    Parameters
    ----------
    ntriples : bytes
        The article's own triples (:func:`graph.store.rdf.article_shard`):
        :func:`check_rows` of them are the article's rows of the merged
        graph, since they read no value another article can change.

    Returns
    -------
    (bytes, ArticleCheck)
        The N-Triples of the article's own findings (see
        :func:`article_check`), to load with its shard, and its part of the
        corpus-wide conflict check (:class:`ConflictCheck`).
    """
    one = pyoxigraph.Store()
    # lenient: no second validation of the IRIs and language tags rdflib wrote (a third less CPU to load), as
    # the build's store loads the same shard (graph.store.rdf.ShardMerger)
    one.load(_EVIDENCE_LINE.sub(b"", ntriples), format=pyoxigraph.RdfFormat.N_TRIPLES, lenient=True)
    own, part = article_check(check_rows(one))
    triples = (pyoxigraph.Triple(s, p, o) for f in own for s, p, o in _finding_triples(f))
    return pyoxigraph.serialize(triples, format=pyoxigraph.RdfFormat.N_TRIPLES), part


def write_conflicts(store: pyoxigraph.Store, conflicts: ConflictCheck,
                    also: Callable[[list[pyoxigraph.Triple]], None] | None = None) -> int:
    """Add the ``conflicting-values`` findings of ``conflicts`` to ``store``.

    Parameters
    ----------
    store : pyoxigraph.Store
    conflicts : ConflictCheck
        Every article's part, added.
    also : callable, optional
        Called with each chunk of the findings' triples as it is written (a build hands them to its
        :class:`graph.export.turtle.TurtleJob`, so they are not read back from the store).

    Returns
    -------
    int
        The number of findings written.
    """
    count = [0]

    def counted():
        for f in conflicts.findings():
            count[0] += 1
            yield f

    _write(store, counted(), also=also)
    return count[0]


def add_findings(g: rdflib.Graph | pyoxigraph.Store, rows: list[FigureRow] | None = None) -> list[Finding]:
    """Check the figures of ``g`` and add one ``ukg:Finding`` node per finding to it.

    Parameters
    ----------
    g : rdflib.Graph or pyoxigraph.Store
        A built graph; modified in place (a store, or a graph over one as
        a build returns: checked by one streamed SPARQL SELECT on it,
        findings bulk-loaded in chunks of bounded size).  Findings already in it are
        kept; re-adding the same finding adds nothing (same IRI, same triples).
    rows : list of FigureRow, optional
        The figure rows of ``g``, if the caller has them: then ``g`` is not
        queried.  :func:`check_rows` of each article's own triples (a build's
        shard) gives the rows of that article as the whole graph does, since
        they read no value another article can change; sorted or not.

    Returns
    -------
    list of Finding
        As :func:`check` returns them, but with the rows of :func:`check_rows`
        (no titles, subject labels or unit texts).

    Notes
    -----
    Each node: ``a ukg:Finding ; ukg:findingType "part-exceeds-whole" ;
    ukg:concerns <figure> … ; ukg:explanation "…"@zh, "…"@en ;
    prov:wasDerivedFrom <article> …`` (shape ``ukgsh:FindingShape``).
    """
    store = g if isinstance(g, pyoxigraph.Store) else oxigraph_of(g)
    if rows is None:
        rows = check_rows(store if store is not None else load_store(g))
    findings = _check(rows)
    if store is None:  # a plain rdflib graph
        for f in findings:
            for s, p, o in _finding_triples(f):
                g.add((URIRef(s.value), URIRef(p.value),
                       URIRef(o.value) if isinstance(o, pyoxigraph.NamedNode)
                       else Literal(o.value, lang=o.language)))
        return findings
    _write(store, findings)
    return findings


# ---------------------------------------------------------------- posts
POSTS_QUERY = """
PREFIX ukg: <https://w3id.org/union-kg/ontology#>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT ?m ?person ?org ?title ?article ?date ?quote ?start WHERE {
  ?m a org:Membership ; org:member/skos:prefLabel ?person ; org:organization/skos:prefLabel ?org ;
     org:role/skos:prefLabel ?title ; prov:wasDerivedFrom ?ev .
  ?ev a ukg:Evidence ; dcterms:source ?doc ; ukg:quote ?quote ; ukg:startOffset ?start .
  ?doc dcterms:identifier ?article ; dcterms:issued ?date .
}
"""


@dataclass
class PostConflict:
    """One person in two posts of one union that cannot both be held at one time, per two articles.

    ``posts`` holds two ``(title, article, date, quote)``.
    """

    person: str
    org: str
    posts: tuple[tuple[str, str, str, str], tuple[str, str, str, str]]

    def as_record(self) -> dict:
        keys = ("title", "article", "date", "quote")
        return {"person": self.person, "org": self.org, "posts": [dict(zip(keys, p, strict=True)) for p in self.posts]}


def _ranks_clash(a: str, b: str) -> bool:
    """True for a post and its own deputy (主席 / 副主席 / 常务副主席): one person holds only one of them."""
    def base(t: str) -> str:
        return t.removeprefix("常务").removeprefix("副")
    return a != b and base(a) == base(b) and bool(base(a))


def conflicting_posts(source) -> list[PostConflict]:
    """Posts two articles give one person in one union at one time that cannot both hold.

    Parameters
    ----------
    source : path-like, rdflib.Graph or pyoxigraph.Store
        See :func:`graph.export.tables.load_store`.

    Returns
    -------
    list of PostConflict
        A pair is reported when the titles are a post and its deputy
        (主席 and 副主席, 副主席 and 常务副主席), both articles are dated
        (``dcterms:issued``) in the same year, and they are different
        articles.  Posts of undated articles are not compared: without a
        time, a promotion is not a disagreement.  Both posts stay in the
        graph, each with its evidence.
    """
    from ..export.tables import load_store

    store = load_store(source)
    posts: dict[tuple[str, str], dict[tuple[str, str], tuple[str, str, str, str]]] = defaultdict(dict)
    for sol in store.query(POSTS_QUERY):
        key = (sol["person"].value, sol["org"].value)
        post = (sol["title"].value, sol["article"].value)
        cand = (sol["title"].value, sol["article"].value, sol["date"].value, sol["quote"].value)
        old = posts[key].get(post)
        if old is None or cand < old:  # one evidence per post and article, the same on every run
            posts[key][post] = cand
    found = []
    for (person, org), by_post in sorted(posts.items()):
        items = sorted(by_post.values())
        for i, a in enumerate(items):
            for b in items[i + 1:]:
                if a[1] != b[1] and a[2][:4] == b[2][:4] and _ranks_clash(a[0], b[0]):
                    found.append(PostConflict(person, org, (a, b)))
    return found


def format_posts(conflicts: list[PostConflict], quote_width: int = 120) -> str:
    """Readable report of :func:`conflicting_posts`, each post with its article, date and quote."""
    lines = []
    for c in conflicts:
        lines.append(f"[conflicting-posts] {c.posts[0][1]}, {c.posts[1][1]}")
        lines.append(f"  {c.person} in {c.org}: {c.posts[0][0]} or {c.posts[1][0]}?")
        for title, article, date, quote in c.posts:
            q = quote if len(quote) <= quote_width else quote[:quote_width - 1] + "…"
            lines.append(f"  {title} ({article}, {date})")
            lines.append(f"    “{q}”")
    return "\n".join(lines) + ("\n" if lines else "")


# ---------------------------------------------------------------- reports
def summary(findings: list[Finding]) -> str:
    """``"3 findings: 1 part-exceeds-whole, 2 conflicting-values, 0 missing-subject, 0 missing-year"``."""
    counts = {t: 0 for t in FINDING_TYPES}
    for f in findings:
        counts[f.type] += 1
    return f"{len(findings)} findings: " + ", ".join(f"{n} {t}" for t, n in counts.items())


def format_text(findings: list[Finding], lang: str = "en", quote_width: int = 120) -> str:
    """Readable report: per finding its type, article(s), explanation and each figure with its quote."""
    lines = []
    for f in findings:
        lines.append(f"[{f.type}] {', '.join(f.articles)}")
        lines.append(f"  {f.explanation.get(lang) or next(iter(f.explanation.values()), '')}")
        labels = {"part-exceeds-whole": ("whole", "part")}.get(f.type, ())
        for i, r in enumerate(f.figures):
            tag = labels[i] if i < len(labels) else "figure"
            q = r.quote if len(r.quote) <= quote_width else r.quote[:quote_width - 1] + "…"
            title = f" 《{r.title}》" if r.title and len(f.articles) > 1 else ""
            when = r.year or (f"{r.period_start or '…'}–{r.period_end or '…'}" if r.period_start or r.period_end
                              else "no year")
            lines.append(f"  {tag} #{r.n} {r.label} ({_value_en(r)}, {when}, "
                         f"{r.subject or 'no subject'}){title}")
            lines.append(f"    “{q}”")
    lines.append(summary(findings))
    return "\n".join(lines) + "\n"


def format_json(findings: list[Finding]) -> str:
    """The findings as a JSON object: ``{"summary": {type: count}, "findings": [...]}``."""
    counts = {t: sum(1 for f in findings if f.type == t) for t in FINDING_TYPES}
    return json.dumps({"summary": counts, "findings": [f.as_record() for f in findings]},
                      ensure_ascii=False, indent=1) + "\n"


__all__ = ["ArticleCheck", "ConflictCheck", "Finding", "FINDING_TYPES", "PostConflict", "add_findings",
           "article_check", "check", "check_rows", "conflicting_posts", "conflicting_values", "dice", "format_json",
           "format_posts", "format_text", "missing", "part_exceeds_whole", "roles", "shard_check", "summary",
           "value_range", "write_conflicts"]
