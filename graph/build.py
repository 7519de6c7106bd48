"""A corpus build: files → facts → one graph → Turtle and HTML.

Articles are streamed: each file is read and extracted on its own (in this
process, in a local process pool with ``jobs > 1``, or on a Dask cluster
with ``scheduler``), and only its :class:`~graph.model.ArticleFacts` are
kept, so memory grows with the graph, not with the text read.  Facts are
merged in article-id order whatever order the workers finish in, so a
parallel build writes the same graph as a serial one.

Facts are cached on disk, keyed by the SHA-256 of each file's bytes under a
version key of the extractor (:func:`extractor_version`): a rebuild
re-extracts only new or changed articles, and editing the extractor (any
``.py`` file of the package or a lexicon file) invalidates the whole cache.

Every file that cannot be used is reported in one line (``skipped
<file>: <reason>``) and the rest of the corpus still builds.
"""
from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import re
import shutil
import sys
import tempfile
import time
from collections import Counter, deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from rdflib import RDF, Graph
from rdflib.namespace import FOAF, ORG

from .check import add_findings
from .model import ArticleFacts
from .namespace import UKG
from .pipeline import extract_file
from .rdf import build_graph
from .read import ARTICLE_SUFFIXES, ReadError, find_articles, scan_paths
from .when import apply_date

#: True while a progress bar may hold the last line of stderr (an interrupted build ends that line).
progress_line_open = False

#: Files at least this large (bytes) get a line of their own when their extraction starts.
LONG_ARTICLE_BYTES = 200_000

#: Classes counted in the build summary, with their names in it.
SUMMARY_CLASSES = {"unions": UKG.TradeUnion, "persons": FOAF.Person, "programmes": UKG.Programme,
                   "awards": UKG.Award, "documents": UKG.Document, "organizations": ORG.FormalOrganization,
                   "figures": UKG.Figure}


@dataclass
class BuildReport:
    """What a build did.

    ``articles`` built, ``failures`` (files skipped, with reasons), entities
    per class, triples, files written, and how many articles were
    ``extracted`` versus taken from the ``cached`` facts of an earlier build.
    """

    articles: int = 0
    failures: list[ReadError] = field(default_factory=list)
    counts: Counter = field(default_factory=Counter)
    triples: int = 0
    outputs: list[Path] = field(default_factory=list)
    extracted: int = 0
    cached: int = 0
    seconds: dict[str, float] = field(default_factory=dict)  # wall time per phase: extract, graph, write

    def summary(self) -> str:
        lines = [f"articles read: {self.articles}" + (f" ({len(self.failures)} skipped)" if self.failures else "")]
        if self.articles:
            lines.append(f"  extracted {self.extracted}, from cache {self.cached}")
        if not self.articles:  # nothing is written: no counts, no "triples written"
            return lines[0]
        lines += [f"  {k:<14}{self.counts.get(k, 0):>7}" for k in SUMMARY_CLASSES]
        lines.append(f"triples written: {self.triples}")
        lines += [f"wrote {p}" for p in self.outputs]
        if self.seconds:
            lines.append("time: " + ", ".join(f"{k} {v:.1f} s" for k, v in self.seconds.items()))
        return "\n".join(lines)


# ---------------------------------------------------------------- cache
@cache
def extractor_version() -> str:
    """A key that changes whenever extraction may give different facts.

    Returns
    -------
    str
        64 hex digits: SHA-256 of ``graph.__version__``, the versions of
        jieba, cn2an and opencc, and the path and bytes of every ``.py``
        file of the package and every lexicon data file.
    """
    from importlib.metadata import PackageNotFoundError, version

    from . import __version__

    h = hashlib.sha256(f"union-kg {__version__}\n".encode())
    for dist in ("jieba", "cn2an", "opencc-python-reimplemented"):
        try:
            h.update(f"{dist} {version(dist)}\n".encode())
        except PackageNotFoundError:
            h.update(f"{dist} -\n".encode())
    root = Path(__file__).resolve().parent
    files = sorted([*root.rglob("*.py"), *(root / "lexicon" / "data").glob("*")])
    for f in files:
        if f.is_file() and "__pycache__" not in f.parts:
            h.update(f.relative_to(root).as_posix().encode() + b"\0")
            h.update(hashlib.sha256(f.read_bytes()).digest())
    return h.hexdigest()


