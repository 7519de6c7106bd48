"""Turtle output, written by Oxigraph in a canonical order.

rdflib's Turtle serialiser is slow (264k triples: 24.7 s, against 4.9 s
here, ``bench/bench_sparql.py``; of those 4.9 s, 2.6 s is rdflib handing
the triples out as N-Triples) and its output order depends on the order the
triples were added.  Here the triples are sorted by their
N-Triples lines (so by subject; ``rdf:type`` first among a subject's
predicates), and written by
:func:`pyoxigraph.serialize` with the project's prefixes given explicitly
(oxrdflib has been reported to drop parsed prefixes, oxrdflib issue #86, so
rdflib's store plugin is not used).  The same graph therefore gives the same
bytes whatever the order of the build, serial or parallel.

A store (a build's) is written faster and in bounded memory: Oxigraph
dumps it as Turtle with those prefixes (one block of lines a subject, in
the store's index order), and Python only puts the blocks, their predicate
lines and the objects of each line in the order above, reading the sort
keys off the Turtle tokens (:class:`_Keys`); chunks of :data:`CHUNK_BYTES`
are sorted in memory and, for a bigger graph, merged from runs on disk.
The bytes are those of the N-Triples path (``tests/test_turtle_canonical.py``).
On the 20 MB bench (2.55 M triples) this took the writer from 17 to 4.7
CPU seconds in memory and from 35 to 15 on disk, where Oxigraph reading
the terms back is 10 of the 15 (``bench/bench_turtle.py``).

``ukgid:`` is not used for instance IRIs: their local parts hold ``/``,
which Turtle must escape (``ukgid:union\\/顺义区总工会``); the whole IRI
``<https://w3id.org/union-kg/id/union/顺义区总工会>`` reads better and can be
pasted into a query or searched for as it is.
"""
from __future__ import annotations

import contextlib
import functools
import heapq
import itertools
import operator
import os
import re
import shutil
import sys
import tempfile
import threading
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph
from rdflib.namespace import RDF

from ..namespace import PREFIXES

#: Prefixes declared in the Turtle output (all of the project's but ``ukgid:``, see above).
TURTLE_PREFIXES: dict[str, str] = {k: str(v) for k, v in PREFIXES.items() if k != "ukgid"}

_SUBJECT_START = re.compile(rb"\n(?=[^\t@\n])")
_NT_TYPE = f" <{RDF.type}> ".encode()
_TYPE_IRI = _NT_TYPE[1:-1]


def _line_key(line: bytes) -> bytes:
    # subject first (an N-Triples subject holds no space), then rdf:type before any other predicate
    return line.replace(_NT_TYPE, b" \x00 ", 1)


def canonical_ntriples(g: Graph | ox.Store) -> bytes:
    """The triples of ``g`` as N-Triples lines in canonical order.

    Parameters
    ----------
    g : rdflib.Graph or pyoxigraph.Store
        A store (or a Graph over one) is dumped by Oxigraph, its default graph.

    Returns
    -------
    bytes
        UTF-8 N-Triples, one triple a line, sorted (so grouped by subject),
        ``rdf:type`` before the other predicates of a subject.  Blank
        nodes, if any, are first relabelled by RDF Dataset Canonicalization
        (RDFC-1.0), so their labels do not depend on the order of the build
        either.

    Notes
    -----
    rdflib writes the N-Triples (each term has one written form); that is
    most of the time this takes, as every triple leaves rdflib's store
    through Python.  Sorting byte strings and letting Oxigraph parse them
    is then cheap.
    """
    from .tables import oxigraph_of

    st = g if isinstance(g, ox.Store) else oxigraph_of(g)
    if st is not None:
        nt = st.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph())
    else:
        nt = g.serialize(format="nt", encoding="utf-8")
    if b"_:" in nt:  # maybe blank nodes (or just the two characters in a literal): canonicalise
        ds = ox.Dataset(ox.parse(nt, format=ox.RdfFormat.N_QUADS))
        if any(isinstance(q.subject, ox.BlankNode) or isinstance(q.object, ox.BlankNode) for q in ds):
            ds.canonicalize(ox.CanonicalizationAlgorithm.RDFC_1_0)
            nt = ox.serialize(ds, None, ox.RdfFormat.N_QUADS)
    lines = sorted({ln for ln in nt.split(b"\n") if ln.strip()}, key=_line_key)
    return b"\n".join(lines) + b"\n"


