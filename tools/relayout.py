#!/usr/bin/env python3
"""Move the modules of ``graph/`` into one folder per pipeline stage, and rewrite every reference to them.

Run from anywhere inside the repository, on a clean tree, with the project's
Python (ruff from it sorts the rewritten import blocks)::

    .venv/bin/python tools/relayout.py            # move and rewrite
    .venv/bin/python tools/relayout.py --dry-run  # print the plan, change nothing

The layout, by module name (:data:`MOVES`)::

    graph/__init__.py __main__.py _version.py   the public API, ``python -m graph``, the version
    graph/model.py namespace.py                 what flows between stages; the ukg: vocabulary
    graph/pipeline.py                           one article through the stages (extract_file)
    graph/build.py                              the corpus: map the pipeline, load the store, export
    graph/lexicon/                              the general lexicons (unchanged)
    graph/text/      read segment bylines numbers when places orgnames    stage 1, the text
    graph/mentions/  ner persons unions programmes awards documents ...   stage 2 (unchanged)
    graph/resolve/   __init__ (the resolver, was resolve.py) evidence     stage 3
    graph/store/     rdf check validate                                   stage 4, triples and the store
    graph/export/    turtle views html pages chart tables counts page     stage 5 (unchanged)
    graph/sparql/    __init__ (the query API, was sparql.py) server       query what was built
    graph/cli/       __init__ (union-kg, was cli.py) registry evaluate figures query views
    graph/evaluate/  __init__ (was evaluate.py) scoring (vendored scorer)

What it does, in this order:

1. Refuses to run on a dirty tree (``git status --porcelain`` not empty; a
   dry run only reads), when a target exists beside its source, and when a
   new folder would shadow a module of the same name.
2. Moves with ``git mv``; a module becoming a package keeps its dotted name
   (``graph/sparql.py`` -> ``graph/sparql/__init__.py``), so its importers
   need no change.  Sources already moved are skipped: a second run is a no-op.
3. Rewrites, in every tracked text file (graph/, tests/, bench/, notebooks/
   (code and markdown cells of the .ipynb JSON), docs/, tools/, .ci/,
   README.md, Makefile, pyproject.toml):

   - ``from ... import ...`` statements, relative or absolute, found with
     ``ast`` anywhere in a file (inside functions too): resolved against the
     file's old place, mapped, and written relative to its new place; one
     statement importing modules that now live in different packages is split;
   - dotted names ``graph.a.b`` anywhere (``import graph.read``, strings such
     as ``monkeypatch.setattr("graph.segment._jieba", ...)``, docstrings
     ``:mod:`graph.check```, notebooks);
   - file paths ``graph/read.py`` (ruff's per-file-ignores, docs);
   - pyproject's ``[tool.setuptools] packages`` list (new packages added,
     moved ones renamed);
   - the README's Architecture section: its opening sentence and the
     backquoted module paths in it, relative to ``graph/``.

4. Creates the ``__init__.py`` of the new stage folders, runs
   ``ruff check --select I --fix`` on the rewritten Python files (import
   blocks re-sorted after the paths changed) and prints every move and every
   distinct rewrite with its file.

Modules not named in :data:`MOVES` (e.g. one a helper added meanwhile) stay
where they are; their imports of moved modules are rewritten like any other,
and the script lists them so that someone decides their folder.
"""
from __future__ import annotations

import argparse
import ast
import json
import re
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

#: Old dotted name -> new dotted name.  A key naming a module file moves the
#: file; a key naming a package folder moves the folder (and every submodule).
#: A module moving to its own name becomes that package's ``__init__.py``.
MOVES: dict[str, str] = {
    # stage 1, the text of an article
    "graph.read": "graph.text.read",
    "graph.segment": "graph.text.segment",
    "graph.bylines": "graph.text.bylines",
    "graph.numbers": "graph.text.numbers",
    "graph.when": "graph.text.when",
    "graph.places": "graph.text.places",
    "graph.orgnames": "graph.text.orgnames",
    # stage 3, resolution and evidence
    "graph.resolve": "graph.resolve",
    "graph.evidence": "graph.resolve.evidence",
    # stage 4, triples and the store
    "graph.rdf": "graph.store.rdf",
    "graph.check": "graph.store.check",
    "graph.validate": "graph.store.validate",
    # query what was built
    "graph.sparql": "graph.sparql",
    "graph.server": "graph.sparql.server",
    # the commands
    "graph.cli": "graph.cli",
    "graph.commands": "graph.cli.registry",
    "graph.evaluate_cli": "graph.cli.evaluate",
    "graph.figures_cli": "graph.cli.figures",
    "graph.query_cli": "graph.cli.query",
    "graph.views_cli": "graph.cli.views",
    # evaluation against gold
    "graph.evaluate": "graph.evaluate",
    "graph.scoring": "graph.evaluate.scoring",
}

