"""The data that flows through the pipeline.

An :class:`Article` is read from a file, segmented into paragraphs, sections
and sentences, and enriched with :class:`Mention` spans by the mention
extractors (like a spaCy ``Doc`` passing through named components).  The
resolver turns one article's mentions into :class:`ArticleFacts`: entities
with canonical names, their relations and the figures, still keyed by name.
``ArticleFacts`` are plain, picklable values, so the per-article part of a
build can run in worker processes; the RDF stage merges them into one graph
and mints the IRIs.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any


@dataclass
class Sentence:
    """A sentence: ``text`` is ``Article.text[start:end]``."""

    start: int
    end: int
    text: str
    paragraph: int
    section: int


@dataclass
class Section:
    """A run of paragraphs under one heading (``【回顾2020】``, ``平谷区总工会``)."""

    start: int
    end: int
    heading: str = ""
    year: int | None = None  # year the heading names, e.g. 【回顾2020】


@dataclass
class Mention:
    """A span of the article that names something.

    ``attrs`` holds kind-specific values: a union's resolved name, a
    figure's value and unit, a post's title ...
    """

    kind: str
    start: int
    end: int
    text: str
    attrs: dict[str, Any] = field(default_factory=dict)


@dataclass
class Article:
    """One news article.

    ``text`` is NFKC-normalised (full-width digits and punctuation become
    ASCII); ``original`` keeps the text as read, for quotes.
    """

    doc_id: str
    text: str
    source: str = ""
    original: str = ""
    raw: str = ""  # the text as read (decoded file or text of the HTML), before NFKC; "" when equal to original
    title: str = ""
    paragraphs: list[tuple[int, int]] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    creators: list[str] = field(default_factory=list)
    #: every person a byline credits: (name, title, offset), title as read (记者, 通讯员, 摄影, 作者, 编辑 ...)
    bylines: list[tuple[str, str, int]] = field(default_factory=list)
    #: set by the resolver: forms written for the bodies it named in full (中共石嘴山市委 ← {市委})
    org_forms: dict[str, set[str]] = field(default_factory=dict)
    year: int | None = None  # the year the article is mainly about
    # set by the resolver: which union each section, the title and the article are about
    section_unions: dict[int, str | None] = field(default_factory=dict)
    title_union: str | None = None
    main_union: str | None = None

    _by_kind: dict = field(default_factory=dict, repr=False, compare=False)
    _starts: list[int] = field(default_factory=list, repr=False, compare=False)

    def of_kind(self, kind: str) -> list[Mention]:
        """Mentions of one kind, in text order.

        Cached until a mention is added (stages only ever append mentions).
        """
        key = (kind, len(self.mentions))
        if key not in self._by_kind:
            self._by_kind[key] = sorted((m for m in self.mentions if m.kind == kind), key=lambda m: m.start)
        return self._by_kind[key]

    def sentence_at(self, pos: int) -> Sentence | None:
        """The sentence that contains character offset ``pos`` (binary search)."""
        from bisect import bisect_right

        if len(self._starts) != len(self.sentences):
            self._starts = [s.start for s in self.sentences]
        i = bisect_right(self._starts, pos) - 1
        for s in self.sentences[max(i, 0):i + 1]:
            if s.start <= pos < s.end:
                return s
        return None


# ---------------------------------------------------------------- facts
@dataclass
class UnionFact:
    name: str
    aliases: set[str] = field(default_factory=set)
    parent: str | None = None
    level: str | None = None


@dataclass
class Role:
    title: str
    org: str | None = None  # canonical name of the union or organisation
    begin: Any = None  # graph.text.when.TimeRef of the start the text gives (当选, 任命, 新任, 自…起), or None


@dataclass
class PersonFact:
    name: str
    roles: list[Role] = field(default_factory=list)


@dataclass
class ProgrammeFact:
    name: str
    aliases: set[str] = field(default_factory=set)
    organizer: str | None = None


@dataclass
class AwardFact:
    name: str
    aliases: set[str] = field(default_factory=set)
    recipients: list[str] = field(default_factory=list)


@dataclass
class NamedFact:
    """An organisation that is not a union, or a document."""

    name: str
    aliases: set[str] = field(default_factory=set)


@dataclass
class FigureFact:
    """A statistical quantity.

    ``value`` is exact and normalised (yuan for money, percent points for
    ``%``, 万/亿 multiplied out); ``unit`` is one of ``yuan``, ``percent``,
    ``person``, ``person-time``, ``count``.
    """

    value: Decimal
    unit: str
    unit_text: str
    approx: bool
    text: str
    quote: str
    start: int
    measure: str = ""
    subject: str | None = None
    subject_kind: str | None = None  # union, organization, programme, award, place
    year: int | None = None
    when: Any = None  # graph.text.when.TimeRef: the time expression the figure refers to, or None


@dataclass(frozen=True)
class Evidence:
    """A span of the article as read: ``quote == text_as_read[start:end]`` (characters)."""

    start: int
    end: int
    quote: str


@dataclass
class ArticleFacts:
    """Everything one article says, keyed by canonical names."""

    doc_id: str
    title: str = ""
    source: str = ""
    creators: list[str] = field(default_factory=list)
    unions: list[UnionFact] = field(default_factory=list)
    persons: list[PersonFact] = field(default_factory=list)
    programmes: list[ProgrammeFact] = field(default_factory=list)
    awards: list[AwardFact] = field(default_factory=list)
    organizations: list[NamedFact] = field(default_factory=list)
    documents: list[NamedFact] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    figures: list[FigureFact] = field(default_factory=list)
    # when, where, says who (graph.resolve.evidence, graph.text.when)
    issued: str | None = None  # YYYY-MM-DD or YYYY-MM: the dateline's, a sidecar's or the command line's
    dateline_place: tuple[str, ...] | None = None  # path of the dateline's division (graph.text.places.Division.path)
    publisher: str | None = None
    plan: tuple[str | None, str | None] | None = None  # graph.text.when.plan_before, as (start, end)
    evidence: dict[tuple, Evidence] = field(default_factory=dict)  # fact key → span (graph.resolve.evidence.KEYS)
