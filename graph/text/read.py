"""Stage 1, read: files on disk become :class:`~graph.model.Article` objects.

Text is decoded (UTF-8, UTF-8 with BOM, UTF-16 with BOM, else the encoding
that charset-normalizer detects: GB18030/GBK/Big5 ...), HTML pages are
reduced to their visible text, and the text is NFKC-normalised so that
full-width digits and punctuation (１２３，％) become ASCII and every later
rule sees one form.  Traditional Chinese is converted to simplified with
OpenCC (``t2s``) for extraction; the unconverted text stays in
``Article.original``, offset for offset, so quotes are given as written.

Every way a file can be unusable (missing, unreadable, empty, binary, no
known encoding, no text) raises :class:`ReadError`, whose message is one
line naming the file and the reason.
"""
from __future__ import annotations

import codecs
import unicodedata
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from ..model import Article, ArticleFacts

#: File suffixes read when a folder is given.
ARTICLE_SUFFIXES = (".txt", ".text", ".md", ".html", ".htm")


class ReadError(Exception):
    """An article file that cannot be read: names the file and the reason."""

    def __init__(self, path: Path | str, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = str(path)
        self.reason = reason


def find_articles(paths: Iterable[Path | str]) -> list[Path]:
    """Expand files and folders into a sorted list of article files.

    Parameters
    ----------
    paths : iterable of path-like
        Article files, or folders searched recursively for files whose
        suffix is in :data:`ARTICLE_SUFFIXES`.

    Returns
    -------
    list of Path
        Sorted, without duplicates.

    Raises
    ------
    ReadError
        When a path does not exist.
    """
    found: set[Path] = set()
    for p in map(Path, paths):
        if p.is_dir():
            found.update(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in ARTICLE_SUFFIXES)
        elif p.is_file():
            found.add(p)
        else:
            raise ReadError(p, "no such file or folder")
    return sorted(found)


def scan_paths(paths: Iterable[Path | str]) -> list[Path | ReadError]:
    """Like :func:`find_articles`, but a missing path becomes an entry, not an exception.

    Parameters
    ----------
    paths : iterable of path-like
        Article files or folders.

    Returns
    -------
    list of Path or ReadError
        The article files, sorted and without duplicates, followed by one
        :class:`ReadError` per path that does not exist (in the order given).
    """
    found: list[Path] = []
    missing: list[ReadError] = []
    for p in paths:
        try:
            found.extend(find_articles([p]))
        except ReadError as err:
            missing.append(err)
    return [*sorted(set(found)), *missing]


#: Share of control characters above which decoded bytes count as binary.
MAX_CONTROL_SHARE = 0.05
#: Encodings a Chinese article is plausibly written in, used to overrule a
#: charset-normalizer guess for very short files.
_CHINESE_ENCODINGS = {"gb18030", "gbk", "gb2312", "big5", "big5hkscs", "hz", "utf_8", "utf_16", "utf_32"}


def decode(data: bytes, path: Path | str = "<bytes>") -> str:
    """Decode article bytes to text.

    Parameters
    ----------
    data : bytes
        The file's content.
    path : path-like
        Used in error messages only.

    Returns
    -------
    str
        The decoded text, BOM removed.

    Raises
    ------
    ReadError
        For empty or binary content, or when no encoding fits.

    Notes
    -----
    A UTF-16 byte-order mark is honoured; then UTF-8 is tried (most files);
    otherwise charset-normalizer picks the encoding (GB18030 is a superset of
    GBK and GB2312, so both are read as GB18030).  charset-normalizer may
    guess wrong on a file of a few characters (a Korean code page for five
    GBK hanzi): when its guess is not a Chinese encoding and the bytes are
    valid GB18030, GB18030 wins.  Content with NUL bytes or more than
    :data:`MAX_CONTROL_SHARE` control characters is binary.
    """
    if not data.strip():
        raise ReadError(path, "empty file")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return _check_text(data.decode("utf-16"), path)
        except UnicodeDecodeError:
            raise ReadError(path, "invalid UTF-16") from None
    if b"\x00" in data[:4096]:
        raise ReadError(path, "binary file (NUL bytes)")
    try:
        return _check_text(data.decode("utf-8-sig"), path)
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    enc = best.encoding if best is not None else None
    if enc in ("gb2312", "gbk"):
        enc = "gb18030"
    if enc not in _CHINESE_ENCODINGS:
        try:
            return _check_text(data.decode("gb18030"), path)
        except UnicodeDecodeError:
            pass
    if enc is None:
        raise ReadError(path, "binary file or unknown text encoding")
    return _check_text(data.decode(enc, errors="replace"), path)


def _check_text(text: str, path: Path | str) -> str:
    """Return ``text`` without a BOM, or raise ReadError if it looks binary."""
    text = text.removeprefix("\ufeff")
    sample = text[:20000]
    controls = sum(1 for ch in sample if unicodedata.category(ch) == "Cc" and ch not in "\t\n\r\f\v")
    if sample and controls / len(sample) > MAX_CONTROL_SHARE:
        raise ReadError(path, "binary file (control characters)")
    return text


def normalise(text: str) -> str:
    """NFKC-normalise and unify line ends.

    NFKC turns full-width forms into ASCII (``１２．５％`` → ``12.5%``,
    ``，`` → ``,``); it keeps CJK punctuation such as ``、`` ``。`` ``“”``.
    """
    text = unicodedata.normalize("NFKC", text)
    return text.replace("\r\n", "\n").replace("\r", "\n")


@cache
def _opencc():
    """The OpenCC ``t2s`` converter and the set of traditional-only characters.

    The set holds every character of OpenCC's ``TSCharacters`` table that
    never maps to itself; a text without any of them is already simplified
    and is not converted (conversion costs as much as extraction).
    """
    from importlib.resources import files

    from opencc import OpenCC

    trad = set()
    table = files("opencc") / "dictionary" / "TSCharacters.txt"
    for line in table.read_text(encoding="utf-8").splitlines():
        key, _, values = line.partition("\t")
        if key and values and key not in values.split():
            trad.add(key)
    return OpenCC("t2s"), frozenset(trad)


def is_traditional(text: str) -> bool:
    """True if ``text`` has a character that only traditional Chinese uses (總, 會, 職 ...)."""
    return not _opencc()[1].isdisjoint(text)


def to_simplified(text: str) -> str:
    """Convert traditional Chinese to simplified, keeping every offset.

    Parameters
    ----------
    text : str
        Any text; simplified text is returned unchanged.

    Returns
    -------
    str
        Same length as ``text``: character ``i`` of the result is the
        simplified form of character ``i`` of the input.

    Notes
    -----
    OpenCC's ``t2s`` tables (``TSPhrases``, ``TSCharacters`` in
    opencc-python-reimplemented 0.1.7) map every entry to one of the same
    length, so the conversion is length-preserving; a line where that ever
    fails (a future table) is converted character by character instead,
    which keeps the offsets at the cost of phrase context.
    """
    if not is_traditional(text):
        return text
    cc = _opencc()[0]
    out = []
    for line in text.split("\n"):
        conv = cc.convert(line)
        if len(conv) != len(line):
            conv = "".join(cc.convert(ch) if len(cc.convert(ch)) == 1 else ch for ch in line)
        out.append(conv)
    return "\n".join(out)


def read_text(text: str, doc_id: str, source: str = "") -> Article:
    """Make an :class:`Article` from text already in memory.

    Parameters
    ----------
    text : str
        Article text (any Unicode form, simplified or traditional Chinese).
    doc_id : str
        Identifier, by convention the file stem.
    source : str
        Where the text came from.

    Returns
    -------
    Article
        ``text`` is NFKC-normalised and simplified; ``original`` is the
        normalised text before conversion to simplified, so
        ``original[i:j]`` is what the author wrote at ``text[i:j]``.
    """
    norm = normalise(text)
    return Article(doc_id=doc_id, text=to_simplified(norm), source=source, original=norm,
                   raw="" if text == norm else text)


def restore_quotes(facts: ArticleFacts, article: Article) -> ArticleFacts:
    """Give each figure's quote (and text) as written in the original, not as converted.

    Parameters
    ----------
    facts : ArticleFacts
        Extracted from ``article``; modified in place.
    article : Article
        With ``text`` and ``original`` of equal length (see :func:`read_text`).

    Returns
    -------
    ArticleFacts
        ``facts``.  Unchanged when the article was not converted.
    """
    text, orig = article.text, article.original
    if not orig or orig == text or len(orig) != len(text):
        return facts
    for f in facts.figures:
        if text[f.start:f.start + len(f.text)] == f.text:
            f.text = orig[f.start:f.start + len(f.text)]
        # the quote is the sentence holding the figure: the occurrence that covers f.start
        i = text.rfind(f.quote, 0, f.start + 1)
        if i == -1 or i + len(f.quote) <= f.start:
            i = text.find(f.quote)
        if i != -1:
            f.quote = orig[i:i + len(f.quote)]
    return facts


def read_file(path: Path | str) -> Article:
    """Read one article file.

    Parameters
    ----------
    path : path-like
        A text file; its stem becomes ``dcterms:identifier``.

    Returns
    -------
    Article

    Raises
    ------
    ReadError
        For a missing, unreadable, empty or binary file.
    """
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ReadError(path, (exc.strerror or str(exc)).lower()) from exc
    return read_bytes(data, path)


def read_bytes(data: bytes, path: Path | str) -> Article:
    """Make an :class:`Article` from a file's bytes (see :func:`read_file`).

    Parameters
    ----------
    data : bytes
        The file content.
    path : path-like
        Its name: the stem is the id, an ``.html``/``.htm`` suffix (or
        content starting with ``<!DOCTYPE html``/``<html``) selects HTML.

    Raises
    ------
    ReadError
        For empty, binary or undecodable content, or HTML without text.
    """
    path = Path(path)
    text = decode(data, path)
    if path.suffix.lower() in (".html", ".htm") or _looks_like_html(text):
        text = html_to_text(text)
    if not text.strip():
        raise ReadError(path, "no text")
    return read_text(text, path.stem, str(path))


def text_as_read(path: Path | str) -> str:
    """The text of an article file as read, before normalisation: what evidence offsets count.

    Parameters
    ----------
    path : path-like
        An article file.

    Returns
    -------
    str
        The decoded file (BOM removed), or the visible text of an HTML
        page; ``ukg:startOffset``/``ukg:endOffset`` are offsets into it.

    Raises
    ------
    ReadError
        As :func:`read_file`.
    """
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ReadError(path, (exc.strerror or str(exc)).lower()) from exc
    text = decode(data, path)
    if path.suffix.lower() in (".html", ".htm") or _looks_like_html(text):
        text = html_to_text(text)
    return text


def _looks_like_html(text: str) -> bool:
    head = text[:512].lstrip().lower()
    return head.startswith(("<!doctype html", "<html"))


def html_to_text(html: str) -> str:
    """Extract the visible text of an HTML page, one block per line.

    Parameters
    ----------
    html : str
        A page or fragment; malformed markup is tolerated (the standard
        library's ``html.parser``).  Entities are decoded; ``script``,
        ``style``, ``noscript``, ``template`` and ``svg`` are dropped.

    Returns
    -------
    str
        Lines of text, block elements (``p``, ``div``, ``br``, ``h1`` …)
        starting new lines, without runs of blank lines.
    """
    from html.parser import HTMLParser

    class _Text(HTMLParser):
        BLOCK = {"p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "td", "th", "section",
                 "article", "title", "header", "footer", "blockquote", "pre", "table", "ul", "ol", "dd", "dt"}
        HIDDEN = {"script", "style", "noscript", "template", "svg"}

        def __init__(self) -> None:
            super().__init__()
            self.parts: list[str] = []
            self.skip = 0

        def handle_starttag(self, tag: str, attrs: list) -> None:
            if tag in self.HIDDEN:
                self.skip += 1
            if tag in self.BLOCK:
                self.parts.append("\n")

        def handle_endtag(self, tag: str) -> None:
            if tag in self.HIDDEN and self.skip:
                self.skip -= 1
            if tag in self.BLOCK:
                self.parts.append("\n")

        def handle_data(self, data: str) -> None:
            if not self.skip:
                self.parts.append(data)

    p = _Text()
    p.feed(html)
    p.close()
    lines = [line.strip() for line in "".join(p.parts).split("\n")]
    return "\n".join(line for i, line in enumerate(lines) if line or (i and lines[i - 1]))
