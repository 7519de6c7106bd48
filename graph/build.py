"""A corpus build: files → facts → one graph → Turtle and HTML.

Articles are read and extracted one at a time (streamed), each failure is
reported and skipped, and the summary counts what was built.
"""
from __future__ import annotations

import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import RDF, Graph
from rdflib.namespace import FOAF, ORG

from .check import add_findings
from .model import ArticleFacts
from .namespace import UKG
from .pipeline import extract_file
from .rdf import build_graph
from .read import ReadError, find_articles

#: Classes counted in the build summary, with their names in it.
SUMMARY_CLASSES = {"unions": UKG.TradeUnion, "persons": FOAF.Person, "programmes": UKG.Programme,
                   "awards": UKG.Award, "documents": UKG.Document, "organizations": ORG.FormalOrganization,
                   "figures": UKG.Figure}


@dataclass
class BuildReport:
    """What a build did: articles read, failures, entities per class, triples."""

    articles: int = 0
    failures: list[ReadError] = field(default_factory=list)
    counts: Counter = field(default_factory=Counter)
    triples: int = 0
    outputs: list[Path] = field(default_factory=list)

    def summary(self) -> str:
        lines = [f"articles read: {self.articles}" + (f" ({len(self.failures)} skipped)" if self.failures else "")]
        lines += [f"  {k:<14}{self.counts.get(k, 0):>7}" for k in SUMMARY_CLASSES]
        lines.append(f"triples written: {self.triples}")
        lines += [f"wrote {p}" for p in self.outputs]
        return "\n".join(lines)


def extract_corpus(paths: list[str | Path], progress: bool = False) -> tuple[list[ArticleFacts], list[ReadError]]:
    """Extract every article under ``paths``; return facts (sorted by id) and failures.

    Raises
    ------
    ReadError
        When a given path does not exist.
    """
    files = find_articles(paths)
    facts: list[ArticleFacts] = []
    errors: list[ReadError] = []
    bar = None
    if progress and len(files) > 1:
        from tqdm import tqdm

        bar = tqdm(total=len(files), unit="article", file=sys.stderr, desc="extracting")
    for f in files:
        res = extract_file(f)
        (errors if isinstance(res, ReadError) else facts).append(res)
        if isinstance(res, ReadError):
            print(f"skipped {res}", file=sys.stderr)
        if bar:
            bar.update()
    if bar:
        bar.close()
    facts.sort(key=lambda x: x.doc_id)
    return facts, errors


def count_classes(g: Graph) -> Counter:
    """Entities per class of :data:`SUMMARY_CLASSES` (organisations exclude unions)."""
    c = Counter()
    for name, cls in SUMMARY_CLASSES.items():
        subjects = set(g.subjects(RDF.type, cls))
        if cls == ORG.FormalOrganization:
            subjects -= set(g.subjects(RDF.type, UKG.TradeUnion))
        c[name] = len(subjects)
    return c


def build(paths: list[str | Path], out_dir: str | Path = "out", progress: bool = False,
          html: bool = True) -> tuple[Graph, BuildReport]:
    """Build the graph of a corpus and write ``graph.ttl`` and ``index.html``.

    Parameters
    ----------
    paths : list of path-like
        Article files or folders.
    out_dir : path-like
        Output folder, created if missing.
    progress : bool
        Show a progress bar on stderr when several files are read.
    html : bool
        Also write the HTML view.

    Returns
    -------
    (rdflib.Graph, BuildReport)

    Raises
    ------
    ReadError
        When a path does not exist.
    """
    from .export.turtle import write_turtle
    from .export.views import write_views

    facts, errors = extract_corpus(paths, progress)
    g = build_graph(facts)
    add_findings(g)
    out = Path(out_dir)
    report = BuildReport(articles=len(facts), failures=errors, counts=count_classes(g), triples=len(g))
    report.outputs.append(write_turtle(g, out / "graph.ttl"))
    if html:
        report.outputs.append(write_views(g, out))
    return g, report
