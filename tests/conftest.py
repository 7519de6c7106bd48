"""Fixtures shared by test modules."""
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def seed_site(tmp_path_factory):
    """The seed corpus built once per session with its HTML views: ``(graph, report, out_dir)``."""
    from graph.build import build

    out = tmp_path_factory.mktemp("site")
    g, report = build([ROOT / "seeds"], out)
    return g, report, out


@pytest.fixture(scope="session")
def seed_graph(seed_site) -> Path:
    """The path of the seed build's graph.ttl (the same build as :func:`seed_site`)."""
    return seed_site[2] / "graph.ttl"


@pytest.fixture()
def extractions(monkeypatch) -> list[str]:
    """The file names :func:`graph.build.extract_file` is called with during an in-process serial build."""
    import importlib

    gb = importlib.import_module("graph.build")  # graph.build the module, not the build() graph/__init__ exports

    calls: list[str] = []
    real = gb.extract_file

    def extract_file(path):
        calls.append(Path(path).name)
        return real(path)

    monkeypatch.setattr(gb, "extract_file", extract_file)
    return calls