def canonical_triples(g: Graph | ox.Store) -> list[ox.Triple]:
    """The triples of ``g`` as pyoxigraph triples, in the order of :func:`canonical_ntriples`."""
    return list(ox.parse(canonical_ntriples(g), format=ox.RdfFormat.N_TRIPLES))


#: Bytes of Oxigraph's Turtle read and sorted in memory at once when a store is written; a store whose
#: Turtle is larger is sorted in runs of this size, merged from disk (:func:`_write_store_turtle`).
CHUNK_BYTES = 32 << 20

#: Bytes of Turtle a worker sorts at once for a :class:`TurtleJob`: a worker holds a chunk several times over
#: while sorting it (the message, the chunk, its blocks, the run; a 16 MiB chunk took a process from 70 to
#: 150 MB, a 4 MiB one to 78 MB, for the same CPU a byte) and the build process holds the chunks waiting for
#: a worker.  The sort runs while the build process holds its whole store, so it adds to the peak.
JOB_CHUNK_BYTES = 4 << 20

#: Bytes read ahead from the sorted runs, all runs together, while they are merged into the file (each of
#: the merges of a :class:`TurtleJob` runs at once, in the build process and on every worker, at the build's
#: peak: 32 MiB made each hold about 60 MB more).
MERGE_BYTES = 8 << 20

_XSD = b"http://www.w3.org/2001/XMLSchema#"
_INTEGER = re.compile(rb"[+-]?[0-9]+")
_DECIMAL = re.compile(rb"[+-]?[0-9]*\.[0-9]+")
_PREFIX_LINE = re.compile(rb"@prefix ([^ ]*): <([^>]*)> \.\n")
# one object of an object list: a literal (its quotes escaped inside), an IRI, or a bare token
_OBJECT = re.compile(rb'"(?:[^"\\]|\\.)*"(?:@[A-Za-z0-9-]+|\^\^(?:<[^>]*>|[^ ]+))?|<[^>]*>|[^ ]+')
_PN_ESCAPE = re.compile(rb"\\(.)")
_TAB_PREDICATE = re.compile(rb"\t([^ ]+)")


class _HasBlankNodes(Exception):
    """Raised when the dump holds a blank node: their labels must be canonicalised first (the slow path)."""


class _Keys:
    """Sort keys of the tokens of Oxigraph's Turtle: their N-Triples form, as in :func:`_line_key`.

    Oxigraph's Turtle writer uses one written form per term (a prefixed name when a prefix fits, ``a`` for
    ``rdf:type``, bare numbers and booleans when they read back the same), so turning a token back into
    N-Triples needs only the prefixes.  Predicates are few, so their keys and the order of a predicate
    sequence are cached.
    """

    def __init__(self, prefixes: dict[bytes, bytes]):
        self.prefixes = prefixes
        self.preds: dict[bytes, bytes] = {b"a": b"\x00"}  # rdf:type first, as _line_key does
        self.orders: dict[tuple[bytes, ...], Callable[[list[bytes]], tuple[bytes, ...]] | None | bool] = {}

    def iri(self, tok: bytes) -> bytes:
        """``<...>`` of an IRI written whole or as a prefixed name."""
        if tok[:1] == b"<":
            return tok
        prefix, _, local = tok.partition(b":")
        return b"<" + self.prefixes[prefix] + _PN_ESCAPE.sub(rb"\1", local) + b">"

    def term(self, tok: bytes) -> bytes:
        """N-Triples form of an object token."""
        first = tok[:1]
        if first == b"<":
            return tok
        if first == b'"':
            lex, hat, dt = tok.rpartition(b'"^^')
            return lex + b'"^^' + self.iri(dt) if hat and dt[:1] != b"<" else tok
        if tok.startswith(b"_:"):
            raise _HasBlankNodes
        if tok in (b"true", b"false"):
            return b'"' + tok + b'"^^<' + _XSD + b"boolean>"
        if first in b"+-.0123456789":
            kind = b"integer" if _INTEGER.fullmatch(tok) else b"decimal" if _DECIMAL.fullmatch(tok) else b"double"
            return b'"' + tok + b'"^^<' + _XSD + kind + b">"
        return self.iri(tok)

    def pred(self, tok: bytes) -> bytes:
        key = self.preds.get(tok)
        if key is None:
            key = self.iri(tok)
            key = self.preds[tok] = b"\x00" if key == _TYPE_IRI else key
        return key

    def order(self, preds: tuple[bytes, ...]) -> Callable[[list[bytes]], tuple[bytes, ...]] | None:
        """What puts lines with these predicates in canonical order: an ``itemgetter``, ``None`` when a
        predicate comes twice (lines to merge), a false value when they are in order already."""
        if preds not in self.orders:
            keys = [self.pred(p) for p in preds]
            order = sorted(range(len(keys)), key=keys.__getitem__)
            self.orders[preds] = (None if len(set(keys)) < len(keys) else
                                  operator.itemgetter(*order) if order != sorted(order) else False)
        return self.orders[preds]

    def objects(self, pred: bytes, objs: bytes) -> list[bytes]:
        """The object tokens of one predicate line, in canonical order."""
        if b'"' not in objs:
            toks = objs.split(b" , ")
            if objs[:1] == b"<" and objs.count(b" , <") == len(toks) - 1 and _TYPE_IRI not in objs:
                return sorted(toks)  # IRIs only: their N-Triples form is the token
        else:
            toks = [t for t in _OBJECT.findall(objs) if t != b","]
        nts = [t if t[:1] == b"<" else self.term(t) for t in toks]
        if self.pred(pred) != b"\x00" and any(_TYPE_IRI in nt for nt in nts):
            # _line_key replaces the first " <rdf:type> " of a line: in an object that is rdf:type itself,
            # or in a literal holding that text
            nts = [(b" " + nt + b" .").replace(_NT_TYPE, b" \x00 ", 1) for nt in nts]
        by_key = dict(zip(nts, toks, strict=True))  # a term has one written form: the keys differ
        return [by_key[k] for k in sorted(by_key)]