#: Modules a module file becomes the ``__init__.py`` of (same dotted name).
TO_PACKAGE = {old for old, new in MOVES.items() if old == new}

#: Top-level modules that stay in graph/ (the facade, the version, the two compositions, the shared model).
STAY = {"graph.__main__", "graph._version", "graph.build", "graph.pipeline", "graph.model", "graph.namespace"}

#: The ``__init__.py`` of new stage folders that no module becomes.
NEW_PACKAGES: dict[str, str] = {
    "graph.text": '''"""Stage 1, the text of an article: what the later stages read from.

:mod:`~graph.text.read` decodes a file (encodings, HTML, traditional script,
NFKC) into an ``Article``; :mod:`~graph.text.segment` splits it into
paragraphs, headings and sentences, :mod:`~graph.text.bylines` finds its
reporters.  The small parsers the mentions and the resolver share sit here
too: Chinese numbers (:mod:`~graph.text.numbers`), dates and periods
(:mod:`~graph.text.when`), places (:mod:`~graph.text.places`) and the names
of organisations (:mod:`~graph.text.orgnames`).
"""
''',
    "graph.store": '''"""Stage 4, triples and the store: an article's facts as RDF, and checks on the built graph.

:mod:`~graph.store.rdf` turns one article's facts into triples (a shard,
stable IRIs, in the workers); :mod:`~graph.store.check` finds figures that
cannot be right, as SPARQL on the store; :mod:`~graph.store.validate` runs the
SHACL shapes.  :mod:`graph.build` opens the Oxigraph store and loads the shards.
"""
''',
}

#: The README's Architecture section opens with this sentence (whitespace aside) ...
README_INTRO_OLD = (r"One module per pipeline stage,\s+one `Article` object flowing through them,\s+and\s+"
                    r"the list of stages in one place")
#: ... which becomes this one.
README_INTRO_NEW = ("One folder per pipeline stage under `graph/` (`text/` → `mentions/` → `resolve/` →\n"
                    "`store/` → `export/`; `sparql/` queries what was built, `cli/` holds the commands,\n"
                    "`evaluate/` the scorer), one `Article` object flowing through them, and\n"
                    "the list of stages in one place")

#: Tracked files under these prefixes are data, never rewritten.
DATA_PREFIXES = ("tests/dev/", "tests/gold/", "tests/data/", "seeds/", "graph/lexicon/data/", "queries/", "schema/")
#: Top-level folders and files whose text is rewritten.
TEXT_ROOTS = ("graph/", "tests/", "bench/", "notebooks/", "docs/", "tools/", ".ci/")
TEXT_FILES = ("README.md", "Makefile", "pyproject.toml")
#: Kinds of file that may name a module (data files such as .json, .txt, .ttl never do).
TEXT_SUFFIXES = (".py", ".md", ".ipynb", ".toml", ".cfg", ".ini", ".rst", ".yml", ".yaml", ".sh")
#: Files never rewritten: this script and its test name the old modules on purpose.
EXEMPT = ("tools/relayout.py", "tests/test_relayout.py")


class RelayoutError(Exception):
    """The tree is not in a state the script can move safely."""


# ---------------------------------------------------------------- names and files
def git(root: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=root, check=True, capture_output=True, text=True).stdout


def module_files(root: Path) -> dict[str, tuple[Path, bool]]:
    """Dotted module name -> (file relative to ``root``, is a package), for every ``.py`` file in graph/."""
    mods = {}
    for path in sorted((root / "graph").rglob("*.py")):
        rel = path.relative_to(root)
        if "__pycache__" in rel.parts:
            continue
        parts = list(rel.with_suffix("").parts)
        is_pkg = parts[-1] == "__init__"
        if is_pkg:
            parts.pop()
        name = ".".join(parts)
        if name in mods:
            raise RelayoutError(f"{mods[name][0]} and {rel} are both the module {name}: keep one")
        mods[name] = (rel, is_pkg)
    return mods


