"""The pipeline: read → segment → mentions → resolve → RDF, in one place.

Like spaCy's ``Language``, the per-article part is a list of named stages,
each taking the :class:`~graph.model.Article` and returning it richer.
:func:`extract` runs them and returns plain, picklable
:class:`~graph.model.ArticleFacts`; it is a pure function of the text, so a
parallel build maps the very function the serial build calls.
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from .mentions import awards, documents, figures, ner, persons, programmes, unions
from .model import Article, ArticleFacts
from .resolve import resolve
from .resolve.evidence import attach
from .text.read import ReadError, read_file, read_text, restore_quotes
from .text.segment import segment


def _add(kind_finder: Callable[[Article], list]) -> Callable[[Article], Article]:
    def stage(article: Article) -> Article:
        article.mentions.extend(kind_finder(article))
        return article

    stage.__name__ = getattr(kind_finder, "__module__", "stage").rsplit(".", 1)[-1]
    return stage


def _taken(article: Article, *kinds: str) -> list[tuple[int, int]]:
    return [(m.start, m.end) for m in article.mentions if m.kind in kinds]


def _quoted_programmes(article: Article) -> Article:
    # “最美劳动者”主题活动 names a programme before 最美劳动者 can be read as an honour
    article.mentions.extend(programmes.find_quoted(article, _taken(article, "union", "document")))
    return article


def _awards(article: Article) -> Article:
    article.mentions.extend(awards.find(article, _taken(article, "programme", "document")))
    return article


def _award_recipients(article: Article) -> Article:
    # names in the list forms of conferring (张三、李四等2人荣获…), after persons so none is found twice
    article.mentions.extend(awards.find_recipient_names(article))
    return article


def _programmes(article: Article) -> Article:
    # honours take precedence over programme names inside them (全国模范职工之家)
    article.mentions.extend(programmes.find(article, _taken(article, "award", "union", "document", "programme")))
    return article


#: The named stages every article passes through, in order.
STAGES: list[tuple[str, Callable[[Article], Article]]] = [
    ("segment", segment),
    ("unions", _add(unions.find)),
    ("organizations", _add(documents.find_organizations)),
    ("documents", _add(documents.find_documents)),
    ("quoted programmes", _quoted_programmes),
    ("awards", _awards),
    ("ner", _add(ner.find)),  # the model proposes person candidates; persons.find confirms them
    ("persons", _add(persons.find)),
    ("award recipients", _award_recipients),
    ("programmes", _programmes),
    ("figures", _add(figures.find)),
]


def annotate(article: Article) -> Article:
    """Run every stage of :data:`STAGES` on an article (mentions, not yet resolved)."""
    for _, stage in STAGES:
        article = stage(article)
    return article


def extract(article: Article) -> ArticleFacts:
    """Annotate and resolve one article.

    Parameters
    ----------
    article : Article
        As read by :mod:`graph.text.read`.

    Returns
    -------
    ArticleFacts
        Everything the article says, keyed by canonical names; figure
        quotes as written (traditional characters kept, see
        :func:`graph.text.read.restore_quotes`).
    """
    return restore_quotes(attach(article, resolve(annotate(article))), article)


def extract_text(text: str, doc_id: str = "text") -> ArticleFacts:
    """Extract facts from a string: ``extract_text("朝阳区总工会主席李明表示…")``."""
    return extract(read_text(text, doc_id))


def extract_file(path: str | Path) -> ArticleFacts | ReadError:
    """Extract one file; a file that cannot be read or processed returns its error."""
    try:
        return extract(read_file(path))
    except ReadError as err:
        return err
    except Exception as exc:  # one broken article must not end a corpus build
        return ReadError(path, f"extraction failed: {type(exc).__name__}: {exc}")