class FactCache:
    """Pickled ArticleFacts on disk, keyed by content hash, under the extractor's version.

    Layout: ``<root>/<version[:16]>/<hash[:2]>/<hash>.pickle``.  Folders of
    other extractor versions are deleted when the cache is opened, so the
    cache holds one version.  Only open a cache folder you trust: entries
    are pickles.

    Parameters
    ----------
    root : path-like
        The cache folder (created when the first entry is written).
    """

    _VERSION_DIR = re.compile(r"^[0-9a-f]{16}$")

    def __init__(self, root: str | Path):
        self.root = Path(root)
        self.dir = self.root / extractor_version()[:16]
        if self.root.is_dir():
            for d in self.root.iterdir():
                if d.is_dir() and self._VERSION_DIR.match(d.name) and d != self.dir:
                    shutil.rmtree(d, ignore_errors=True)

    def _path(self, key: str) -> Path:
        return self.dir / key[:2] / f"{key}.pickle"

    def get(self, key: str) -> ArticleFacts | None:
        """The facts stored under content hash ``key``, or None (missing or unreadable entry)."""
        try:
            with open(self._path(key), "rb") as fh:
                facts = pickle.load(fh)
        except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, TypeError, ValueError):
            return None
        return facts if isinstance(facts, ArticleFacts) else None

    def put(self, key: str, facts: ArticleFacts) -> None:
        """Store ``facts`` under ``key`` (atomically: a crash leaves no half entry)."""
        path = self._path(key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(f".{os.getpid()}.tmp")
            tmp.write_bytes(pickle.dumps(facts, protocol=pickle.HIGHEST_PROTOCOL))
            os.replace(tmp, path)
        except OSError as exc:  # a read-only cache slows the next build down, nothing more
            print(f"union-kg: cannot write cache {path}: {exc.strerror or exc}", file=sys.stderr)


# ---------------------------------------------------------------- extraction
def _warm_up() -> None:
    """Initialise jieba (and its domain dictionary) once in a worker process; leave Ctrl-C to the parent."""
    import signal

    from .segment import _jieba

    try:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent stops the pool; no traceback per worker
    except ValueError:  # not the main thread (a Dask worker): its nanny handles signals
        pass

    _jieba()


def _done(value) -> Future:
    fut: Future = Future()
    fut.set_result(value)
    return fut


class _Runner:
    """Submits :func:`graph.pipeline.extract_file` calls: in-process, to a process pool, or to Dask."""

    def __init__(self, jobs: int = 1, scheduler=None):
        self.close: Callable[[], None] = lambda: None
        self.window = 1
        if scheduler is not None:
            from distributed import Client

            own = not isinstance(scheduler, Client)
            try:
                client = Client(scheduler, timeout="20s") if own else scheduler
            except ValueError as exc:  # not an address: one clear line, like an unreachable scheduler
                raise OSError(f"bad Dask scheduler address {scheduler!r}: {exc}") from exc
            client.run(_warm_up)
            self.window = 8 * max(1, sum(client.nthreads().values()))
            self.submit = lambda path: client.submit(extract_file, str(Path(path).resolve()), pure=False)
            if own:
                self.close = client.close
        elif jobs != 1:
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            # forkserver: workers do not inherit this process's threads (tqdm's monitor) or its state
            methods = multiprocessing.get_all_start_methods()
            ctx = multiprocessing.get_context("forkserver" if "forkserver" in methods else None)
            workers = jobs if jobs > 1 else os.cpu_count() or 1
            pool = ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=_warm_up)
            self.window = 8 * workers
            self.submit = lambda path: pool.submit(extract_file, path)
            self.close = lambda: pool.shutdown(cancel_futures=True)
        else:
            self.submit = lambda path: _done(extract_file(path))


