"""The store writer (Oxigraph's Turtle re-ordered by subject block) gives the bytes of the reference writer.

The reference is the writer a store had before: every triple as an N-Triples line, the lines sorted
(:func:`graph.export.turtle.canonical_ntriples`), then Oxigraph's Turtle writer and a blank line before
each subject.  The terms below are the ones whose Turtle form differs from their N-Triples form
(prefixed names, escapes, ``a``, bare numbers and booleans) or could fool a reader of the Turtle
(``" , "``, ``" .\\n"``, ``"_:"`` and ``rdf:type`` inside literals).
"""
from concurrent.futures import Future

import pyoxigraph as ox
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graph.export import turtle
from graph.export.turtle import TURTLE_PREFIXES, canonical_ntriples, write_turtle

UKG = TURTLE_PREFIXES["ukg"]
XSD = TURTLE_PREFIXES["xsd"]
ID = "https://w3id.org/union-kg/id/"
RDF_TYPE = ox.NamedNode(TURTLE_PREFIXES["rdf"] + "type")

SUBJECTS = [ox.NamedNode(i) for i in (
    ID + "union/顺义区总工会", ID + "union/顺义区总工会/x", ID + "person/a%20b", ID + "a", ID + "a/b",
    UKG + "Count", UKG + "a/b", UKG + "x.y", TURTLE_PREFIXES["rdf"] + "type", "http://example.org/s")]
PREDICATES = [RDF_TYPE, *(ox.NamedNode(UKG + p) for p in ("quote", "about", "value", "b")),
              ox.NamedNode(TURTLE_PREFIXES["skos"] + "prefLabel"), ox.NamedNode(TURTLE_PREFIXES["dcterms"] + "source"),
              ox.NamedNode("http://example.org/p"), ox.NamedNode("http://example.org/p/q")]
OBJECTS = [*SUBJECTS, RDF_TYPE, ox.NamedNode(UKG + "Unit"), ox.NamedNode(TURTLE_PREFIXES["foaf"] + "Person"),
           ox.Literal("a , b"), ox.Literal("a"), ox.Literal("a", language="zh"), ox.Literal("a", language="zh-cn"),
           ox.Literal('say "x" .\n<y> ;\tz'), ox.Literal("back\\slash _:b0 , [ ]"),
           ox.Literal(f" <{RDF_TYPE.value}> "), ox.Literal(f"x <{RDF_TYPE.value}> y", language="en"),
           ox.Literal("人 , 人次", language="zh"), ox.Literal("\x00\x1f\x7f\u2028")]
OBJECTS += [ox.Literal(v, datatype=ox.NamedNode(XSD + d)) for v, d in (
    ("5", "integer"), ("05", "integer"), ("-5", "integer"), ("+5", "integer"), ("5", "decimal"), ("1.5", "decimal"),
    (".5", "decimal"), ("1.0E3", "double"), ("INF", "double"), ("true", "boolean"), ("1", "boolean"),
    ("2020", "gYear"), ("2020-01-02", "date"), ("a", "string"))]
OBJECTS += [ox.Literal("y", datatype=ox.NamedNode("http://example.org/dt")),
            ox.Literal("z", datatype=ox.NamedNode(UKG + "dt/x"))]


def reference(store: ox.Store) -> bytes:
    """The Turtle of the reference writer (sorted N-Triples lines through Oxigraph's Turtle writer)."""
    triples = ox.parse(canonical_ntriples(store), format=ox.RdfFormat.N_TRIPLES)
    data = ox.serialize(triples, None, ox.RdfFormat.TURTLE, prefixes=TURTLE_PREFIXES)
    return turtle._SUBJECT_START.sub(b"\n\n", data)


def store_of(triples) -> ox.Store:
    out = ox.Store()
    out.extend(ox.Quad(s, p, o) for s, p, o in triples)
    return out


triple_lists = st.lists(st.tuples(st.sampled_from(SUBJECTS), st.sampled_from(PREDICATES), st.sampled_from(OBJECTS)),
                        max_size=60)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(triple_lists)
def test_store_writer_gives_the_reference_bytes(tmp_path, triples):
    store = store_of(triples)
    got = write_turtle(store, tmp_path / "graph.ttl").read_bytes()
    assert got == reference(store)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(triple_lists)
def test_sorted_runs_merged_from_disk_give_the_same_bytes(tmp_path, monkeypatch, triples):
    monkeypatch.setattr(turtle, "CHUNK_BYTES", 300)  # a few subject blocks a run
    store = store_of(triples)
    out = tmp_path / "out"
    out.mkdir(exist_ok=True)
    assert write_turtle(store, out / "graph.ttl").read_bytes() == reference(store)
    assert [p.name for p in out.iterdir()] == ["graph.ttl"]  # the runs are gone