def _canonical_block(keys: _Keys, blk: bytes) -> tuple[bytes, bytes]:
    """(subject key, block) of one subject's Turtle ``blk`` (no final `` .``), in canonical order.

    Its ``predicate objects`` lines are put in order, and the objects of each line.

    Raises
    ------
    _HasBlankNodes
        When a subject or an object is a blank node.
    """
    cut = blk.index(b" ")
    subject = blk[:cut]
    if subject[:2] == b"_:" or (b"_:" in blk and any(t[:2] == b"_:" for t in _OBJECT.findall(blk))):
        raise _HasBlankNodes
    key = subject if subject[:1] == b"<" else keys.iri(subject)
    # the predicates: the first after the subject, the others after a tab (Oxigraph escapes tabs in literals)
    sig = (blk[cut + 1:blk.index(b" ", cut + 1)], *_TAB_PREDICATE.findall(blk))
    order = keys.orders.get(sig, ())
    if order == ():
        order = keys.order(sig)
    many = b" , " in blk
    if order is False and not many:
        return key, blk  # in order already
    lines = blk[cut + 1:].split(b" ;\n\t")
    if order is None:  # a predicate on two lines (a subject written in pieces): merge its objects
        merged: dict[bytes, set[bytes]] = {}
        for ln in lines:
            pred, _, objs = ln.partition(b" ")
            merged.setdefault(pred, set()).update(keys.objects(pred, objs))
        return _canonical_block(keys, subject + b" " + b" ;\n\t".join(
            p + b" " + b" , ".join(objs) for p, objs in merged.items()))
    if order:
        lines = order(lines)
    if many:
        lines = [ln if b" , " not in ln else _sorted_objects(keys, ln) for ln in lines]
    return key, subject + b" " + b" ;\n\t".join(lines)


def _sorted_objects(keys: _Keys, line: bytes) -> bytes:
    pred, _, objs = line.partition(b" ")
    return pred + b" " + b" , ".join(keys.objects(pred, objs))


def _merge_same_subject(keys: _Keys, blocks: Iterator[tuple[bytes, bytes]]) -> Iterator[bytes]:
    """The blocks in order, those of one subject (written in pieces) merged into one."""
    for _, group in itertools.groupby(blocks, key=operator.itemgetter(0)):
        same = [blk for _, blk in group]
        if len(same) == 1:
            yield same[0]
            continue
        subject = same[0][:same[0].index(b" ")]
        yield _canonical_block(keys, subject + b" " + b" ;\n\t".join(blk[len(subject) + 1:] for blk in same))[1]


