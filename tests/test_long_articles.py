"""A long article costs what its text costs in pieces (issue 15): resolution work grows linearly.

Work is counted, not timed: the Python and C function calls made while
resolving (``sys.setprofile``), which a scan of every mention per mention
multiplies by the article's length.  Awards and programmes are left out
while their owner makes them linear (``resolve_awards``, programme finding).
"""
import importlib
import sys
from pathlib import Path

import pytest

from graph import resolve as R
from graph.pipeline import annotate
from graph.text import places
from graph.text.read import read_text

gb = importlib.import_module("graph.build")

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


def _calls(fn, *args) -> int:
    n = 0

    def count(frame, event, arg):
        nonlocal n
        if event in ("call", "c_call"):
            n += 1

    sys.setprofile(count)
    try:
        fn(*args)
    finally:
        sys.setprofile(None)
    return n


def _work(copies: int) -> dict[str, int]:
    """Calls made by the linear-owned resolution stages on the seeds concatenated ``copies`` times."""
    text = "\n".join(f.read_text(encoding="utf-8") for f in SEEDS * copies)
    article = annotate(read_text(text, "long"))
    places._place_hits_of.cache_clear()  # a per-text memo: the warm-up's scan of this text is not this one's work
    work = {"unions": _calls(R.resolve_unions, article), "persons": _calls(R.resolve_persons, article)}
    R.resolve_programmes(article)  # names the programmes the figures' subjects are chosen among
    work["figures"] = _calls(R.resolve_figures, article)
    return work


@pytest.fixture(scope="module")
def work():
    _work(1)  # fills the lexicon and name caches, which would count as work of the first article
    return _work(1), _work(3)


@pytest.mark.parametrize("stage", ["unions", "persons", "figures"])
def test_resolution_work_grows_linearly_with_the_article(work, stage):
    one, three = work
    assert one[stage] > 0
    # linear: 3×; the scans of every mention per mention this replaced gave 5.8× (figures) and 7.8× (unions)
    assert three[stage] / one[stage] < 4, (stage, one[stage], three[stage])


def test_a_long_article_gets_a_line_of_its_own_when_it_starts(monkeypatch, tmp_path, capsys):
    monkeypatch.setattr(gb, "LONG_ARTICLE_BYTES", min(f.stat().st_size for f in SEEDS[:2]))
    gb.build(SEEDS[:2], tmp_path, progress=True, html=False, cache=False)
    lines = [x for x in capsys.readouterr().err.splitlines() if "extracting a long article" in x]
    assert len(lines) == 2 and all(" MB)" in x for x in lines)
    # no line for the same articles when they are short
    monkeypatch.setattr(gb, "LONG_ARTICLE_BYTES", 10**9)
    gb.build(SEEDS[:2], tmp_path, progress=True, html=False, cache=False)
    assert "long article" not in capsys.readouterr().err
