"""Bad input costs nothing: encodings, traditional Chinese, HTML, and files that cannot be used."""
from pathlib import Path

import pytest
from opencc import OpenCC

from graph import cli
from graph.build import build
from graph.pipeline import extract_file, extract_text
from graph.text.read import ReadError, decode, html_to_text, read_file, scan_paths, to_simplified

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "004_4bcc54c899a9d085.txt"
SENTENCE = "朝阳区总工会主席李明表示,全年投入50万元,帮扶困难职工1200人次。"


def summary(facts):
    """What an article says, without where it came from."""
    return ({u.name for u in facts.unions}, {p.name for p in facts.persons},
            sorted((f.value, f.unit) for f in facts.figures))


@pytest.fixture(scope="module")
def seed_facts():
    return extract_file(SEED)


@pytest.mark.parametrize("encoding", ["utf-8-sig", "gb18030", "gbk", "utf-16"])
def test_encodings_give_the_same_facts(tmp_path, seed_facts, encoding):
    f = tmp_path / f"{SEED.stem}.txt"
    f.write_bytes(SEED.read_text(encoding="utf-8").encode(encoding))
    facts = extract_file(f)
    assert not isinstance(facts, ReadError), facts
    assert summary(facts) == summary(seed_facts)
    assert facts.doc_id == SEED.stem


def test_short_gbk_text_is_not_taken_for_korean():
    # charset-normalizer alone guesses cp949 for these five hanzi
    assert decode("總工會主席".encode("gbk")) == "總工會主席"
    assert decode(SENTENCE.encode("gbk")) == SENTENCE


def test_traditional_chinese_is_extracted_and_quoted_as_written():
    trad = OpenCC("s2t").convert(SENTENCE)
    assert trad != SENTENCE and "總工會" in trad
    assert to_simplified(trad) == SENTENCE
    facts = extract_text(trad)
    simple = extract_text(SENTENCE)
    assert summary(facts) == summary(simple)
    assert {f.quote for f in facts.figures} == {trad}
    assert "50萬元" in {f.text for f in facts.figures}


def test_simplified_text_is_left_alone():
    assert to_simplified(SENTENCE) is SENTENCE
    text = SEED.read_text(encoding="utf-8")
    assert to_simplified(text) == text


def test_traditional_conversion_keeps_offsets():
    text = OpenCC("s2t").convert(SEED.read_text(encoding="utf-8"))
    simple = to_simplified(text)
    assert len(simple) == len(text)
    assert sum(a != b for a, b in zip(simple, text, strict=True)) > 50


def test_html_text_is_extracted(tmp_path):
    page = ("<!DOCTYPE html><html><head><title>工会要闻</title><style>p{color:red}</style>"
            "<script>var x = '海淀区总工会';</script></head><body><nav></nav>"
            f"<p>{SENTENCE.replace('李明', '李&#26126;')}</p><p>下一段&amp;结尾</p></body></html>")
    f = tmp_path / "page.html"
    f.write_text(page, encoding="utf-8")
    art = read_file(f)
    assert "<" not in art.text and "color" not in art.text and "海淀区" not in art.text
    assert SENTENCE in art.text.splitlines() and "下一段&结尾" in art.text
    assert summary(extract_file(f)) == summary(extract_text(SENTENCE))
    assert html_to_text("<p>a</p><p></p><p></p><p>b</p>") == "a\n\nb\n"


@pytest.mark.parametrize(("content", "reason"), [
    (b"", "empty file"),
    (b" \n\r\n ", "empty file"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "binary"),
    (bytes(range(1, 32)) * 40, "binary"),
    (b"<html><body><script>x()</script></body></html>", "no text"),
])
def test_unusable_content_raises_a_one_line_read_error(tmp_path, content, reason):
    f = tmp_path / "bad.html"
    f.write_bytes(content)
    with pytest.raises(ReadError) as exc:
        read_file(f)
    assert reason in exc.value.reason
    assert str(f) in str(exc.value) and "\n" not in str(exc.value)


def test_unreadable_file_and_missing_path(tmp_path):
    folder = tmp_path / "x.txt"  # a folder where a file is expected: unreadable
    folder.mkdir()
    with pytest.raises(ReadError, match="x.txt: is a directory"):
        read_file(folder)
    entries = scan_paths([tmp_path / "nope", SEED])
    assert entries[0] == SEED
    assert isinstance(entries[1], ReadError) and entries[1].reason == "no such file or folder"


@pytest.fixture()
def mixed(tmp_path, monkeypatch):
    """A folder of mixed files: good ones in three forms, and six that cannot be used."""
    d = tmp_path / "mixed"
    d.mkdir()
    (d / "good.txt").write_text(SENTENCE, encoding="utf-8")
    (d / "gbk.txt").write_bytes(SEED.read_text(encoding="utf-8").encode("gb18030"))
    (d / "trad.htm").write_text(f"<p>{OpenCC('s2t').convert(SENTENCE)}</p>", encoding="utf-8")
    (d / "empty.txt").write_bytes(b"")
    (d / "binary.txt").write_bytes(b"\x00\x01\x02\xff" * 100)
    (d / "locked.txt").write_text(SENTENCE, encoding="utf-8")
    (d / "picture.png").write_bytes(b"\x89PNG")  # not an article suffix: not read
    real = Path.read_bytes

    def read_bytes(self):
        if self.name == "locked.txt":  # tests run as root, where chmod 000 does not stop reading
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    return d


def test_a_folder_of_mixed_files_builds_what_it_can(mixed, tmp_path):
    g, report = build([mixed, tmp_path / "missing"], tmp_path / "out", html=False, cache=False)
    assert report.articles == 3
    reasons = {Path(e.path).name: e.reason for e in report.failures}
    assert reasons == {"empty.txt": "empty file", "binary.txt": "binary file (NUL bytes)",
                       "locked.txt": "permission denied", "missing": "no such file or folder"}
    assert (tmp_path / "out" / "graph.ttl").stat().st_size > 1000
    assert report.counts["unions"] >= 1


def run_build(argv: list[str]) -> int:
    """``union-kg build ARGV`` (the subcommand alone: no plugin modules are imported)."""
    args = cli.parser().parse_args(["build", *argv])
    return args._run(args)


def test_cli_exit_status_and_one_line_per_skipped_file(mixed, tmp_path, capsys):
    out = tmp_path / "out"
    assert run_build([str(mixed), "-o", str(out), "--no-html", "-q", "--no-cache"]) == 0
    err = capsys.readouterr().err.splitlines()
    skipped = [line for line in err if line.startswith("skipped ")]
    assert len(skipped) == 3 and all(str(mixed) in line for line in skipped)
    assert not any("Traceback" in line for line in err)
    assert run_build([str(mixed), "-o", str(out), "--no-html", "-q", "--strict"]) == 1

    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_bytes(b"")
    before = (out / "graph.ttl").read_bytes()
    assert run_build([str(bad), str(tmp_path / "nope"), "-o", str(out), "--no-html", "-q"]) == 1
    assert (out / "graph.ttl").read_bytes() == before  # nothing built: the earlier build stays
    assert "nothing written" in capsys.readouterr().err
