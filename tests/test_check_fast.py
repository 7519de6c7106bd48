"""The fast paths of the check give what the plain ones give: conflict groups, roles, rows, Finding triples."""
import random
from collections import defaultdict
from decimal import Decimal
from pathlib import Path

import pyoxigraph
import pytest

from graph.build import extract_corpus
from graph.export.tables import FigureRow, figure_rows, load_store
from graph.pipeline import extract_text
from graph.store import check as C
from graph.store.rdf import Shard, ShardMerger, article_shard, build_graph

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
MEASURES = ["新建职工之家", "全区新建职工之家", "新建职工书屋", "发放补助金", "发放困难补助金", "慰问职工", " 慰问职工",
            "服务职工"]


def _pairwise_groups(rows: list[FigureRow]) -> list[list[str]]:
    """The conflict groups as the check first found them: every pair of each block weighed with _same_measure."""
    parts = {iri for art in C._by_article(rows).values() for iri, role in C.roles(art).items() if role == "part"}
    cands = [r for r in rows if r.measure.strip() and r.figure not in parts and r.value.is_finite()]
    blocks = defaultdict(list)
    for r in cands:
        blocks[("article", r.article, r.unit)].append(r)
        if C._when(r) is not None:
            for s in r.subject_iris:
                blocks[("subject", s, C._when(r), r.unit, C._norm(r.measure))].append(r)
    parent = {r.figure: r.figure for r in cands}

    def find(x):
        while parent[x] != x:
            x = parent[x]
        return x

    conflicts = []
    for group in blocks.values():
        for i, a in enumerate(group):
            for b in group[i + 1:]:
                if C._same_measure(a, b):
                    parent[find(a.figure)] = find(b.figure)
                    (lo_a, hi_a), (lo_b, hi_b) = C.value_range(a), C.value_range(b)
                    if hi_a < lo_b or hi_b < lo_a:
                        conflicts.append(a.figure)
    comps = defaultdict(list)
    for r in cands:
        comps[find(r.figure)].append(r.figure)
    bad = {find(x) for x in conflicts}
    return sorted(sorted(m) for root, m in comps.items() if root in bad)


def _random_rows(rng: random.Random, n: int) -> list[FigureRow]:
    rows = []
    for i in range(n):
        article = f"a{rng.randrange(4)}"
        quote = rng.choice([f"{article}的第{rng.randrange(6)}句。", "各地重复的同一句。", "其中用于慰问。"])
        subjects = rng.choice([(), ("u",), ("v",), ("u", "v")])
        value = Decimal(rng.choice([40, 41, 45, 300000, 320000]))
        rows.append(FigureRow(
            article=article, title="", figure=f"https://w3id.org/union-kg/id/figure/{article}/{i}", label=f"{value}个",
            subject="", measure=rng.choice(MEASURES), value=value, unit=rng.choice(["count", "count", "person"]),
            unit_text="", approximate=rng.random() < 0.3, year=rng.choice([None, 2020, 2021, 2021]), quote=quote,
            n=i, subject_iris=subjects, period_start=rng.choice(["", "", "2016"]), period_end=""))
    return rows


@pytest.mark.parametrize("seed", range(40))
def test_blocked_conflict_groups_equal_the_pairwise_ones(seed):
    rows = _random_rows(random.Random(seed), 60)
    fast = sorted(sorted(r.figure for r in f.figures) for f in C.conflicting_values(rows))
    assert fast == _pairwise_groups(rows)


@pytest.mark.parametrize("clause", ["其中", "其中 用于", "累计", "共建", "中国共产党", "全年共", "其中:", "包括各区",
                                    ""])
def test_marker_shortcuts_agree_with_segmenting(clause):
    words = C._words(clause)
    assert C._opens_with_part(clause) == (bool(C._words(clause[:6])) and C._words(clause[:6])[0] in C.PART_WORDS)
    role = "part" if set(words) & C.PART_WORDS else "whole" if set(words) & C.WHOLE_WORDS else None
    assert C._clause_role(clause) == role


@pytest.fixture(scope="module")
def seed_graph():
    facts, _ = extract_corpus([SEEDS])
    return build_graph(facts)


def test_check_rows_are_the_figure_rows_the_check_reads(seed_graph):
    store = load_store(seed_graph)
    full, slim = figure_rows(store), C.check_rows(store)
    assert [r.figure for r in slim] == [r.figure for r in full]
    skip = {"title", "subject", "unit_text"}  # only reports show them
    for a, b in zip(full, slim, strict=True):
        kept = {k: v for k, v in vars(a).items() if k not in skip}
        assert kept == {k: v for k, v in vars(b).items() if k not in skip}


