"""Says who: the span of the article each fact was read from, and the article's own date.

Runs after the resolver (:func:`attach`), on the article and its facts:

* every fact gets an :class:`~graph.model.Evidence` in ``facts.evidence``,
  keyed as in :data:`KEYS`: the sentence it was read from, as character
  offsets into the article text *as read* (the decoded file, or the text
  extracted from HTML, before NFKC normalisation and conversion to
  simplified characters) and the quote at those offsets;
* the dateline gives ``facts.issued``, ``facts.dateline_place`` and
  ``facts.publisher`` (:func:`graph.text.when.find_dateline`);
* every figure gets the time expression it refers to (``FigureFact.when``)
  and every post the start the text gives (``Role.begin``).

Offsets: extraction works on ``Article.text`` (NFKC, simplified), whose
characters are one-to-one with ``Article.original``'s but not with the
file's (NFKC turns ``㎡`` into ``m2``, ``\\r\\n`` becomes ``\\n``).
:func:`offset_map` maps each character of the normalised text to the
offset of the character of the text as read it came from.
"""
from __future__ import annotations

import re
import unicodedata

from ..model import Article, ArticleFacts, Evidence
from ..text.places import parse_place
from ..text.when import TimeRef, figure_ref, find_dateline, plan_before, time_refs
from . import full_sentence

#: Keys of ``ArticleFacts.evidence``.
KEYS = {
    "figure": "(\"figure\", n): the n-th figure of the article, from 1",
    "member": "(\"member\", person, title, org or None): a post",
    "parent": "(\"parent\", union, parent union): org:subOrganizationOf",
    "organizer": "(\"organizer\", programme, organiser): ukg:organizedBy",
    "recipient": "(\"recipient\", award, recipient): ukg:receivedAward",
    "mention": "(\"mention\", kind, name): schema:mentions; kind is union, person, programme, award, org, document",
    "dateline": "(\"dateline\",): the article's date line or dateline",
}
#: Words that say a post starts (当选 主席, 被任命为, 新任, 履新).
_BEGINS = re.compile(r"当选|选举.{0,8}为|任命|新任|就任|履新|上任|出任|接任")
_FROM = re.compile(r"自(\d{4})年(?:(\d{1,2})月)?(?:(\d{1,2})日)?起")


def offset_map(raw: str, norm: str) -> list[int] | None:
    """Offsets into ``raw`` of each character of ``norm = normalise(raw)``, plus ``len(raw)`` at the end.

    Parameters
    ----------
    raw : str
        Text as read.
    norm : str
        :func:`graph.text.read.normalise` of it.

    Returns
    -------
    list of int or None
        ``len(norm) + 1`` offsets: ``raw[m[i]:m[j]]`` is the text as read
        that became ``norm[i:j]``.  None if the normalisation cannot be
        replayed piece by piece (never seen; evidence is then looked up by
        its quote).
    """
    chars = set(raw)
    if "\r" not in chars and not any(map(unicodedata.combining, chars)):
        # each character is a piece of its own (as in the loop below): normalise each distinct one once, and
        # walk only to those that become several (… → ...)
        table = {ord(ch): unicodedata.normalize("NFKC", ch) for ch in chars}
        if raw.translate(table) != norm:
            return None
        wide = "".join(ch for ch in chars if len(table[ord(ch)]) != 1)
        if not wide:
            return list(range(len(raw) + 1))
        out, done = [], 0
        for m in re.finditer(f"[{re.escape(wide)}]", raw):
            i = m.start()
            out += range(done, i)
            out += [i] * len(table[ord(raw[i])])
            done = i + 1
        out += range(done, len(raw) + 1)
        return out
    out: list[int] = []
    parts: list[str] = []
    i, n = 0, len(raw)
    while i < n:
        j = i + 1
        if raw[i] == "\r":
            j = i + 2 if raw[i + 1:i + 2] == "\n" else i + 1
            piece = "\n"
        else:
            while j < n and unicodedata.combining(raw[j]):
                j += 1
            piece = unicodedata.normalize("NFKC", raw[i:j])
        parts.append(piece)
        out.extend([i] * len(piece))
        i = j
    out.append(n)
    return out if "".join(parts) == norm else None