def test_every_term_at_once_through_runs(tmp_path, monkeypatch):
    triples = [(s, p, o) for i, s in enumerate(SUBJECTS) for j, p in enumerate(PREDICATES) for o in OBJECTS[i + j::3]]
    store = store_of(triples)
    want = reference(store)
    assert write_turtle(store, tmp_path / "mem.ttl").read_bytes() == want
    monkeypatch.setattr(turtle, "CHUNK_BYTES", 1000)
    assert write_turtle(store, tmp_path / "runs.ttl").read_bytes() == want
    assert b" , " in want and b"\n\tukg:value " in want and b"ukg:Count a " in want  # the cases are there


def test_a_store_folder_gives_the_bytes_of_a_store_in_memory(tmp_path):
    triples = [(s, p, o) for s in SUBJECTS for p in PREDICATES[:4] for o in OBJECTS[::5]]
    disk = ox.Store(str(tmp_path / "store"))
    disk.extend(ox.Quad(s, p, o) for s, p, o in triples)
    disk.flush()
    got = write_turtle(disk, tmp_path / "disk.ttl").read_bytes()
    assert got == write_turtle(store_of(reversed(triples)), tmp_path / "mem.ttl").read_bytes() == reference(disk)


def test_blank_nodes_go_the_canonicalising_way(tmp_path):
    def build(order):
        x, y = ox.BlankNode(), ox.BlankNode()
        s, p, q = SUBJECTS[0], PREDICATES[1], PREDICATES[2]
        triples = [(s, p, x), (x, q, ox.Literal("1")), (s, p, y), (y, q, ox.Literal("_:b0 , 2"))]
        return store_of([triples[i] for i in order])

    a = write_turtle(build([0, 1, 2, 3]), tmp_path / "a.ttl").read_bytes()
    b = write_turtle(build([3, 2, 1, 0]), tmp_path / "b.ttl").read_bytes()
    assert a == b == reference(build([1, 3, 0, 2]))
    assert len(list(ox.parse(a, format=ox.RdfFormat.TURTLE))) == 4


def test_an_empty_store_gives_an_empty_file(tmp_path):
    assert write_turtle(ox.Store(), tmp_path / "graph.ttl").read_bytes() == reference(ox.Store()) == b""


@pytest.mark.parametrize("chunk", [64, 1 << 20])
def test_a_subject_written_in_pieces_is_merged(tmp_path, monkeypatch, chunk):
    # Oxigraph's stores write a subject's triples together; the sorter does not rely on it
    monkeypatch.setattr(turtle, "CHUNK_BYTES", chunk)
    header = "".join(f"@prefix {p}: <{iri}> .\n" for p, iri in TURTLE_PREFIXES.items())
    pieces = (f"<{ID}b> ukg:about <{ID}x> ;\n\ta ukg:Unit .\n<{ID}a> ukg:value 5 .\n"
              f"<{ID}b> ukg:about <{ID}y> , <{ID}x> ;\n\tukg:quote \"q , r\" .\n"
              f"<{ID}b> ukg:about <{ID}a> .\n")
    sorter = turtle._BlockSorter(lambda: tmp_path)
    data = (header + pieces).encode()
    for i in range(0, len(data), 50):
        sorter.write(data[i:i + 50])
    blocks = list(sorter.blocks())
    got = sorter.header + b"\n" + b" .\n\n".join(blocks) + b" .\n"
    want = reference(store_of((t.subject, t.predicate, t.object) for t in ox.parse(data, format=ox.RdfFormat.TURTLE)))
    assert got.split(b"\n\n", 1)[1] == want.split(b"\n\n", 1)[1]  # the same blocks (the header as given)


def _here(fn, *args) -> Future:
    """A worker's call made in this process (``call`` of :class:`turtle.TurtleJob`)."""
    fut: Future = Future()
    try:
        fut.set_result(fn(*args))
    except Exception as exc:  # noqa: BLE001 - the job sees the worker's error as a pool gives it
        fut.set_exception(exc)
    return fut


FINDING = ox.NamedNode(UKG + "Finding")
LATER = [ox.NamedNode(ID + f"finding/{i}") for i in range(3)]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(triple_lists, st.lists(st.tuples(st.sampled_from(LATER), st.sampled_from(PREDICATES), st.sampled_from(OBJECTS)),
                              max_size=20), st.booleans(), st.integers(1, 4))
def test_a_turtle_job_with_subjects_added_later_gives_the_same_bytes(tmp_path, monkeypatch, triples, later, local,
                                                                     parts):
    # a build's Turtle is sorted on the workers before the findings are added, then merged with theirs (in
    # ranges of subjects, some on the workers, when they wrote the runs)
    monkeypatch.setattr(turtle, "JOB_CHUNK_BYTES", 300)
    monkeypatch.setattr(turtle, "RUN_INDEX_STEP", 2)
    store = store_of(t for t in triples if t[0] not in LATER)
    out = tmp_path / "out"
    out.mkdir(exist_ok=True)
    job = turtle.TurtleJob(store, out / "graph.ttl", _here, local=local, window=2, parts=parts)
    store.extend(ox.Quad(s, p, o) for s, p, o in [*later, *((s, RDF_TYPE, FINDING) for s, _, _ in later)])
    assert job.finish(added=FINDING.value).read_bytes() == reference(store)
    assert [p.name for p in out.iterdir()] == ["graph.ttl"]  # the runs are gone