class _BlockSorter:
    """A writable binary file for :meth:`pyoxigraph.Store.dump` (Turtle) that sorts what it is given.

    Every :data:`CHUNK_BYTES`, the whole subject blocks received are put in canonical order
    (:func:`_canonical_block`) and sorted by subject; when there is more than one such chunk, each
    waits sorted in a file of ``tmp`` (a run) and :meth:`blocks` merges them, so memory holds about
    one chunk whatever the size of the graph.
    """

    def __init__(self, tmp: Callable[[], Path]):
        self.tmp = tmp  # makes the folder of the runs, once there are two
        self.parts: list[bytes] = []
        self.size = 0
        self.header: bytes | None = None
        self.keys = _Keys({})
        self.chunk: list[tuple[bytes, bytes]] = []
        self.runs: list[Path] = []

    def write(self, data: bytes) -> int:
        self.parts.append(bytes(data))
        self.size += len(data)
        if self.size >= CHUNK_BYTES:
            self._sort_chunk(final=False)
        return len(data)

    def flush(self) -> None:
        pass

    def _body(self, final: bool) -> bytes | None:
        """What was written since the last chunk, past the prefix lines (read once, into :attr:`header` and
        :attr:`keys`); None when there is nothing, or the prefix lines are not whole yet."""
        data = b"".join(self.parts)
        self.parts, self.size = [], 0
        if not data:
            return None
        if self.header is None:
            head = 0
            while m := _PREFIX_LINE.match(data, head):
                head = m.end()
            if data[head:head + 1] == b"@" and not final:  # a prefix line not whole yet
                self.parts, self.size = [data], len(data)
                return None
            self.header, self.keys = data[:head], _Keys(dict(_PREFIX_LINE.findall(data, 0, head)))
            data = data[head:]
        return data

    def _sort_chunk(self, final: bool) -> None:
        data = self._body(final)
        if not data:
            return
        blocks = data.split(b" .\n")  # the end of a subject: a literal never holds a raw newline
        del data
        rest = blocks.pop()  # a block not yet whole
        if rest:
            self.parts, self.size = [rest], len(rest)
        if not blocks:
            return
        if self.chunk:  # more than one chunk: each waits on disk, sorted, to be merged
            self._write_run()
        self.chunk = sorted(_canonical_block(self.keys, blk) for blk in blocks)

    def _write_run(self) -> None:
        self.runs.append(self.tmp() / f"run{len(self.runs)}")
        with open(self.runs[-1], "wb") as out:
            out.writelines(blk + b" .\n" for _, blk in self.chunk)
        self.chunk = []

    def blocks(self) -> Iterator[bytes]:
        """The subject blocks (no final `` .``), in canonical order, once the dump is over."""
        self._sort_chunk(final=True)
        if self.parts:
            raise ValueError("Turtle from Oxigraph does not end with a whole subject block")
        if not self.runs:
            return _merge_same_subject(self.keys, iter(self.chunk))
        self._write_run()
        return _merged_blocks(self.keys, [(run, 0) for run in self.runs])


def _run_blocks(keys: _Keys, path: str | Path, size: int = 1 << 20, start: int = 0,
                lo: bytes | None = None, hi: bytes | None = None) -> Iterator[tuple[bytes, bytes]]:
    """(subject key, block) of a sorted run's blocks from byte ``start`` on, those with ``lo <= key < hi``."""
    iri = keys.iri
    with open(path, "rb") as fh:
        fh.seek(start)
        rest = b""
        while more := fh.read(size):
            blocks = (rest + more).split(b" .\n")
            rest = blocks.pop()
            for blk in blocks:
                subject = blk[:blk.index(b" ")]
                key = subject if subject[:1] == b"<" else iri(subject)
                if hi is not None and key >= hi:
                    return
                if lo is None or key >= lo:
                    yield key, blk


