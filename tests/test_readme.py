"""The README's example queries give the answers it prints, on the seed build."""
import re
from pathlib import Path

import pytest

from graph.sparql import rows

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
EXAMPLES = re.findall(r"```sparql\n(.*?)```\n```\n(.*?)```", README, re.S)


def test_readme_has_three_examples():
    assert len(EXAMPLES) >= 3


@pytest.mark.parametrize("query, answer", EXAMPLES, ids=[f"example{i}" for i in range(len(EXAMPLES))])
def test_readme_example_answers(seed_graph, query, answer):
    header, *lines = [ln.split() for ln in answer.strip().splitlines()]
    got = [[str(r[h]) for h in header] for r in rows(seed_graph, query)]
    assert got == lines


def test_readme_run_summary_is_what_make_run_prints(seed_site):
    # the counts and triples of the `make run` block are those of a build of the seeds now
    block = re.search(r"`make run` prints what it built.*?```\n(.*?)```", README, re.S).group(1)
    shown = dict(re.findall(r"^\s+(\w+)\s+(\d+)$", block, re.M))
    _, report, _ = seed_site
    summary = report.summary()
    assert shown and shown == dict(re.findall(r"^\s+(\w+)\s+(\d+)$", summary, re.M))
    assert re.search(r"triples written: (\d+)", block).group(1) == str(report.triples)