def new_name(name: str) -> str:
    """Where the module (or attribute path) ``name`` lives after the moves: longest key of MOVES first."""
    for old in sorted(MOVES, key=len, reverse=True):
        if name == old or name.startswith(old + "."):
            return MOVES[old] + name[len(old):]
    return name


def module_path(name: str, is_pkg: bool) -> str:
    """The file of module ``name`` (``graph/a/b.py``, or ``graph/a/b/__init__.py`` for a package)."""
    return name.replace(".", "/") + ("/__init__.py" if is_pkg else ".py")


def destination(name: str, is_pkg: bool) -> str:
    """The file module ``name`` lives in after the moves."""
    return module_path(new_name(name), is_pkg or name in TO_PACKAGE)


# ---------------------------------------------------------------- the plan
def plan_moves(root: Path, mods: dict[str, tuple[Path, bool]]) -> tuple[list[tuple[str, str]], list[str]]:
    """The ``git mv`` pairs still to do, and notes on moves already done or impossible.

    Raises
    ------
    RelayoutError
        When a source and its target both exist, or a folder to be created
        has the name of a module that does not move into it.
    """
    moves, notes = [], []
    for old, new in MOVES.items():
        if old in mods:
            src, is_pkg = mods[old]
            if old in TO_PACKAGE and is_pkg:
                notes.append(f"already done: {old} is a package")
                continue
            if is_pkg:  # a folder moves with everything in it
                src, dst = src.parent, Path(module_path(new, True)).parent
            else:
                dst = Path(destination(old, False))
            if (root / dst).exists():
                raise RelayoutError(f"both {src} and {dst} exist: merge them by hand first")
            moves.append((str(src), str(dst)))
        elif new in mods:
            notes.append(f"already done: {old} -> {new}")
        else:
            notes.append(f"not in this tree, skipped: {old}")
    # a new folder must not sit beside a module of its name that stays (Python would import the folder)
    for dst in (d for _, d in moves):
        parts = Path(dst).parts
        for i in range(2, len(parts)):
            folder = ".".join(parts[:i])
            if folder in mods and not mods[folder][1] and folder not in TO_PACKAGE:
                raise RelayoutError(f"{module_path(folder, False)} would be shadowed by the folder "
                                    f"{'/'.join(parts[:i])}/: add it to MOVES")
    return moves, notes


# ---------------------------------------------------------------- python sources
def _package_of(module: str, is_pkg: bool) -> list[str]:
    return module.split(".") if is_pkg else module.split(".")[:-1]


def _absolute(base_pkg: list[str], node: ast.ImportFrom) -> str:
    if not node.level:
        return node.module or ""
    return ".".join(base_pkg[: len(base_pkg) - node.level + 1] + ([node.module] if node.module else []))


def _relative(pkg: list[str], target: str) -> str:
    """``target`` written relative to the package ``pkg`` (``from <this> import ...``)."""
    parts = target.split(".")
    common = 0
    while common < min(len(pkg), len(parts)) and pkg[common] == parts[common]:
        common += 1
    return "." * (len(pkg) - common + 1) + ".".join(parts[common:])


def _used_names(tree: ast.AST) -> set[str]:
    return {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)}


def _line_offsets(src: str) -> list[int]:
    offs, total = [0], 0
    for line in src.splitlines(keepends=True):
        total += len(line)
        offs.append(total)
    return offs


