"""Parallel builds equal the serial one; the fact cache re-extracts only what changed."""
import gc
import importlib
import re
import shutil
import socket
from pathlib import Path

import pytest

from graph.build import FactCache, build, extractor_version

gb = importlib.import_module("graph.build")  # the module (graph.build is also the function graph.build)

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="module")
def serial_ttl(tmp_path_factory):
    out = tmp_path_factory.mktemp("serial")
    _, report = build([SEEDS], out, html=False, cache=False)
    assert report.extracted == 5 and report.cached == 0
    return (out / "graph.ttl").read_bytes()


def test_process_pool_build_is_byte_identical(serial_ttl, tmp_path):
    _, report = build([SEEDS], tmp_path, html=False, cache=False, jobs=2)
    assert report.articles == 5
    assert (tmp_path / "graph.ttl").read_bytes() == serial_ttl


def _model_loaded() -> int:
    from graph.mentions import ner

    return ner.load.cache_info().currsize


def test_dask_cluster_build_is_byte_identical(serial_ttl, tmp_path):
    distributed = pytest.importorskip("distributed")
    import dask

    # on a cluster with the settings the README gives for builds
    with dask.config.set(gb.DASK_CONFIG), distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=40) as cluster, \
            distributed.Client(cluster) as client:
        _, report = build([SEEDS, tmp_path / "missing"], tmp_path / "a", html=False, cache=False,
                          scheduler=cluster.scheduler_address)
        # after extraction the workers dropped the NER model (they sorted the Turtle without it)
        assert set(client.run(_model_loaded).values()) == {0}
        # ... and handed what they froze while extracting back to the garbage collector
        assert set(client.run(gc.get_freeze_count).values()) == {0}
        # ... and load it again for the next build on the same cluster, which gives the same graph
        _, again = build([SEEDS], tmp_path / "b", html=False, cache=False, scheduler=client)
        # workers on this machine send their shards uncompressed
        assert not gb._Runner(scheduler=client).packed
    assert report.articles == 5 and [Path(e.path).name for e in report.failures] == ["missing"]
    assert (tmp_path / "a" / "graph.ttl").read_bytes() == serial_ttl
    assert again.extracted == 5 and (tmp_path / "b" / "graph.ttl").read_bytes() == serial_ttl


def test_dask_workers_facts_and_shards_are_cached_by_the_build(serial_ttl, tmp_path, extractions, monkeypatch):
    distributed = pytest.importorskip("distributed")
    cache = tmp_path / "cache"
    inflated, unpacked = [], gb._unpacked
    monkeypatch.setattr(gb, "_unpacked", lambda shard: inflated.append(shard.key) or unpacked(shard))
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None,
                                  silence_logs=40) as cluster:
        # as if the workers were on another machine (this host's name, in this process only): their shards
        # come back compressed
        monkeypatch.setattr(socket, "gethostname", lambda: "elsewhere")
        _, report = build([SEEDS], tmp_path / "a", html=False, cache=cache, scheduler=cluster.scheduler_address)
    assert (report.extracted, report.cached) == (5, 0) and len(inflated) == 5
    assert (tmp_path / "a" / "graph.ttl").read_bytes() == serial_ttl
    _, again = build([SEEDS], tmp_path / "b", html=False, cache=cache)  # the shards the Dask build cached
    assert (again.extracted, again.cached) == (0, 5) and not extractions
    assert (tmp_path / "b" / "graph.ttl").read_bytes() == serial_ttl
    _, dated = build([SEEDS], tmp_path / "c", html=False, cache=cache, date="2023-01-05")  # new shards, cached facts
    assert (dated.extracted, dated.cached) == (0, 5) and not extractions


def test_pool_tasks_of_several_articles_keep_failures_cache_and_bytes(serial_ttl, tmp_path, monkeypatch):
    monkeypatch.setattr(gb, "TASK_BYTES", 4000)  # two or three articles a task
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus)
    (corpus / "003_~empty.txt").write_bytes(b"")  # among the others, in a task with good articles
    (corpus / "003_~binary.txt").write_bytes(b"\x00\x01\x02" * 10)
    for run in range(2):
        _, report = build([corpus], tmp_path / "out", html=False, jobs=2)
        assert (report.extracted, report.cached) == ((5, 0), (0, 5))[run]
        assert sorted(Path(e.path).name for e in report.failures) == ["003_~binary.txt", "003_~empty.txt"]
        assert (tmp_path / "out" / "graph.ttl").read_bytes() == serial_ttl
        assert not list((tmp_path / "out").glob(".turtle-*"))  # the workers' sorted runs are gone
        assert not list((tmp_path / "out").glob(".shards-*"))  # ... and their shards' files


def test_the_last_tasks_are_smaller_so_the_workers_end_together(tmp_path, monkeypatch):
    from graph.store.rdf import Shard
    from graph.text.read import scan_paths

    for i in range(40):
        (tmp_path / f"{i:03}.txt").write_bytes(b"x" * 1000)
    monkeypatch.setattr(gb, "TASK_BYTES", 4000)
    runner = gb._Runner(1)
    runner.parallel, runner.task_bytes, runner.workers = True, gb.TASK_BYTES, 2
    tasks = []
    runner.call = lambda fn, items, *args: tasks.append(len(items)) or gb._done([(None, Shard(("x", ""), b""), None)]
                                                                                  * len(items))
    assert len(list(gb.iter_shards(scan_paths([tmp_path]), runner=runner))) == 40
    # 4 articles a task until 16 KB (twice a task per worker) are left, then one
    assert tasks == [4] * 6 + [1] * 16