def test_a_turtle_job_of_every_term_and_of_blank_nodes(tmp_path, monkeypatch):
    monkeypatch.setattr(turtle, "JOB_CHUNK_BYTES", 1000)
    triples = [(s, p, o) for i, s in enumerate(SUBJECTS) for j, p in enumerate(PREDICATES) for o in OBJECTS[i + j::3]]
    store = store_of(triples)
    assert turtle.TurtleJob(store, tmp_path / "a.ttl", _here, local=False).finish().read_bytes() == reference(store)
    x = ox.BlankNode()
    store.extend([ox.Quad(SUBJECTS[0], PREDICATES[1], x), ox.Quad(x, PREDICATES[2], ox.Literal("1"))])
    job = turtle.TurtleJob(store, tmp_path / "b.ttl", _here, local=True)  # the workers find the blank node
    assert job.finish().read_bytes() == write_turtle(store, tmp_path / "c.ttl").read_bytes()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(triple_lists, st.lists(st.tuples(st.sampled_from(LATER), st.sampled_from(PREDICATES), st.sampled_from(OBJECTS)),
                              max_size=20), st.booleans(), st.integers(1, 4), st.integers(1, 3))
def test_triples_handed_to_a_turtle_job_give_the_same_bytes(tmp_path, monkeypatch, triples, later, local, pieces,
                                                            parts):
    # a build hands the job its conflict findings as it writes them (in chunks), instead of a query of the store;
    # some may already be in the dump, some handed twice: the file is that of the whole store all the same
    monkeypatch.setattr(turtle, "JOB_CHUNK_BYTES", 300)
    monkeypatch.setattr(turtle, "RUN_INDEX_STEP", 3)
    store = store_of(t for t in triples if t[0] not in LATER)
    out = tmp_path / "out"
    out.mkdir(exist_ok=True)
    added = [ox.Triple(s, p, o) for s, p, o in [*later, *((s, RDF_TYPE, FINDING) for s, _, _ in later)]]
    store.extend(ox.Quad(t.subject, t.predicate, t.object) for t in added[: len(added) // 2])  # before the dump
    job = turtle.TurtleJob(store, out / "graph.ttl", _here, local=local, window=2, parts=parts)
    store.extend(ox.Quad(t.subject, t.predicate, t.object) for t in added)
    for i in range(pieces):
        job.add(added[i::pieces])
    job.add(added[:1])
    assert job.finish().read_bytes() == reference(store)
    assert [p.name for p in out.iterdir()] == ["graph.ttl"]


def test_a_range_of_subjects_is_merged_where_the_runs_are_seen(tmp_path):
    runs = []
    for i, data in enumerate([b"<http://a/3> <http://p/1> \"x\" .\n<http://a/1> <http://p/1> \"y\" .\n",
                              b"<http://a/2> <http://p/1> \"z\" .\n<http://a/3> <http://p/2> \"w\" .\n"]):
        assert turtle.sort_run({}, data, str(tmp_path / f"run{i}"))
        runs.append((str(tmp_path / f"run{i}"), 0))
    assert turtle.merge_range({}, runs, b"<http://a/2>", None, str(tmp_path / "part"))
    assert (tmp_path / "part").read_bytes() == (b'\n<http://a/2> <http://p/1> "z" .\n'
                                                b'\n<http://a/3> <http://p/1> "x" ;\n\t<http://p/2> "w" .\n')
    # a worker of another machine: the build merges that range itself
    assert not turtle.merge_range({}, [(str(tmp_path / "gone" / "run0"), 0)], None, None, str(tmp_path / "p2"))
    assert not (tmp_path / "p2").exists()


def test_a_worker_writes_its_run_only_where_it_finds_the_jobs_folder(tmp_path):
    # a worker of another machine (the job's folder is not there) sends its run back instead
    data = b"<http://a/2> <http://p/1> \"x\" .\n<http://a/1> <http://p/1> \"y\" .\n"
    run = turtle.sort_run({}, data, str(tmp_path / "gone" / "run0"))
    assert run is not None and run.index(b"<http://a/1>") < run.index(b"<http://a/2>")
    assert not (tmp_path / "gone").exists()
    index = turtle.sort_run({}, data, str(tmp_path / "run0"))  # written: its index comes back
    assert index == [(b"<http://a/1>", 0)]
    assert (tmp_path / "run0").read_bytes() == run
    (tmp_path / "run1").mkdir()  # a path it cannot write: the run comes back too
    assert turtle.sort_run({}, data, str(tmp_path / "run1")) == run
