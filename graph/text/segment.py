"""Stage 2, segment: paragraphs, section headings, sentences, words.

Headings are short lines without sentence-final punctuation (``平谷区总工会``,
``【回顾2020】``, ``1.深入学习…``); a heading scopes the paragraphs under it
until the next heading of the same kind.  Words come from jieba with the
domain dictionary of :mod:`graph.lexicon` loaded once per process.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import cache, lru_cache

from ..model import Article, Section, Sentence
from . import bylines

_SENT_END = re.compile(r"[。！？!?;；]+[”’」』]?|\n")
_YEAR = re.compile(r"(?<![\d.])((?:19|20)\d{2})(?=年|】|\s|$)")
_DOC_SPAN = re.compile(r"《[^》]*》")
#: A reporter's byline: □本报记者 张伟 李娜 / □通讯员 李明 / □刘洋
BYLINE = re.compile(r"^[□■●◎]\s*(?:(?:本报|本刊)?(?:记者|通讯员|特约记者|实习生)[\s:：]*)?"
                    r"(?P<names>[\u4e00-\u9fff·\s]{2,40})$")


@cache
def _jieba():
    """jieba with the domain user dictionary, initialised once per process."""
    import logging

    import jieba
    import jieba.posseg  # noqa: F401  (registers the POS tokenizer)

    jieba.setLogLevel(logging.WARNING)
    try:
        from ..lexicon import userdict_path

        jieba.load_userdict(str(userdict_path()))
    except (ImportError, FileNotFoundError):  # lexicon not installed: plain jieba
        pass
    return jieba


def words(text: str) -> list[tuple[str, str]]:
    """Segment ``text`` into ``(word, part-of-speech)`` pairs with jieba.

    Parameters
    ----------
    text : str
        A sentence or clause.

    Returns
    -------
    list of (str, str)
        jieba.posseg tokens; tags follow the ICTCLAS set (``nr`` person
        name, ``ns`` place, ``nt`` organisation, ``v`` verb ...).
    """
    return list(_words(text))


@lru_cache(maxsize=65536)
def _words(text: str) -> tuple[tuple[str, str], ...]:
    # the rules ask about the same short strings many times (a name's next word, a prefix)
    jieba = _jieba()
    return tuple((w.word, w.flag) for w in jieba.posseg.lcut(text, HMM=True))


def first_word(text: str) -> tuple[str, str] | None:
    """The first ``(word, part-of-speech)`` pair that :func:`words` gives for ``text``, or None for "".

    jieba.posseg yields its tokens lazily, so the costly HMM pass over a
    later run of unknown characters is skipped when only the first token is
    asked for (a name's boundary, whether a string is one word).

    Parameters
    ----------
    text : str

    Returns
    -------
    tuple of (str, str) or None
        Equal to ``words(text)[0]``.
    """
    return _first_word(text)


@lru_cache(maxsize=65536)
def _first_word(text: str) -> tuple[str, str] | None:
    w = next(iter(_jieba().posseg.cut(text, HMM=True)), None)
    return None if w is None else (w.word, w.flag)


def first_words(text: str, n: int) -> tuple[tuple[str, str], ...]:
    """The first ``n`` ``(word, part-of-speech)`` pairs of jieba's dictionary-only segmentation (no HMM).

    Without the HMM for unknown words every token of two characters or
    more is a word of jieba's dictionary (or the domain user dictionary);
    unknown text comes out one character at a time.

    Parameters
    ----------
    text : str
    n : int
        How many tokens at most.

    Returns
    -------
    tuple of (str, str)
        As ``jieba.posseg.lcut(text, HMM=False)[:n]``.
    """
    return _first_words(text, n)


@lru_cache(maxsize=65536)
def _first_words(text: str, n: int) -> tuple[tuple[str, str], ...]:
    from itertools import islice

    return tuple((w.word, w.flag) for w in islice(_jieba().posseg.cut(text, HMM=False), n))


def opens_dictionary_word(text: str) -> bool:
    """Whether a word of two characters or more in jieba's dictionary (or the user dictionary) may start ``text``.

    False means :func:`first_words` gives a one-character first token: a
    prefix look-up, no segmentation.
    """
    return _jieba().get_FREQ(text[:2]) is not None if len(text) >= 2 else False


def lcut(text: str, hmm: bool = True) -> list[str]:
    """Plain jieba word segmentation with the domain dictionary (``hmm=False``: dictionary words only)."""
    return _jieba().lcut(text, HMM=hmm)


def is_heading(line: str) -> bool:
    """Whether a paragraph line reads as a heading rather than prose."""
    s = line.strip()
    if not s or len(s) > 40:
        return False
    if s.startswith("【") and s.endswith("】"):
        return True
    if re.match(r"^(?:\d{1,2}[.、．]|[(（][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+、)", s):
        return len(s) <= 45
    return not re.search(r"[。，,；;：:！？!?]", s[-1:] + s[:-1].replace("——", "")) and len(s) <= 30


def segment(article: Article) -> Article:
    """Fill ``paragraphs``, ``sections``, ``sentences``, ``title``, ``bylines``, ``dateline`` and ``creators``.

    ``creators`` are the names that :mod:`graph.text.bylines` credits as reporters
    or authors (记者, 作者); correspondents, photographers and editors stay
    in ``bylines`` with their titles.

    Parameters
    ----------
    article : Article
        With ``text`` set.

    Returns
    -------
    Article
        The same object, segmented.
    """
    text = article.text
    paras: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            start = pos + line.index(stripped)
            paras.append((start, start + len(stripped)))
        pos += len(line) + 1
    article.paragraphs = paras

    # sections: a heading line opens one
    sections: list[Section] = [Section(0, len(text), "")]
    for start, end in paras:
        line = text[start:end]
        if is_heading(line) and not BYLINE.match(line) and not bylines.is_credit_line(line):
            sections[-1].end = start
            m = _YEAR.search(line)
            year = int(m.group(1)) if m and line.startswith("【") else None
            sections.append(Section(start, len(text), line, year=year))
    article.sections = [s for s in sections if s.end > s.start or s.heading]

    sentences: list[Sentence] = []
    for pi, (start, end) in enumerate(paras):
        sec = _section_index(article.sections, start)
        s0 = start
        for m in _SENT_END.finditer(text, start, end):
            if m.end() > s0:
                sentences.append(Sentence(s0, m.end(), text[s0:m.end()], pi, sec))
            s0 = m.end()
        if s0 < end:
            sentences.append(Sentence(s0, end, text[s0:end], pi, sec))
    article.sentences = sentences

    article.title = _title(article)
    article.bylines = bylines.find(text, paras)
    article.creators = list(dict.fromkeys(n for n, t, _ in article.bylines if t in bylines.CREATOR_TITLES))
    article.year = article_year(text)
    return article


def _section_index(sections: list[Section], pos: int) -> int:
    for i in range(len(sections) - 1, -1, -1):
        if sections[i].start <= pos:
            return i
    return 0


def _title(article: Article) -> str:
    """The title: the heading just above a □ byline, else the first heading."""
    text = article.text
    lines = [text[s:e] for s, e in article.paragraphs]
    title = ""
    for i, line in enumerate(lines):
        m = BYLINE.match(line)
        if not m and re.fullmatch(r"[□■●◎]\s*(?:本报|本刊)?(?:记者|通讯员|特约记者)\s*", line) and i + 1 < len(lines):
            m = re.match(r"(?P<names>[\u4e00-\u9fff·\s]{2,40})$", lines[i + 1])  # names on the next line
        if not m:
            continue
        j = i - 1
        # the title is the line just above the byline (headlines run long: allow 60 chars)
        while j >= 0 and not (is_heading(lines[j]) or (j == i - 1 and len(lines[j]) <= 60
                                                        and not re.search(r"[。！？]", lines[j]))):
            j -= 1
        if j >= 0:
            title = lines[j].strip()
            if title.startswith("——") and j > 0 and is_heading(lines[j - 1]):
                title = lines[j - 1].strip()
        break
    if not title:
        headings = (ln.strip() for ln in lines
                    if is_heading(ln) and not BYLINE.match(ln) and not bylines.is_credit_line(ln))
        title = next(headings, lines[0][:40] if lines else "")
    return title


def years_in(text: str) -> list[tuple[int, int]]:
    """``(offset, year)`` for each year written as 2020年 or in a heading, outside 《》 titles."""
    masked = _DOC_SPAN.sub(lambda m: " " * len(m.group()), text)
    return [(m.start(), int(m.group(1))) for m in _YEAR.finditer(masked)]


def article_year(text: str) -> int | None:
    """The year an article mostly reports on: the most frequent year it names."""
    counts = Counter(y for _, y in years_in(text))
    if not counts:
        return None
    best = max(counts.values())
    return min(y for y, c in counts.items() if c == best)