def _merged_blocks(keys: _Keys, runs: list[tuple[str | Path, int]], lo: bytes | None = None,
                   hi: bytes | None = None) -> Iterator[bytes]:
    """The subject blocks (no final `` .``) of sorted ``runs`` (file, byte to start at) whose keys are in
    ``[lo, hi)``, merged in canonical order; each run read in pieces of an equal share of :data:`MERGE_BYTES`,
    so the merge holds about that much however many runs a big store makes (60 MB corpus, 1 MB a run: the
    merge held ~300 MB and was the peak of a ``--store`` build)."""
    size = max(64 << 10, MERGE_BYTES // max(1, len(runs)))
    return _merge_same_subject(keys, heapq.merge(*(_run_blocks(keys, run, size, start, lo, hi)
                                                   for run, start in runs)))


def _write_blocks(out, blocks: Iterator[bytes]) -> None:
    """Write subject blocks (no final `` .``) as the Turtle file holds them: a blank line before each."""
    while batch := list(itertools.islice(blocks, 4096)):
        out.write(b"\n" + b" .\n\n".join(batch) + b" .\n")


#: Blocks of a sorted run between two of the keys :func:`sort_run` hands back with their offsets: a merge of
#: one range of keys (:func:`merge_range`) reads at most this many blocks of a run before its range.
RUN_INDEX_STEP = 256


def merge_range(prefixes: dict[bytes, bytes], runs: list[tuple[str, int]], lo: bytes | None, hi: bytes | None,
                path: str) -> bool:
    """Merge the blocks of sorted runs whose subject keys are in ``[lo, hi)`` into a part of the Turtle file.

    A worker's task (:meth:`TurtleJob.finish`): the parts of consecutive ranges, concatenated, are the
    body of the file the whole merge writes, since all the blocks of a subject have the same key.

    Parameters
    ----------
    prefixes : dict of bytes to bytes
        The prefixes the Turtle was written with (name to IRI).
    runs : list of (str, int)
        Each run's file and the offset of a block at or before the first of the range.
    lo, hi : bytes or None
        The range of subject keys (N-Triples form); None: unbounded.
    path : str
        The part to write.

    Returns
    -------
    bool
        False, with nothing written, when the runs' folder is not seen here (a worker of another machine).
    """
    if not all(Path(run).is_file() for run, _ in runs):
        return False
    with open(path, "wb") as out:
        _write_blocks(out, _merged_blocks(_Keys(prefixes), runs, lo, hi))
    trim_heap()  # the read-ahead of every run, freed now
    return True


def _append(out, path: Path) -> None:
    """Append file ``path`` to the open file ``out`` (flushed), in the kernel where it can."""
    with open(path, "rb") as fh:
        size = os.fstat(fh.fileno()).st_size
        try:
            while size > 0:
                done = os.copy_file_range(fh.fileno(), out.fileno(), size)
                if not done:
                    break
                size -= done
        except (AttributeError, OSError):  # not Linux, or a file system that does not copy ranges
            pass
        if size > 0:
            fh.seek(-size, os.SEEK_END)
            out.seek(0, os.SEEK_END)
            shutil.copyfileobj(fh, out, 16 << 20)
            out.flush()


def _write_store_turtle(st: ox.Store, path: Path) -> bool:
    """Canonical Turtle of a store's default graph, in bounded memory.

    Oxigraph writes the Turtle (terms, prefixes, escapes, ``;`` and ``,``); this only puts its subject
    blocks, their predicates and their objects in the order of :func:`canonical_ntriples`, in memory up
    to :data:`CHUNK_BYTES` of Turtle and by merging sorted runs from disk above (:class:`_BlockSorter`).

    Returns
    -------
    bool
        False, with nothing written at ``path``, when the graph has blank nodes.
    """
    with contextlib.ExitStack() as stack:
        tmp: list[Path] = []

        def tmp_dir() -> Path:  # made only for a graph of more than one chunk
            if not tmp:
                tmp.append(Path(stack.enter_context(tempfile.TemporaryDirectory(prefix=".turtle-", dir=path.parent))))
            return tmp[0]

        sorter = _BlockSorter(tmp_dir)
        try:
            st.dump(sorter, format=ox.RdfFormat.TURTLE, from_graph=ox.DefaultGraph(), prefixes=TURTLE_PREFIXES)
            blocks = sorter.blocks()
            with open(path, "wb") as out:
                out.write(sorter.header or b"")
                _write_blocks(out, blocks)
        except _HasBlankNodes:
            return False
    return True


@functools.cache
def _libc():
    import ctypes

    try:
        return ctypes.CDLL("libc.so.6")  # glibc's
    except OSError:  # another C library: find_library runs ldconfig (60 ms)
        import ctypes.util

        return ctypes.CDLL(ctypes.util.find_library("c"))


def trim_heap() -> None:
    """Hand the heap pages glibc holds free back to the system (``malloc_trim``; nothing elsewhere than Linux).

    A worker that has sorted a chunk or merged a range keeps the pages of what it freed otherwise, and its
    next task does not need them all: on the 20 MB bench a Dask worker grew from 302 to 332-359 MB over
    the Turtle's tasks, while the build process held its whole store.
    """
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError, TypeError):
            _libc().malloc_trim(0)


