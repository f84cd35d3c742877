"""The package's structure, read from its code: no import cycles, analysis apart from widgets, small modules,
and no lesson text that names the bundled story's people or places outside that story's data."""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import nbformat
import pytest
from kit_testing import ROOT

from medialit.text import MONTHS

PACKAGE = ROOT / "helpers" / "medialit"
MODULES = sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)
ANALYSIS = [p for p in MODULES if "widgets" not in p.relative_to(PACKAGE).parts]
WIDGETS = [p for p in MODULES if "widgets" in p.relative_to(PACKAGE).parts]
MAX_LINES = 900


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported(path: Path, top_level_only: bool) -> set[str]:
    """The medialit modules a file imports (resolving relative imports); only module-level ones if asked."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    here = module_name(path).split(".")
    package = here if path.name == "__init__.py" else here[:-1]
    nodes = tree.body if top_level_only else list(ast.walk(tree))
    found: set[str] = set()
    for node in nodes:
        if isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            target = ".".join(base + ([node.module] if node.module else []))
            if node.level or (node.module or "").startswith("medialit"):
                found.add(target)
                found.update(f"{target}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name.startswith("medialit"))
    return found


def external_imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
            names.add(node.module.split(".")[0])
    return names


def test_no_import_cycle_inside_medialit():
    known = {module_name(p) for p in MODULES}
    graph = {module_name(p): {m for m in imported(p, top_level_only=True) if m in known} for p in MODULES}
    # A package imports its own modules to re-export them; that is no cycle.
    graph = {name: {m for m in deps if not m.startswith(name + ".")} for name, deps in graph.items()}
    seen: dict[str, int] = {}

    def visit(name: str, path: list[str]) -> None:
        seen[name] = 1
        for dep in graph.get(name, ()):
            if seen.get(dep) == 1:
                pytest.fail("import cycle: " + " -> ".join(path[path.index(dep):] + [dep]))
            if dep not in seen:
                visit(dep, path + [dep])
        seen[name] = 2

    for name in graph:
        if name not in seen:
            visit(name, [name])


@pytest.mark.parametrize("path", ANALYSIS, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_an_analysis_module_imports_no_widget_library(path):
    assert not external_imports(path) & {"ipywidgets", "IPython", "anywidget", "traitlets"}


@pytest.mark.parametrize("path", ANALYSIS, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_an_analysis_module_imports_nothing_from_the_widgets(path):
    assert not {m for m in imported(path, top_level_only=False) if m.startswith("medialit.widgets")}


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_module_is_over_900_lines(path):
    assert len(path.read_text(encoding="utf-8").splitlines()) <= MAX_LINES


def test_the_widget_layer_is_under_a_third_of_the_package():
    lines = {p: len(p.read_text(encoding="utf-8").splitlines()) for p in MODULES}
    share = sum(lines[p] for p in WIDGETS) / sum(lines.values())
    assert share < 0.30


# --- the bundled story's people and places live in its data --------------------------------------


#: Words of the card's names that name no one in particular (an adjective of nationality is kept out too:
#: "Russian" is also a language a general table may name).
GENERIC = {"The", "Defence", "Defense", "Ministry", "Democratic", "Forces", "Coalition", "Army", "Government",
           "Special", "Islamic", "State", "Syrian", "Russian", "Kurdish", "American", "Arab"}


def story_names() -> set[str]:
    """The bundled story's people, sides and places, read from its background card (the story's own data)."""
    card = json.loads((PACKAGE / "data" / "story" / "background.json").read_text(encoding="utf-8"))
    names = {place["name"] for place in card.get("map", {}).get("places", [])}
    # The map's caption names the country and the river; its capitalised words inside a sentence are names.
    caption = card.get("map", {}).get("caption", "")
    names.update(w for w in re.findall(r"(?<=[a-z,] )[A-Z][a-z]{3,}\b", caption) if w not in MONTHS)
    for entry in card.get("who_is_who", []):
        for text in [entry.get("name", ""), *entry.get("called_in_the_reports", [])]:
            names.update(w for w in re.findall(r"\b[A-Z][A-Za-z]{2,}\b", text) if w not in GENERIC and not w.startswith("US"))
        # People are named after their title in the card's text ("Major General Igor Konashenkov").
        for match in re.finditer(r"\b(?:General|Colonel|President|spokesman)\s+((?:[A-Z][a-z]+\s?|al-)+)", entry.get("who", "")):
            names.add(match.group(1).split()[-1].removeprefix("al-"))
    return {name for name in names if len(name) > 2}


NAMES = story_names()


def test_the_story_names_come_from_the_bundled_story_data():
    assert {"Deir Ezzor", "Konashenkov", "SDF", "Syria", "Euphrates"} <= NAMES


def widget_strings(path: Path) -> str:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef)) and node.body
                  and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)}
    # Docstring examples may show the bundled story's data; what students see are the other strings.
    return "\n".join(node.value for node in ast.walk(tree)
                     if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings)


@pytest.mark.parametrize("path", WIDGETS, ids=lambda p: p.name)
def test_no_widget_string_names_the_bundled_storys_people_or_places(path):
    text = widget_strings(path)
    assert not [name for name in NAMES if re.search(rf"\b{re.escape(name)}\b", text)]


NOTEBOOKS = sorted(p for p in (ROOT / "notebooks").rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_no_notebook_cell_names_the_bundled_storys_people_or_places(path):
    text = "\n".join(cell.source for cell in nbformat.read(path, as_version=4).cells)
    assert not [name for name in NAMES if re.search(rf"\b{re.escape(name)}\b", text)]