class _Spans:
    """Turns spans of ``Article.text`` into Evidence on the text as read."""

    def __init__(self, article: Article):
        self.text = article.text
        self.raw = article.raw or article.original or article.text
        self.map = offset_map(article.raw, article.original or article.text) if article.raw else None
        self.mapped = not article.raw or self.map is not None

    def span(self, s: int, e: int) -> Evidence | None:
        text = self.text
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s >= e:
            return None
        if self.map is not None:
            rs, re_ = self.map[s], self.map[e]
        elif self.mapped:
            rs, re_ = s, e
        else:  # normalisation not replayable: find the quote as written
            rs = self.raw.find(text[s:e])
            if rs < 0:
                return None
            re_ = rs + e - s
        quote = self.raw[rs:re_]
        return Evidence(rs, re_, quote) if quote.strip() else None

    def sentence(self, pos: int) -> Evidence | None:
        s, e = full_sentence(self.text, pos)
        return self.span(s, e)


class _Finder:
    """First occurrences of names, and the first sentence that holds two of them."""

    def __init__(self, text: str):
        self.text = text
        self._pos: dict[str, list[int]] = {}

    def positions(self, form: str, limit: int = 50) -> list[int]:
        if form not in self._pos:
            out, i = [], self.text.find(form) if form else -1
            while i >= 0 and len(out) < limit:
                out.append(i)
                i = self.text.find(form, i + 1)
            self._pos[form] = out
        return self._pos[form]

    def first(self, forms) -> int | None:
        hits = [p[0] for f in forms if f for p in [self.positions(f)] if p]
        return min(hits) if hits else None

    def together(self, forms_a, forms_b, forms_c=()) -> int | None:
        """Position of the first occurrence of a form of A whose sentence holds a form of B (and of C)."""
        best = None
        for f in forms_a:
            for p in self.positions(f) if f else ():
                s, e = full_sentence(self.text, p)
                sent = self.text[s:e]
                if any(b and b in sent for b in forms_b) and (not forms_c or any(c and c in sent for c in forms_c)):
                    best = p if best is None else min(best, p)
                    break
        return best


def _forms(name: str | None, aliases=()) -> list[str]:
    forms = [x for x in {name or "", *aliases} if x]
    stripped = [re.sub(r"[“”\"‘’《》]", "", x) for x in forms]
    return sorted({*forms, *(x for x in stripped if len(x) >= 2)}, key=len, reverse=True)


