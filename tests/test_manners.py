"""What the commands say when something is off: one clear line, at the right time (issue 15)."""
import importlib
import os
import re
import signal
import subprocess
import sys
import threading
import tomllib
from pathlib import Path

from graph.cli import main
from graph.text.read import ARTICLE_SUFFIXES

gb = importlib.import_module("graph.build")  # the module (graph.build is also the function graph.build)

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"



def test_unwritable_output_folder_is_reported_before_extraction(tmp_path, capsys, extractions):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    assert main(["build", str(SEEDS), "-o", str(blocker / "out"), "-q"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("union-kg build: cannot write to the output folder")
    assert extractions == []  # said before any article was read


def test_a_folder_without_article_files_names_the_suffixes_read(tmp_path, capsys):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "report.pdf").write_bytes(b"%PDF-1.4")
    (docs / "notes.docx").write_bytes(b"PK")
    assert main(["build", str(docs), "-o", str(tmp_path / "out"), "-q"]) == 1
    out, err = capsys.readouterr()
    line = next(x for x in err.splitlines() if str(docs) in x)
    assert all(s in line for s in ARTICLE_SUFFIXES)
    assert "nothing written" in err and not (tmp_path / "out").exists()


def test_an_empty_corpus_says_nothing_written_and_no_triples(tmp_path, capsys):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    assert main(["build", str(empty), "-o", str(tmp_path / "out"), "-q"]) == 1
    out, err = capsys.readouterr()
    assert "triples written" not in out and "articles read: 0 (1 skipped)" in out
    assert err.strip().splitlines()[-1] == "union-kg build: no article could be built; nothing written"


def test_ctrl_c_in_a_command_is_one_line(monkeypatch, tmp_path, capsys):
    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(gb, "build", interrupted)
    assert main(["build", str(SEEDS), "-o", str(tmp_path)]) == 130
    assert capsys.readouterr().err == "union-kg build: interrupted\n"


def test_ctrl_c_stops_a_parallel_build_cleanly(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in range(40):  # long enough to be interrupted while extracting
        for f in SEEDS.glob("*.txt"):
            (corpus / f"{i:02d}_{f.name}").write_bytes(f.read_bytes())
    cmd = [sys.executable, "-m", "graph", "build", str(corpus), "-o", str(tmp_path / "out"), "-j", "2",
           "--no-cache"]
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    err = bytearray()
    started = threading.Event()

    def read():
        while chunk := proc.stderr.read1(4096):
            err.extend(chunk)
            if re.search(rb"extracting: .*\b[1-9]\d*/\d+ ", err):  # workers up, articles done
                started.set()

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    try:
        assert started.wait(120), err.decode(errors="replace")
        proc.send_signal(signal.SIGINT)
        proc.wait(60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    reader.join(10)
    text = err.decode(errors="replace")
    assert proc.returncode == 130, text
    assert "Traceback" not in text and "KeyboardInterrupt" not in text
    assert text.rstrip().splitlines()[-1] == "union-kg build: interrupted"
    assert not (tmp_path / "out" / "graph.ttl").exists()


def test_an_update_sent_to_query_says_updates_are_refused(seed_graph, capsys):
    for update in ("INSERT DATA { <urn:a> <urn:b> <urn:c> }",
                   "PREFIX ex: <urn:ex:>\n# a comment\nDELETE WHERE { ?s ex:p ?o }",
                   "drop all"):
        assert main(["query", str(seed_graph), update]) == 2
        err = capsys.readouterr().err
        assert err.startswith("union-kg query: updates are refused") and "CONSTRUCT" in err
        assert "expected" not in err and len(err.strip().splitlines()) == 1


def test_an_unknown_prefix_is_named_in_one_line(seed_graph, capsys):
    q = 'SELECT ?n WHERE {\n  ?u a ukg:TradeUnion ;\n     foo:label "a:b" ; <urn:x:y> ?n }'
    assert main(["query", str(seed_graph), q]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1
    assert err[0].startswith("union-kg query: unknown prefix: line 3, column 6: 'foo:' is not declared")
    # a declared prefix is no unknown one; a real syntax error keeps the engine's message and a caret
    assert main(["query", str(seed_graph), "PREFIX foo: <urn:foo:>\nSELECT ?x WHERE { ?x foo:p ?y }"]) == 0
    capsys.readouterr()
    assert main(["query", str(seed_graph), "SELECT ?x WHERE { ?x ?y }"]) == 2
    err = capsys.readouterr().err
    assert "malformed query: line 1, column" in err and "^" in err


def test_html_pages_are_byte_identical_across_serial_and_parallel_builds(seed_site, tmp_path):
    serial = seed_site[2]
    # another process with another string-hash salt, and two extraction workers
    env = dict(os.environ, PYTHONHASHSEED=str(12345 if os.environ.get("PYTHONHASHSEED") != "12345" else 54321))
    code = "import sys; from graph.build import build; build([sys.argv[1]], sys.argv[2], jobs=2, cache=False)"
    subprocess.run([sys.executable, "-c", code, str(SEEDS), str(tmp_path)], cwd=ROOT, env=env, check=True,
                   capture_output=True)
    pages = sorted(p.relative_to(serial) for p in serial.rglob("*.html"))
    assert len(pages) > 10
    assert pages == sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*.html"))
    differ = [str(p) for p in pages if (serial / p).read_bytes() != (tmp_path / p).read_bytes()]
    assert differ == []
    assert (serial / "graph.ttl").read_bytes() == (tmp_path / "graph.ttl").read_bytes()


def test_every_package_folder_is_declared_so_setuptools_does_not_warn():
    conf = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    folders = {".".join(d.relative_to(ROOT).parts) for d in (ROOT / "graph").rglob("*")
               if d.is_dir() and d.name != "__pycache__" and any(f.is_file() for f in d.iterdir())}
    folders.add("graph")
    assert folders <= set(conf["packages"])
    data = conf["package-data"]["graph.lexicon.data"]
    assert data == ["*"] and any((ROOT / "graph" / "lexicon" / "data").iterdir())