def sort_run(prefixes: dict[bytes, bytes], data: bytes, path: str | None = None
             ) -> bytes | list[tuple[bytes, int]]:
    """Whole subject blocks of Oxigraph's Turtle, put in canonical order and sorted: one run (a worker's task).

    Parameters
    ----------
    prefixes : dict of bytes to bytes
        The prefixes the Turtle was written with (name to IRI).
    data : bytes
        Subject blocks, each ending in `` .\n``, without the prefix lines.
    path : str, optional
        Write the run to this file instead of returning it, when its folder exists here (a worker that
        sees the build's disk: the folder is the build's own, made under a fresh name, so a worker of
        another machine does not find it unless that disk is shared) and the file can be written.

    Returns
    -------
    bytes or list of (bytes, int)
        The run (blocks ending in `` .\n``, as :func:`_run_blocks` reads them), or when
        written to ``path`` its index: the subject key and byte offset of every
        :data:`RUN_INDEX_STEP`-th block (from the first), for :func:`merge_range`.

    Raises
    ------
    _HasBlankNodes
        When a block holds a blank node.
    """
    try:
        return _sorted_run(prefixes, data, path)
    finally:
        trim_heap()  # the chunk's blocks and run, freed now


def _sorted_run(prefixes: dict[bytes, bytes], data: bytes, path: str | None) -> bytes | list[tuple[bytes, int]]:
    """:func:`sort_run`'s work."""
    keys = _Keys(prefixes)
    blocks = data.split(b" .\n")
    blocks.pop()  # after the last block
    ordered = sorted(_canonical_block(keys, blk) for blk in blocks)
    run = b"".join(blk + b" .\n" for _, blk in ordered)
    if path is None or not Path(path).parent.is_dir():
        return run
    try:
        Path(path).write_bytes(run)
    except OSError:  # the folder is seen but not writable here (a shared disk, another user): the build writes it
        return run
    index, offset = [], 0
    for i, (key, blk) in enumerate(ordered):
        if not i % RUN_INDEX_STEP:
            index.append((key, offset))
        offset += len(blk) + 3
    return index