def attach(article: Article, facts: ArticleFacts) -> ArticleFacts:
    """Add evidence, the article's date, place and publisher, and figures' and posts' times.

    Parameters
    ----------
    article : Article
        Segmented and annotated; ``text`` as extracted from.
    facts : ArticleFacts
        Resolved from ``article``; modified in place (before
        :func:`graph.text.read.restore_quotes`, whose figures' ``start`` and
        ``quote`` are on ``article.text``).

    Returns
    -------
    ArticleFacts
        ``facts``.  A fact whose words cannot be found in the text gets the
        sentence of its first named entity; one with nothing findable gets
        no evidence (never a made-up span).
    """
    spans, find, text = _Spans(article), _Finder(article.text), article.text
    ev = facts.evidence

    def put(key: tuple, pos: int | None) -> None:
        if pos is not None:
            e = spans.sentence(pos)
            if e is not None:
                ev[key] = e

    # the article: dateline, date, place, publisher
    dl = find_dateline(text)
    if dl is not None:
        e = spans.span(dl.start, dl.end)
        if e is not None:
            ev[("dateline",)] = e
        facts.issued = dl.date
        facts.publisher = dl.publisher
        d = parse_place(dl.place) if dl.place else None
        facts.dateline_place = d.path if d else None
    plan = plan_before(text)
    facts.plan = (plan.start, plan.end) if plan else None

    # entities and their relations
    union_forms = {u.name: _forms(u.name, u.aliases) for u in facts.unions}
    for u in facts.unions:
        forms = union_forms[u.name]
        put(("mention", "union", u.name), find.first(forms))
        if u.parent:
            pforms = union_forms.get(u.parent) or _forms(u.parent)
            put(("parent", u.name, u.parent), find.together(forms, pforms) or find.first(forms))
    for kind, items in (("org", facts.organizations), ("document", facts.documents)):
        for x in items:
            put(("mention", kind, x.name), find.first(_forms(x.name, x.aliases)))
    for p in facts.persons:
        pf = _forms(p.name)
        put(("mention", "person", p.name), find.first(pf))
        for r in p.roles:
            of = union_forms.get(r.org or "") or _forms(r.org)
            pos = (find.together(pf, [r.title], of) if r.org else None) or find.together(pf, [r.title]) \
                or find.first(pf)
            put(("member", p.name, r.title, r.org), pos)
            r.begin = _post_begin(text, pos, r.begin, (dl.start, dl.end) if dl is not None else (0, 0))
    for c in facts.creators:
        if ("mention", "person", c) not in ev:
            put(("mention", "person", c), find.first(_forms(c)))
    for x in facts.programmes:
        xf = _forms(x.name, x.aliases)
        put(("mention", "programme", x.name), find.first(xf))
        if x.organizer:
            of = union_forms.get(x.organizer) or _forms(x.organizer)
            put(("organizer", x.name, x.organizer), find.together(xf, of) or find.first(xf))
    for a in facts.awards:
        af = _forms(a.name, a.aliases)
        put(("mention", "award", a.name), find.first(af))
        for who in a.recipients:
            wf = union_forms.get(who) or _forms(who)
            put(("recipient", a.name, who), find.together(af, wf) or find.together(wf, af) or find.first(af))

    # figures: their sentence, and the time they refer to
    refs = time_refs(text)
    starts = [r[0] for r in refs]
    paragraphs = article.paragraphs or [(0, len(text))]
    for i, f in enumerate(facts.figures, 1):
        put(("figure", i), f.start)
        sent = full_sentence(text, f.start)
        s = article.sentence_at(f.start)
        para = paragraphs[s.paragraph] if s is not None and s.paragraph < len(paragraphs) else sent
        floor = article.sections[s.section].start if s is not None and s.section < len(article.sections) else 0
        f.when = figure_ref(text, f.start, sent, para, paragraphs, refs, floor=floor, starts=starts)
    return facts


def _post_begin(text: str, pos: int | None, current: TimeRef | None,
                skip: tuple[int, int] = (0, 0)) -> TimeRef | None:
    """The start of a post the sentence at ``pos`` gives: a date it names, else the article's date.

    ``skip`` is the dateline's span: its date is the article's, not the post's.  Of the dates the
    sentence names (a day or a month), the nearest before the word that starts the post wins.
    """
    if current is not None or pos is None:
        return current
    s, e = full_sentence(text, pos)
    sent = text[s:e]
    m = _FROM.search(sent)
    if m:
        refs = time_refs(m.group(0))
        return refs[0][2] if refs else None
    begin = _BEGINS.search(sent)
    if not begin:
        return None
    # a day or a month the sentence names (2021年3月当选); a bare year is too coarse to be the start
    dated = [(a, r) for a, _, r in time_refs(sent) if r.kind == "abs" and r.period and r.period.start
             and len(r.period.start) >= 7 and not skip[0] <= s + a < skip[1]]
    before = [r for a, r in dated if a < begin.start()]
    if before or dated:
        return (before or [dated[0][1]])[-1]
    return TimeRef("now", begin.group())


__all__ = ["attach", "offset_map", "KEYS"]