def test_add_findings_writes_the_same_triples_to_a_store_and_to_a_graph(seed_graph):
    store = pyoxigraph.Store()
    store.load(seed_graph.serialize(format="nt", encoding="utf-8"), format=pyoxigraph.RdfFormat.N_TRIPLES)
    n = len(store)
    found = C.add_findings(store)
    assert found and [f.iri for f in found] == [f.iri for f in C.check(seed_graph)]
    C._write(store, found, chunk_chars=100)  # small chunks, again: the same triples, nothing new
    ours = {str(t) for t in store.quads_for_pattern(None, None, None) if "/finding/" in t.subject.value}
    assert len(store) == n + len(ours)
    C.add_findings(seed_graph)
    q = "PREFIX ukg: <https://w3id.org/union-kg/ontology#> CONSTRUCT { ?f ?p ?o } WHERE { ?f a ukg:Finding ; ?p ?o }"
    theirs = {str(pyoxigraph.Quad(t.subject, t.predicate, t.object)) for t in load_store(seed_graph).query(q)}
    assert ours == theirs


def test_rows_of_each_article_shard_give_the_findings_of_the_merged_store():
    facts, _ = extract_corpus([SEEDS])
    shards = [article_shard(f) for f in facts]
    merged = pyoxigraph.Store()
    merger = ShardMerger(merged)
    for sh in shards:
        merger.add(sh)
    merger.finish()
    rows = []
    for sh in reversed(shards):  # any order
        one = pyoxigraph.Store()
        one.load(sh.ntriples, format=pyoxigraph.RdfFormat.N_TRIPLES)
        rows += C.check_rows(one)
    assert sorted(rows, key=C._row_key) == C.check_rows(merged)
    expected = [(str(f.iri), f.explanation) for f in C._check(C.check_rows(merged))]
    n = len(merged)
    assert [(str(f.iri), f.explanation) for f in C.add_findings(merged, rows=rows)] == expected
    assert len(merged) > n


#: Conflicts within an article and across articles (the seeds have none), and a part larger than its whole.
CONFLICTING = ["2021年,朝阳区总工会新建职工之家41个。\n\n朝阳区总工会还开展了技能竞赛。\n\n"
               "2021年,朝阳区总工会新建职工之家45个。",
               "据统计,2021年,朝阳区总工会新建职工之家47个。", "2021年,朝阳区总工会新建职工之家41个。",
               "朝阳区总工会累计发放补助10万元,其中发放困难职工补助12万元。", "2022年,海淀区总工会慰问职工300人。",
               "2022年,海淀区总工会慰问职工350人。"]


@pytest.fixture(scope="module")
def seed_shards():
    facts, _ = extract_corpus([SEEDS])
    facts += [extract_text(t, f"zz{i}") for i, t in enumerate(CONFLICTING)]
    return [article_shard(f) for f in facts]


def _findings_of(store) -> set[str]:
    q = "PREFIX ukg: <https://w3id.org/union-kg/ontology#> CONSTRUCT { ?f ?p ?o } WHERE { ?f a ukg:Finding ; ?p ?o }"
    return {str(t) for t in store.query(q)}


def test_checks_made_per_shard_write_the_findings_of_the_whole_store(seed_shards):
    whole, streamed = pyoxigraph.Store(), pyoxigraph.Store()
    plain, checked = ShardMerger(whole), ShardMerger(streamed)
    conflicts = C.ConflictCheck()
    for sh in reversed(seed_shards):  # any order
        plain.add(sh)
        own, part = C.shard_check(sh.ntriples)
        checked.add(Shard(sh.key, sh.ntriples + own, sh.functional))
        conflicts.add(part)
    plain.finish()
    checked.finish()
    expected = C.add_findings(whole)
    n = C.write_conflicts(streamed, conflicts)
    assert n == sum(f.type == "conflicting-values" for f in expected) > 0
    assert _findings_of(streamed) == _findings_of(whole)
    assert len(streamed) == len(whole)


def test_a_shards_check_reads_no_evidence_node(seed_shards):
    """The article's store of shard_check leaves out the evidence nodes' triples: the same rows without them."""
    for sh in seed_shards:
        full, slim = pyoxigraph.Store(), pyoxigraph.Store()
        full.load(sh.ntriples, format=pyoxigraph.RdfFormat.N_TRIPLES)
        slim.load(C._EVIDENCE_LINE.sub(b"", sh.ntriples), format=pyoxigraph.RdfFormat.N_TRIPLES)
        assert len(slim) < len(full) and not any("/evidence/" in q.subject.value for q in slim)
        assert C.check_rows(slim) == C.check_rows(full)


def test_conflicting_groups_read_back_in_small_buckets_are_the_same(seed_shards):
    store = pyoxigraph.Store()
    merger = ShardMerger(store)
    for sh in seed_shards:
        merger.add(sh)
    merger.finish()
    rows = C.check_rows(store)
    whole, small = C.ConflictCheck(), C.ConflictCheck()
    for art in C._by_article(rows).values():
        whole.add(C.article_check(art)[1])
        small.add(C.article_check(art)[1])
    expected = [(str(f.iri), f.explanation) for f in whole.findings()]
    got = [(str(f.iri), f.explanation) for f in small.findings(batch=1)]  # a bucket per group
    assert sorted(got) == sorted(expected) and len(expected) > 1
    assert sorted(expected) == sorted((str(f.iri), f.explanation) for f in C.conflicting_values(rows))