def iter_facts(entries: list[Path | ReadError], jobs: int = 1, scheduler=None,
               cache_dir: str | Path | None = None,
               on_start: Callable[[Path], None] | None = None) -> Iterator[tuple[ArticleFacts | ReadError, bool]]:
    """Extract articles, streaming: one file is read at a time, only facts are kept.

    Parameters
    ----------
    entries : list of Path or ReadError
        Article files and missing paths, as returned by
        :func:`graph.read.scan_paths`.
    jobs : int
        Worker processes on this machine; 1 extracts in this process, 0 uses
        one per CPU.
    scheduler : str or distributed.Client, optional
        Address of a Dask scheduler (``tcp://host:8786``) or a client:
        extraction runs on its workers, which must see the same files
        (absolute paths are sent).  Overrides ``jobs``.
    cache_dir : path-like, optional
        Folder of the fact cache (:class:`FactCache`); None disables it.
    on_start : callable, optional
        Called with each file's path when its extraction is submitted (not for cached facts).

    Yields
    ------
    (ArticleFacts or ReadError, bool)
        One item per entry, in the order given; the flag is True when the facts came from the cache.
        ``doc_id`` and ``source`` are always the file's stem and path as
        found here.
    """
    store = FactCache(cache_dir) if cache_dir is not None else None
    runner = _Runner(jobs, scheduler)
    window = runner.window
    pending: deque = deque()  # (path, content hash, future, from cache)

    def finish(item) -> tuple[ArticleFacts | ReadError, bool]:
        path, key, fut, hit = item
        res = fut.result()
        if isinstance(res, ReadError):
            return ReadError(path, res.reason), False
        res.doc_id, res.source = path.stem, str(path)
        if store is not None and key and not hit:
            store.put(key, res)
        return res, hit

    try:
        for entry in entries:
            if isinstance(entry, ReadError):
                while pending:
                    yield finish(pending.popleft())
                yield entry, False
                continue
            key = facts = None
            if store is not None:
                try:
                    key = hashlib.sha256(entry.read_bytes()).hexdigest()
                except OSError:
                    key = None  # extract_file reports why
                facts = store.get(key) if key else None
            if facts is not None:
                pending.append((entry, key, _done(facts), True))
            else:
                if on_start is not None:
                    on_start(entry)
                pending.append((entry, key, runner.submit(entry), False))
            while len(pending) > window or (pending and pending[0][2].done()):
                yield finish(pending.popleft())
        while pending:
            yield finish(pending.popleft())
    finally:
        runner.close()


def extract_corpus(paths: list[str | Path], progress: bool = False, jobs: int = 1, scheduler=None,
                   cache_dir: str | Path | None = None,
                   report: BuildReport | None = None) -> tuple[list[ArticleFacts], list[ReadError]]:
    """Extract every article under ``paths``; return facts (sorted by id) and failures.

    Parameters
    ----------
    paths : list of path-like
        Article files or folders.
    progress : bool
        Show a progress bar on stderr.
    jobs, scheduler, cache_dir
        As for :func:`iter_facts`.
    report : BuildReport, optional
        Its ``extracted`` and ``cached`` counters are incremented.

    Returns
    -------
    (list of ArticleFacts, list of ReadError)
        Facts sorted by ``(doc_id, source)``; one error per skipped file or
        missing path, each also printed to stderr as ``skipped <file>: <reason>``.
    """
    facts: list[ArticleFacts] = []
    errors: list[ReadError] = []
    entries = scan_paths(paths)
    entries += empty_folders(paths)
    bar = None

    def say(line: str) -> None:
        (bar.write if bar is not None else print)(line, file=sys.stderr)

    def on_start(path: Path) -> None:
        # one line per long file, so a build that sits on one article is seen to work
        try:
            size = path.stat().st_size
        except OSError:
            return
        if size >= LONG_ARTICLE_BYTES:
            say(f"extracting a long article: {path} ({size / 1e6:.1f} MB)")

    try:
        if progress and len(entries) > 1:
            from tqdm import tqdm

            global progress_line_open
            progress_line_open = True
            bar = tqdm(total=len(entries), unit="article", file=sys.stderr, desc="extracting")
        for res, hit in iter_facts(entries, jobs, scheduler, cache_dir, on_start if progress else None):
            if isinstance(res, ReadError):
                errors.append(res)
                say(f"skipped {res}")
            else:
                facts.append(res)
                if report is not None:
                    if hit:
                        report.cached += 1
                    else:
                        report.extracted += 1
            if bar is not None:
                bar.update()
    finally:
        if bar is not None:
            bar.close()
            progress_line_open = False
    facts.sort(key=lambda x: (x.doc_id, x.source))
    return facts, errors


