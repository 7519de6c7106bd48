"""Shared fixtures."""
from pathlib import Path

import pytest

from graph.build import build

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def seed_graph(tmp_path_factory) -> Path:
    """The seed corpus built once (Turtle only); the path of its graph.ttl."""
    out = tmp_path_factory.mktemp("seed-graph")
    build([ROOT / "seeds"], out, html=False)
    return out / "graph.ttl"
