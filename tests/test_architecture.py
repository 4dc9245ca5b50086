"""The shape of the code that docs/architecture.md describes: packages per pipeline
stage, no import cycle, and a command layer that nothing else imports.

The graph counts every import statement in generator/, also those inside
functions (nota imports heavy modules lazily, and a lazy cycle is still a cycle).
"""

from __future__ import annotations

import ast
from pathlib import Path

from conftest import ROOT

PACKAGE = ROOT / "generator"
STAGES = ("proposal", "checks", "render", "decisions", "diff", "importer", "web", "commands")


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in PACKAGE.rglob("*.py")}


def imports_of(name: str) -> set[str]:
    """The generator modules that module `name` imports, wherever the import stands."""
    path = MODULES[name]
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([base] if base else []))
            found |= {f"{base}.{a.name}" if f"{base}.{a.name}" in MODULES else base for a in node.names}
    return {m for m in found if m in MODULES and m != name}


GRAPH = {name: imports_of(name) for name in MODULES}


def cycles() -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []

    def visit(v):
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in GRAPH[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(GRAPH):
        if v not in index:
            visit(v)
    return found


def test_the_graph_is_real():
    assert "generator.proposal.validate" in GRAPH["generator.checks"]
    assert "generator.render.pipeline" in GRAPH["generator.render.pool"]


def test_no_import_cycles():
    assert cycles() == []


def test_only_the_cli_imports_the_command_layer():
    offenders = sorted(
        name
        for name, deps in GRAPH.items()
        if any(d.startswith("generator.commands") for d in deps)
        and not name.startswith("generator.commands")
        and name != "generator.cli"
    )
    assert offenders == []


def test_a_small_top_of_stage_packages():
    top = sorted(p.name for p in PACKAGE.iterdir() if p.name != "__pycache__" and p.name != "templates")
    assert len(top) <= 14, top
    for stage in STAGES:
        assert (PACKAGE / stage / "__init__.py").is_file(), stage


def test_the_architecture_page_names_every_package():
    page = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    packages = sorted(p.name for p in PACKAGE.iterdir() if (p / "__init__.py").is_file())
    assert [p for p in packages if f"`{p}/`" not in page] == []


def test_no_module_over_400_lines():
    long = {name: n for name, p in MODULES.items() if (n := len(p.read_text(encoding="utf-8").splitlines())) > 400}
    assert long == {}


def test_the_proposal_stage_imports_no_later_stage():
    """proposal/ is the left end of the pipeline: it imports itself and errors, nothing else."""
    later = {
        name: sorted(d for d in deps if not d.startswith(("generator.proposal", "generator.errors")))
        for name, deps in GRAPH.items()
        if name.startswith("generator.proposal")
    }
    assert {name: deps for name, deps in later.items() if deps} == {}