def empty_folders(paths: list[str | Path]) -> list[ReadError]:
    """One :class:`ReadError` per folder of ``paths`` holding no file that is read as an article.

    The reason names the suffixes read (:data:`graph.read.ARTICLE_SUFFIXES`),
    so a folder of ``.pdf`` or ``.docx`` files does not build silently nothing.
    """
    out = []
    for p in map(Path, paths):
        if p.is_dir() and not find_articles([p]):
            out.append(ReadError(p, "no article files in this folder: files ending in "
                                    f"{' '.join(ARTICLE_SUFFIXES)} are read"))
    return out


def check_writable(out: Path) -> None:
    """Create ``out`` if needed and check a file can be written in it, before any extraction.

    Raises
    ------
    OSError
        With a one-line message naming the folder, when it cannot be created or written.
    """
    try:
        out.mkdir(parents=True, exist_ok=True)
        probe = tempfile.NamedTemporaryFile(dir=out, prefix=".union-kg-write-test-", delete=True)
        probe.close()
    except OSError as err:
        raise OSError(f"cannot write to the output folder {out}: {err.strerror or err}") from None


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
          html: bool = True, jobs: int = 1, scheduler=None,
          cache: str | Path | bool = True, date: str | None = None) -> tuple[Graph, BuildReport]:
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
    jobs : int
        Extraction processes on this machine (1: in this process; 0: one per CPU).
    scheduler : str or distributed.Client, optional
        Dask scheduler address (or client) to extract on a cluster instead.
    cache : bool or path-like
        True: cache facts in ``<out_dir>/.cache``; a path: cache there;
        False: no cache.
    date : str, optional
        The date of the articles (``2023-01-05``), over the one each
        dateline gives; meant for a build of one file.  Without it an
        article's sidecar ``<stem>.json`` (``{"date": "2023-01-05"}``) wins
        over its dateline (:func:`graph.when.apply_date`).

    Returns
    -------
    (rdflib.Graph, BuildReport)
        The graph is the same for any ``jobs``/``scheduler``/``cache``.
        Files that cannot be read, and paths that do not exist, are in
        ``report.failures``.  When no article was built nothing is written
        (an earlier build in ``out_dir`` is left as it was).

    Raises
    ------
    OSError
        When ``out_dir`` cannot be created or written (checked before any
        extraction), or a Dask scheduler is unusable.
    """
    from .export.turtle import write_turtle
    from .export.views import write_views

    out = Path(out_dir)
    existed = out.exists()
    check_writable(out)  # fail before a long extraction, not after it
    cache_dir = None if cache is False or cache is None else out / ".cache" if cache is True else Path(cache)
    report = BuildReport()
    t0 = time.perf_counter()
    facts, errors = extract_corpus(paths, progress, jobs, scheduler, cache_dir, report)
    for f in facts:  # after the cache: a sidecar may change without the article changing
        apply_date(f, f.source, date)
    t1 = time.perf_counter()
    g = build_graph(facts)
    from .rdf import article_iri

    sources = {str(article_iri(f.doc_id)): f.source for f in facts if f.source}  # article pages show the text
    del facts
    add_findings(g)  # figures that cannot be right, as ukg:Finding nodes
    report.seconds.update(extract=t1 - t0, graph=time.perf_counter() - t1)
    report.articles, report.failures = report.extracted + report.cached, errors
    report.counts, report.triples = count_classes(g), len(g)
    if not report.articles:
        if not existed:
            with contextlib.suppress(OSError):
                out.rmdir()  # created by check_writable; nothing was written in it
        return g, report
    t2 = time.perf_counter()
    report.outputs.append(write_turtle(g, out / "graph.ttl"))
    if html:
        report.outputs.append(write_views(g, out, sources=sources))
    report.seconds["write"] = time.perf_counter() - t2
    return g, report