def rewrite_imports(src: str, known: set[str], old: tuple[str, bool] | None,
                    new: tuple[str, bool] | None) -> tuple[str, list[tuple[str, str]]]:
    """Rewrite the ``from X import ...`` statements of one Python source.

    Parameters
    ----------
    src : str
        The source.
    known : set of str
        Dotted names of the modules of ``graph`` before the moves.
    old, new : (dotted name, is package) or None
        The file's module before and after the moves; None outside the
        package (tests, bench, notebooks), where relative imports are left alone.

    Returns
    -------
    (str, list of (old statement, new statement))
        The source and the statements that changed.
    """
    try:
        tree = ast.parse(src)
    except SyntaxError as err:  # said, and left to the dotted-name rule
        return src, [("(not Python: imports not rewritten)", f"line {err.lineno}: {err.msg}")]
    used = _used_names(tree)
    offs = _line_offsets(src)
    edits = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.ImportFrom) or (node.level and old is None):
            continue
        base = _absolute(_package_of(*old) if old else [], node)
        if not (base == "graph" or base.startswith("graph.")):
            continue
        groups: dict[str, list[str]] = {}
        for alias in node.names:
            full = f"{base}.{alias.name}"
            if full in known:  # a module: it may have moved to another package
                parent, _, leaf = new_name(full).rpartition(".")
            else:  # an attribute of ``base``
                parent, leaf = new_name(base), alias.name
            bind = alias.asname or alias.name
            keep_bind = bind != leaf and (alias.asname or alias.name in used)
            groups.setdefault(parent, []).append(f"{leaf} as {bind}" if keep_bind else leaf)
        start, end = offs[node.lineno - 1] + node.col_offset, offs[node.end_lineno - 1] + node.end_col_offset
        stmt = src[start:end]
        m = re.match(r"from\s+(\.*[\w.]*)\s+import\s", stmt)
        names_same = [a.name if not a.asname else f"{a.name} as {a.asname}" for a in node.names]

        def where(parent: str, relative: bool = bool(node.level)) -> str:
            return _relative(_package_of(*new), parent) if relative else parent

        if len(groups) == 1:
            parent, names = next(iter(groups.items()))
            target = where(parent)
            if names == names_same:
                if target != m.group(1):
                    new_stmt = stmt[:m.start(1)] + target + stmt[m.end(1):]
                    edits.append((start + m.start(1), start + m.end(1), target, stmt, new_stmt))
                continue
        indent = " " * node.col_offset
        text = f"\n{indent}".join(f"from {where(p)} import {', '.join(ns)}" for p, ns in groups.items())
        if text != stmt:
            edits.append((start, end, text, stmt, text))
    changes = []
    for a, b, text, stmt, new_stmt in sorted(edits, reverse=True):
        src = src[:a] + text + src[b:]
        changes.append((" ".join(stmt.split()), " ".join(new_stmt.split())))
    return src, changes[::-1]


# ---------------------------------------------------------------- any text
def dotted_rule(known: set[str]):
    """A function rewriting dotted module names ``graph.a.b...`` in any text."""
    moved = {m for m in known if new_name(m) != m}
    pattern = re.compile(r"(?<![\w.])graph(?:\.\w+)+")

    def sub(text: str, changes: list) -> str:
        def one(m: re.Match) -> str:
            name = m.group(0)
            parts = name.split(".")
            for i in range(len(parts), 1, -1):
                head = ".".join(parts[:i])
                if head in moved:
                    out = new_name(head) + name[len(head):]
                    changes.append((name, out))
                    return out
                if head in known:
                    return name
            return name
        return pattern.sub(one, text)
    return sub


def path_rule(mods: dict[str, tuple[Path, bool]]):
    """A function rewriting file paths ``graph/a/b.py`` (and moved folders ``graph/a/``) in any text."""
    paths = {}
    for name, (rel, is_pkg) in mods.items():
        target = new_name(name)
        if target == name and name not in TO_PACKAGE:
            continue
        if is_pkg:
            paths[str(rel.parent) + "/"] = module_path(target, True).removesuffix("__init__.py")
            paths[str(rel)] = module_path(target, True)
        else:
            paths[str(rel)] = module_path(target, name in TO_PACKAGE)
    paths = {a: b for a, b in paths.items() if a != b}  # a second run: nothing left to rewrite
    if not paths:
        return lambda text, changes: text
    pattern = re.compile(r"(?<![\w./-])(" + "|".join(re.escape(p) for p in sorted(paths, key=len, reverse=True))
                         + r")(?![\w])")

    def sub(text: str, changes: list) -> str:
        def one(m: re.Match) -> str:
            changes.append((m.group(1), paths[m.group(1)]))
            return paths[m.group(1)]
        return pattern.sub(one, text)
    return sub