def test_a_task_writes_its_shards_to_a_file_the_merger_loads(tmp_path):
    import pyoxigraph as ox

    from graph.store.rdf import ShardMerger

    files = sorted(SEEDS.glob("*.txt"))[:3]
    items = [(str(f), f.stem, str(f), None, None) for f in files]
    sent = gb.articles_task(items)  # as bytes
    spilled = gb.articles_task(items, spill=str(tmp_path / "task0.nt"))
    assert [s.path for _, s, _ in spilled] == [str(tmp_path / "task0.nt"), None, None]
    assert all(s.ntriples == b"" and s.functional and s.check is not None for _, s, _ in spilled)
    assert (tmp_path / "task0.nt").read_bytes() == b"".join(s.ntriples for _, s, _ in sent)
    # a worker that does not see the folder sends the bytes
    unseen = gb.articles_task(items, spill=str(tmp_path / "elsewhere" / "task0.nt"))
    assert [s.ntriples for _, s, _ in unseen] == [s.ntriples for _, s, _ in sent]
    assert all(s.path is None for _, s, _ in unseen)
    stores = []
    for results in (sent, spilled):
        st = ox.Store()
        merger = ShardMerger(st, bulk=False)
        for _, shard, _ in results:
            merger.add(shard)
        merger.finish()
        stores.append(st)
    assert len(stores[0]) > 100 and set(stores[0]) == set(stores[1])
    assert not (tmp_path / "task0.nt").exists()  # loaded, then deleted


def test_rebuild_extracts_only_the_changed_article(serial_ttl, tmp_path, extractions):
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus)
    out = tmp_path / "out"
    _, first = build([corpus], out, html=False)
    assert (first.extracted, first.cached) == (5, 0) and len(extractions) == 5
    assert (out / "graph.ttl").read_bytes() == serial_ttl
    assert any((out / ".cache").rglob("*.pickle"))

    _, again = build([corpus], out, html=False)
    assert (again.extracted, again.cached) == (0, 5) and len(extractions) == 5
    assert (out / "graph.ttl").read_bytes() == serial_ttl
    assert "extracted 0, from cache 5" in again.summary()

    changed = corpus / "002_4e1fcc6106327083.txt"
    changed.write_text(changed.read_text(encoding="utf-8") + "\n东城区总工会主席张伟出席。\n", encoding="utf-8")
    extractions.clear()
    g, third = build([corpus], out, html=False)
    assert extractions == [changed.name]
    assert (third.extracted, third.cached) == (1, 4)
    assert "张伟" in {str(o) for o in g.objects()}

    fresh = tmp_path / "fresh"
    build([corpus], fresh, html=False, cache=False)
    assert (out / "graph.ttl").read_bytes() == (fresh / "graph.ttl").read_bytes()


def test_renamed_article_is_a_cache_hit_with_its_new_id(tmp_path, extractions):
    src = tmp_path / "a"
    src.mkdir()
    shutil.copy(SEEDS / "004_4bcc54c899a9d085.txt", src / "old-name.txt")
    cache = tmp_path / "cache"
    build([src], tmp_path / "o1", html=False, cache=cache)
    (src / "old-name.txt").rename(src / "new-name.txt")
    g, report = build([src], tmp_path / "o2", html=False, cache=cache)
    assert (report.extracted, report.cached) == (0, 1) and extractions == ["old-name.txt"]
    assert "new-name" in {str(o) for o in g.objects()} and "old-name" not in {str(o) for o in g.objects()}


def test_a_new_extractor_version_invalidates_the_cache(tmp_path, monkeypatch, extractions):
    cache = tmp_path / "cache"
    build([SEEDS / "004_4bcc54c899a9d085.txt"], tmp_path / "o", html=False, cache=cache)
    old = {d.name for d in cache.iterdir()}
    assert old == {extractor_version()[:16]}
    monkeypatch.setattr(gb, "extractor_version", lambda: "f" * 64)
    _, report = build([SEEDS / "004_4bcc54c899a9d085.txt"], tmp_path / "o", html=False, cache=cache)
    assert (report.extracted, report.cached) == (1, 0) and len(extractions) == 2
    assert {d.name for d in cache.iterdir()} == {"f" * 16}  # the stale version is gone


def test_extractor_version_covers_code_and_lexicon():
    v = extractor_version()
    assert len(v) == 64 and v == extractor_version()
    # what it hashes: every .py of the package and every lexicon file
    pkg = Path(gb.__file__).parent
    assert (pkg / "lexicon" / "data" / "surnames.txt").is_file() and (pkg / "mentions" / "figures.py").is_file()


def test_a_corrupt_cache_entry_is_a_miss(tmp_path):
    store = FactCache(tmp_path)
    key = "ab" * 32
    path = store._path(key)
    path.parent.mkdir(parents=True)
    path.write_bytes(b"not a pickle")
    assert store.get(key) is None


def test_bad_scheduler_address_is_one_line(tmp_path, capsys):
    from graph import cli

    args = cli.parser().parse_args(["build", str(SEEDS), "-o", str(tmp_path), "-q", "--scheduler", "not an address"])
    assert args._run(args) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("union-kg build: bad Dask scheduler address") and "\n" not in err


def test_readme_dask_yaml_gives_dask_config():
    # the cluster settings the README gives for `dask scheduler` / `dask worker` are graph.build.DASK_CONFIG
    pytest.importorskip("distributed")
    import copy

    import dask
    import yaml

    block = re.search(r"```yaml\n(distributed:.*?)```", (ROOT / "README.md").read_text(encoding="utf-8"), re.S)
    assert block is not None
    merged = dask.config.update(copy.deepcopy(dask.config.config), yaml.safe_load(block.group(1)))
    for key, value in gb.DASK_CONFIG.items():
        assert dask.config.get(key, config=merged) == value, key
    assert "MALLOC_TRIM_THRESHOLD_" in dask.config.get("distributed.nanny.pre-spawn-environ", config=merged)
