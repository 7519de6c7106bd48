"""Evaluation against gold annotations, the work behind ``union-kg evaluate GOLD_DIR``.

The matching rules are those of the reference scorer of the gold
(``../shared/gold/score.py``), vendored unchanged as :mod:`graph.evaluate.scoring`,
so the product and the gold's own scorer cannot disagree.  This module runs
it and formats precision, recall and F1 per list and per relation.
"""
from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path

from . import scoring

LISTS = ("unions", "persons", "programmes", "awards", "figures", "reporters")
RELATIONS = ("roles", "parents", "organizers", "recipients")


def evaluate(graph_path: str | Path, gold_dir: str | Path, show: bool = False,
             docs: list[str] | None = None) -> dict:
    """Score a built graph against a folder of gold JSON files.

    Parameters
    ----------
    graph_path : path-like
        Turtle (or any RDF file rdflib or pyoxigraph reads).
    gold_dir : path-like
        One JSON file per article, in the format of GUIDELINES.md.
    show : bool
        Include ``details``: per article and list, the missed gold items
        and the spurious predicted ones.
    docs : list of str, optional
        Only these article ids.

    Returns
    -------
    dict
        ``{list or relation: {"p", "r", "f1", "tp", "fp", "fn"}}`` plus
        ``figure_attributes`` (approx_acc, year_acc, subject_acc,
        measure_acc over matched figures) and ``overall_entities_and_figures``.

    Raises
    ------
    FileNotFoundError
        When the graph file or the gold folder is missing.
    ValueError
        When the gold folder holds no gold file.
    """
    graph_path, gold_dir = Path(graph_path), Path(gold_dir)
    if not graph_path.is_file():
        raise FileNotFoundError(f"no graph at {graph_path}: run `union-kg build` first")
    if not gold_dir.is_dir():
        raise FileNotFoundError(f"no gold folder at {gold_dir}")
    argv = [str(graph_path), str(gold_dir), "--json"] + (["--show"] if show else [])
    if docs:
        argv += ["--docs", ",".join(docs)]
    buf = io.StringIO()
    try:
        with contextlib.redirect_stdout(buf):
            scoring.main(argv)
    except SystemExit as exc:  # the scorer exits with a message when there is no gold
        raise ValueError(str(exc.code)) from None
    return json.loads(buf.getvalue())


def format_report(result: dict) -> str:
    """The scores as a plain-text table, then figure attributes and, if present, the details."""
    rows = [f"scored {result['articles']} articles ({result['engine']})",
            f"{'':<14}{'P':>7}{'R':>7}{'F1':>7}{'tp':>6}{'fp':>6}{'fn':>6}"]
    for key in LISTS + RELATIONS + ("overall_entities_and_figures",):
        s = result[key]
        name = "overall" if key.startswith("overall") else key
        rows.append(f"{name:<14}{s['p']:>7.3f}{s['r']:>7.3f}{s['f1']:>7.3f}{s['tp']:>6}{s['fp']:>6}{s['fn']:>6}")
    fa = result["figure_attributes"]
    rows.append("figure attributes: " + ", ".join(f"{k}={v}" for k, v in fa.items()))
    for doc, lists in result.get("details", {}).items():
        for key, d in lists.items():
            for kind, items in d.items():
                if items:
                    rows.append(f"{doc} {key} {kind}: {'、'.join(map(str, items))}")
    return "\n".join(rows)


__all__ = ["evaluate", "format_report", "LISTS", "RELATIONS"]