def readme_rule(mods: dict[str, tuple[Path, bool]]):
    """A function rewriting the README's Architecture section: its intro and backquoted module paths."""
    paths = {}
    for name, (rel, is_pkg) in mods.items():
        target = new_name(name)
        if target != name or name in TO_PACKAGE:
            old_rel = str(rel.relative_to("graph"))
            paths[old_rel] = (module_path(target, is_pkg or name in TO_PACKAGE)
                              .removeprefix("graph/").removesuffix("__init__.py"))
            if is_pkg:
                paths[old_rel.removesuffix("__init__.py")] = paths[old_rel]
    paths = {a: b for a, b in paths.items() if a != b}

    def sub(text: str, changes: list) -> str:
        m = re.search(r"^## Architecture\n(.*?)(?=^## |\Z)", text, re.S | re.M)
        if not m:
            return text
        section = m.group(1)
        new = re.sub(README_INTRO_OLD, lambda _: (changes.append(("intro", "one folder per stage"))
                                                  or README_INTRO_NEW), section)

        def one(b: re.Match) -> str:
            p = b.group(1)
            if p in paths:
                changes.append((p, paths[p]))
                return f"`{paths[p]}`"
            return b.group(0)
        new = re.sub(r"`([\w/]+(?:\.py|/))`", one, new)
        new = re.sub(r"`(\w+)/`/`\1/\w+\.py`", r"`\1/`", new)  # `sparql/`/`sparql/server.py`: the folder says it
        return text[:m.start(1)] + new + text[m.end(1):]
    return sub


def packages_rule(after: set[str]):
    """A function rewriting pyproject's ``packages = [...]``: moved ones renamed, new ones added."""
    def sub(text: str, changes: list) -> str:
        m = re.search(r"^packages\s*=\s*\[([^\]]*)\]", text, re.M)
        if not m:
            return text
        listed = re.findall(r'"([^"]+)"', m.group(1))
        out = []
        for name in listed:
            target = new_name(name)
            if target not in out:
                out.append(target)
        out += sorted(p for p in after if p not in out)
        if out == listed:
            return text
        changes.append(("packages", ", ".join(p for p in out if p not in listed) or "renamed"))
        lines, line = [], ""
        for p in (f'"{p}"' for p in out):  # lines under 100 characters
            if line and len(line) + len(p) + 2 > 96:
                lines.append(line + ",")
                line = ""
            line = f"{line}, {p}" if line else p
        body = "\n  " + "\n  ".join(lines + [line]) + ",\n" if lines else line
        return text[:m.start(1)] + body + text[m.end(1):]
    return sub


# ---------------------------------------------------------------- main
def tracked_text_files(root: Path) -> list[str]:
    files = []
    for f in git(root, "ls-files").splitlines():
        if f in EXEMPT or f.startswith(DATA_PREFIXES):
            continue
        name = f.rsplit("/", 1)[-1]
        if not (f.startswith(TEXT_ROOTS) or f in TEXT_FILES or "/" not in f):
            continue
        if name.endswith(TEXT_SUFFIXES) or f in TEXT_FILES or f.startswith(".ci/"):
            files.append(f)
    return files


