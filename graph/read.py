"""Stage 1, read: files on disk become :class:`~graph.model.Article` objects.

Text is decoded (UTF-8, UTF-8 with BOM, else the encoding that
charset-normalizer detects: GB18030/GBK/Big5 ...), then NFKC-normalised so
that full-width digits and punctuation (１２３，％) become ASCII and every
later rule sees one form.
"""
from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Iterator
from pathlib import Path

from .model import Article

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
    UTF-8 is tried first (most files); otherwise charset-normalizer picks
    the encoding (GB18030 is a superset of GBK and GB2312).
    """
    if not data.strip():
        raise ReadError(path, "empty file")
    if b"\x00" in data[:4096]:
        raise ReadError(path, "binary file (NUL bytes)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise ReadError(path, "unknown text encoding")
    enc = best.encoding
    if enc in ("gb2312", "gbk"):
        enc = "gb18030"
    return data.decode(enc, errors="replace")


def normalise(text: str) -> str:
    """NFKC-normalise and unify line ends.

    NFKC turns full-width forms into ASCII (``１２．５％`` → ``12.5%``,
    ``，`` → ``,``); it keeps CJK punctuation such as ``、`` ``。`` ``“”``.
    """
    text = unicodedata.normalize("NFKC", text)
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_text(text: str, doc_id: str, source: str = "") -> Article:
    """Make an :class:`Article` from text already in memory.

    Parameters
    ----------
    text : str
        Article text (any Unicode form).
    doc_id : str
        Identifier, by convention the file stem.
    source : str
        Where the text came from.
    """
    return Article(doc_id=doc_id, text=normalise(text), source=source, original=text)


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
        raise ReadError(path, exc.strerror or str(exc)) from exc
    text = decode(data, path)
    if path.suffix.lower() in (".html", ".htm"):
        text = html_to_text(text)
    if not text.strip():
        raise ReadError(path, "no text")
    return read_text(text, path.stem, str(path))


def html_to_text(html: str) -> str:
    """Extract the visible text of an HTML page, one block per line."""
    from html.parser import HTMLParser

    class _Text(HTMLParser):
        BLOCK = {"p", "div", "br", "h1", "h2", "h3", "h4", "li", "tr", "section", "article", "title"}

        def __init__(self) -> None:
            super().__init__()
            self.parts: list[str] = []
            self.skip = 0

        def handle_starttag(self, tag: str, attrs: list) -> None:
            if tag in ("script", "style"):
                self.skip += 1
            if tag in self.BLOCK:
                self.parts.append("\n")

        def handle_endtag(self, tag: str) -> None:
            if tag in ("script", "style") and self.skip:
                self.skip -= 1
            if tag in self.BLOCK:
                self.parts.append("\n")

        def handle_data(self, data: str) -> None:
            if not self.skip:
                self.parts.append(data)

    p = _Text()
    p.feed(html)
    return "\n".join(line.strip() for line in "".join(p.parts).split("\n"))


def iter_articles(paths: Iterable[Path | str]) -> Iterator[Article | ReadError]:
    """Stream articles; a file that cannot be read yields its ReadError."""
    for f in find_articles(paths):
        try:
            yield read_file(f)
        except ReadError as err:
            yield err