class TurtleJob:
    """Canonical Turtle of a store, sorted by worker processes while the build process goes on.

    Made when the store holds everything but the subjects of one class that are still to come (a
    build's findings, :func:`graph.store.check.add_findings`): a thread dumps the store now (Oxigraph
    writes the file without holding the GIL, so the build process goes on meanwhile) and hands its
    chunks of :data:`JOB_CHUNK_BYTES` to the workers, which sort them into runs; :meth:`finish` adds the
    Turtle of the subjects of that class, merges the runs and writes the file, byte-identical to
    :func:`write_turtle` of the whole store.  Subjects of that class the dump may already hold (added
    while it ran) are merged with their full blocks as a subject written in pieces is.

    Parameters
    ----------
    st : pyoxigraph.Store
    path : path-like
        The Turtle file to write (its folder holds the runs meanwhile).
    call : callable
        ``call(fn, *args)`` runs ``fn(*args)`` on a worker and returns a future of its result.
    local : bool
        The workers may see this machine's disk: those that find the job's folder write their runs
        themselves (:func:`sort_run`), the others send them back.
    window : int
        Chunks handed to the workers and not yet sorted, at most (each held here meanwhile).
    parts : int
        The runs are merged in this many ranges of subjects at once, one here and the others on the
        workers (:func:`merge_range`; when the workers wrote every run themselves), and the parts
        concatenated: on the 20 MB bench the merge alone took 1.3-1.5 s of one core.
    """

    def __init__(self, st: ox.Store, path: str | Path, call: Callable, local: bool, window: int = 4,
                 parts: int = 1) -> None:
        self.store, self.path, self.call, self.local, self.window = st, Path(path), call, local, window
        self.parts = parts
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._tmp = tempfile.TemporaryDirectory(prefix=".turtle-", dir=self.path.parent)
        self.tmp = Path(self._tmp.name)
        self.runs: list[Path] = []
        self.indexes: dict[Path, list[tuple[bytes, int]]] = {}  # of the runs the workers wrote (:func:`sort_run`)
        self.pending: list = []  # (future, run path)
        self.blank = False
        self.sorter = _BlockSorter(lambda: self.tmp)
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._dump, name="union-kg-turtle", daemon=True)
        self._thread.start()

    def _dump(self) -> None:
        """The thread: dump the store to a file, hand its whole subject blocks to the workers by chunks."""
        try:
            dump = self.tmp / "dump.ttl"
            self.store.dump(str(dump), format=ox.RdfFormat.TURTLE, from_graph=ox.DefaultGraph(),
                            prefixes=TURTLE_PREFIXES)
            with open(dump, "rb") as fh:
                while piece := fh.read(JOB_CHUNK_BYTES):
                    self.sorter.parts.append(piece)
                    self._send(final=False)
            dump.unlink()
            self._send(final=True)
            if self.sorter.parts:
                raise ValueError("Turtle from Oxigraph does not end with a whole subject block")
        except BaseException as exc:  # noqa: BLE001 - raised again by finish, in the build's thread
            self._error = exc

    def _send(self, final: bool) -> None:
        sorter = self.sorter
        data = sorter._body(final)
        if not data:
            return
        end = data.rfind(b" .\n")  # the end of the last whole subject block (a literal holds no raw newline)
        cut = end + 3 if end >= 0 else 0
        if cut < len(data):
            sorter.parts, sorter.size = [data[cut:]], len(data) - cut
        if cut:
            self._submit(data[:cut])

    def _submit(self, data: bytes) -> None:
        while len(self.pending) >= self.window:
            self._take(0)
        run = self.tmp / f"run{len(self.runs) + len(self.pending)}"
        self.pending.append((self.call(sort_run, self.sorter.keys.prefixes, data,
                                       str(run) if self.local else None), run))

    def _take(self, i: int) -> None:
        fut, run = self.pending.pop(i)
        try:
            data = fut.result()
        except _HasBlankNodes:
            self.blank = True
            return
        if isinstance(data, bytes):
            run.write_bytes(data)
        elif data is not None:
            self.indexes[run] = data
        self.runs.append(run)

    def add(self, triples: Iterable[ox.Triple]) -> None:
        """Queue triples added to the store after the dump began (a build's conflict findings), for :meth:`finish`.

        They wait in a file of the job's folder, not in memory, and are not read from the store again
        (60 MB corpus: a CONSTRUCT of every finding took the build process from 490 to 820 MB).
        Triples the dump already holds (added while it ran) are merged as a subject written in pieces is.
        """
        with open(self.tmp / "added.nt", "ab") as fh:
            ox.serialize(triples, fh, ox.RdfFormat.N_TRIPLES)

    def _add_turtle(self, data: bytes) -> None:
        """Sort the subject blocks of ``data`` (Oxigraph's Turtle, written with :data:`TURTLE_PREFIXES`) into runs."""
        head = 0
        while self.sorter.header is not None and (m := _PREFIX_LINE.match(data, head)):
            head = m.end()  # the prefixes of the dump's header (Oxigraph writes all it is given)
        self.sorter.parts, self.sorter.size = [data[head:]], len(data) - head
        self._send(final=True)

    def finish(self, added: str | None = None) -> Path:
        """Wait for the runs, add what :meth:`add` queued and the subjects of class ``added``, merge, write the file.

        Parameters
        ----------
        added : str, optional
            IRI of a class whose subjects were added to the store since the dump (with every triple of
            theirs; they were not in it before), read back from the store.

        Returns
        -------
        Path
            The file written.
        """
        try:
            self._thread.join()
            if self._error is not None:
                raise self._error
            while self.pending:
                self._take(0)
            queued = self.tmp / "added.nt"
            if queued.exists() and not self.blank:
                with open(queued, "rb") as fh:  # in pieces of whole lines: memory stays at one piece
                    rest = b""
                    while (more := fh.read(JOB_CHUNK_BYTES)) or rest:
                        piece = rest + more
                        cut = piece.rfind(b"\n") + 1 if more else len(piece)
                        piece, rest = piece[:cut], piece[cut:]
                        # through a store of its own, which writes literals as the build's store does
                        # ("1"^^xsd:boolean as true)
                        part = ox.Store()
                        part.load(piece, ox.RdfFormat.N_TRIPLES)
                        self._add_turtle(part.dump(format=ox.RdfFormat.TURTLE, from_graph=ox.DefaultGraph(),
                                                   prefixes=TURTLE_PREFIXES))
                queued.unlink()
            if added is not None and not self.blank:
                query = f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ ?s a <{added}> ; ?p ?o }}"
                self._add_turtle(ox.serialize(self.store.query(query), None, ox.RdfFormat.TURTLE,
                                              prefixes=TURTLE_PREFIXES))
            while self.pending:
                self._take(0)
            if self.blank:
                return write_turtle(self.store, self.path)
            sorter = self.sorter
            if self.parts > 1 and self.runs and all(run in self.indexes for run in self.runs):
                return self._merge_parts()
            blocks = _merged_blocks(sorter.keys, [(run, 0) for run in self.runs])
            with open(self.path, "wb") as out:
                out.write(sorter.header or b"")
                _write_blocks(out, blocks)
            return self.path
        finally:
            self.close()

    def _merge_parts(self) -> Path:
        """Merge the runs in :attr:`parts` ranges of subject keys, the last here and the others on the workers;
        write the header and the parts."""
        import bisect

        sample = sorted(key for index in self.indexes.values() for key, _ in index)
        bounds = sorted({sample[len(sample) * i // self.parts] for i in range(1, self.parts)})
        ranges = list(zip([None, *bounds], [*bounds, None], strict=True))
        prefixes = self.sorter.keys.prefixes

        def starts(lo: bytes | None) -> list[tuple[str, int]]:
            out = []
            for run in self.runs:
                index = self.indexes[run]
                # the last indexed block before the range: the blocks before it are before the range too
                i = bisect.bisect_left(index, (lo,)) - 1 if lo is not None else 0
                out.append((str(run), index[i][1] if i >= 0 else 0))
            return out

        parts = [self.tmp / f"part{i}" for i in range(len(ranges))]
        futures = [self.call(merge_range, prefixes, starts(lo), lo, hi, str(part))
                   for (lo, hi), part in zip(ranges[1:], parts[1:], strict=True)]
        with open(self.path, "wb") as out:  # the first range is merged here, straight into the file
            out.write(self.sorter.header or b"")
            lo, hi = ranges[0]
            _write_blocks(out, _merged_blocks(self.sorter.keys, starts(lo), lo, hi))
            out.flush()
            for fut, (lo, hi), part in zip(futures, ranges[1:], parts[1:], strict=True):
                if not fut.result():  # a worker that does not see the runs: merged here
                    merge_range(prefixes, starts(lo), lo, hi, str(part))
                _append(out, part)
        return self.path

    def close(self) -> None:
        """Remove the runs (an interrupted build leaves none)."""
        self._tmp.cleanup()


def write_turtle(g: Graph | ox.Store, path: str | Path) -> Path:
    """Serialise ``g`` to Turtle at ``path`` with the project's prefixes, canonically ordered.

    Parameters
    ----------
    g : rdflib.Graph or pyoxigraph.Store
    path : path-like
        Parent folders are created.

    Returns
    -------
    Path
        The file written (UTF-8).  Two graphs with the same triples give
        byte-identical files.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    from .tables import oxigraph_of

    st = g if isinstance(g, ox.Store) else oxigraph_of(g)
    if st is not None and _write_store_turtle(st, path):  # a build's store: memory stays flat
        return path
    triples = ox.parse(canonical_ntriples(g), format=ox.RdfFormat.N_TRIPLES)  # streamed, in order
    data = ox.serialize(triples, None, ox.RdfFormat.TURTLE, prefixes=TURTLE_PREFIXES)
    # a blank line before each subject, as rdflib writes: every line of Oxigraph's Turtle is either a
    # prefix, a subject's first line (column 0) or a continuation (a tab); literals keep newlines escaped
    path.write_bytes(_SUBJECT_START.sub(b"\n\n", data))
    return path