def relayout(root: Path, dry_run: bool = False, out=None) -> int:
    """Move and rewrite; returns the number of files changed (moves count once).

    Raises
    ------
    RelayoutError
        On a dirty tree (unless ``dry_run``), or when :func:`plan_moves` finds a clash.
    """
    out = out or sys.stdout
    if git(root, "status", "--porcelain") and not dry_run:
        raise RelayoutError("the tree has uncommitted changes or untracked files: commit or stash them first")
    mods = module_files(root)
    known = set(mods)
    moves, notes = plan_moves(root, mods)
    stays = sorted(m for m, (rel, is_pkg) in mods.items()
                   if len(rel.parts) == 2 and not is_pkg and m not in MOVES and m not in STAY)
    done = [n.removeprefix("already done: ") for n in notes if n.startswith("already done: ")]
    if done:
        print(f"note: {len(done)} of {len(MOVES)} moves already done ({', '.join(done)})", file=out)
    for note in notes:
        if not note.startswith("already done: "):
            print(f"note: {note}", file=out)
    for name in stays:
        print(f"note: {module_path(name, mods[name][1])} is not in the layout: left where it is", file=out)

    moved_to = {str(rel): destination(name, is_pkg) for name, (rel, is_pkg) in mods.items()}
    after_names = {new_name(m): is_pkg or m in TO_PACKAGE for m, (_, is_pkg) in mods.items()}
    packages_after = ({n for n, is_pkg in after_names.items() if is_pkg} | set(NEW_PACKAGES))
    rules = [dotted_rule(known), path_rule(mods)]
    results: dict[str, tuple[str, list]] = {}
    for f in tracked_text_files(root):
        try:
            text = original = (root / f).read_text(encoding="utf-8")
        except (UnicodeDecodeError, FileNotFoundError):
            continue
        changes: list = []
        if f.endswith(".py"):
            text = _rewrite_py(f, text, mods, known, changes)
        elif f.endswith(".ipynb"):
            text = _rewrite_notebook(text, known, rules, changes)
        if not f.endswith(".ipynb"):
            for rule in rules:
                text = rule(text, changes)
        if f == "README.md":
            text = readme_rule(mods)(text, changes)
        if f == "pyproject.toml":
            text = packages_rule(packages_after)(text, changes)
        for a, b in changes:
            if a.startswith("(not Python"):
                print(f"warning: {f}: {a[1:-1]} ({b})", file=out)
        if text != original:
            results[f] = (text, [c for c in changes if not c[0].startswith("(not Python")])

    for src, dst in moves:
        print(f"move {src} -> {dst}", file=out)
    for name in NEW_PACKAGES:
        init = module_path(name, True)
        if not (root / init).exists():
            print(f"create {init}", file=out)
    for f, (_, changes) in sorted(results.items()):
        counts: dict[tuple[str, str], int] = defaultdict(int)
        for pair in changes:
            counts[pair] += 1
        dst = moved_to.get(f, f)
        print(f"rewrite {dst}:", file=out)
        for (a, b), n in counts.items():
            print(f"    {a}  ->  {b}" + (f"  (x{n})" if n > 1 else ""), file=out)
    if dry_run:
        return len(results) + len(moves)

    for src, dst in moves:
        (root / dst).parent.mkdir(parents=True, exist_ok=True)
        git(root, "mv", src, dst)
    written = []
    for name, doc in NEW_PACKAGES.items():
        init = root / module_path(name, True)
        if not init.exists():
            init.parent.mkdir(parents=True, exist_ok=True)
            init.write_text(doc, encoding="utf-8")
            git(root, "add", str(init.relative_to(root)))
            written.append(module_path(name, True))
    for f, (text, _) in results.items():
        dst = moved_to.get(f, f)
        (root / dst).write_text(text, encoding="utf-8")
        written.append(dst)
    py = [f for f in written if f.endswith(".py")]
    if py:
        ruff = subprocess.run([sys.executable, "-m", "ruff", "check", "--select", "I", "--fix", "--quiet", *py],
                              cwd=root, capture_output=True, text=True)
        if ruff.returncode not in (0, 1) or "No module named ruff" in ruff.stderr:
            print(f"warning: ruff could not sort the imports ({ruff.stderr.strip()}); run "
                  "`ruff check --select I --fix .`", file=out)
    print(f"moved {len(moves)} modules, rewrote {len(results)} files", file=out)
    return len(results) + len(moves)


def _rewrite_py(f: str, text: str, mods: dict[str, tuple[Path, bool]], known: set[str], changes: list) -> str:
    here = next(((name, is_pkg) for name, (rel, is_pkg) in mods.items() if str(rel) == f), None)
    there = None
    if here:
        name, is_pkg = here
        there = (new_name(name), is_pkg or name in TO_PACKAGE)
    text, stmts = rewrite_imports(text, known, here, there)
    changes += stmts
    return text


def _rewrite_notebook(text: str, known: set[str], rules, changes: list) -> str:
    nb = json.loads(text)
    for cell in nb.get("cells", []):
        src = "".join(cell.get("source", []))
        new = src
        if cell.get("cell_type") == "code":
            new, stmts = rewrite_imports(new, known, None, None)
            changes += stmts
        for rule in rules:
            new = rule(new, changes)
        if new != src:
            cell["source"] = new.splitlines(keepends=True)
    return json.dumps(nb, indent=1, ensure_ascii=False) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--dry-run", action="store_true", help="print the moves and rewrites; change nothing")
    args = ap.parse_args(argv)
    root = Path(git(Path.cwd(), "rev-parse", "--show-toplevel").strip())
    try:
        n = relayout(root, dry_run=args.dry_run)
    except RelayoutError as err:
        print(f"relayout: {err}", file=sys.stderr)
        return 2
    if not n:
        print("nothing to do: the tree already has the layout")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
