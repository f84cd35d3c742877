"""The two install routes (pip from pyproject.toml, conda/Binder from environment.yml) give the same kit."""

from __future__ import annotations

import re
import tomllib

from kit_testing import ROOT


def normalise(requirement: str) -> tuple[str, str]:
    name, spec = re.match(r"^\s*([A-Za-z0-9_.\-]+)\s*(.*)$", requirement).groups()
    return name.lower().replace("_", "-"), spec.replace(" ", "")


def environment_yml_dependencies() -> dict[str, str]:
    deps, section = {}, ""
    for line in (ROOT / "environment.yml").read_text().splitlines():
        if re.match(r"^\w", line):
            section = line.split(":")[0]
        match = re.match(r"^  - ([^:#]+?)\s*$", line) or re.match(r"^      - ([^-#][^:#]*?)\s*$", line)
        if section == "dependencies" and match and not match.group(1).startswith(("python", "pip")):
            name, spec = normalise(match.group(1))
            deps[name] = spec
    return deps


def test_environment_yml_names_the_same_dependencies_as_pyproject():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    expected = dict(normalise(requirement) for requirement in project["dependencies"])
    assert environment_yml_dependencies() == expected


def test_environment_yml_installs_the_kit_itself():
    assert re.search(r"^\s+- -e \.\s*$", (ROOT / "environment.yml").read_text(), re.MULTILINE)


def test_environment_yml_python_is_one_pyproject_allows():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    minimum = tuple(int(x) for x in re.search(r">=\s*(\d+\.\d+)", project["requires-python"]).group(1).split("."))
    pinned = re.search(r"^  - python=(\d+\.\d+)", (ROOT / "environment.yml").read_text(), re.MULTILINE).group(1)
    assert tuple(int(x) for x in pinned.split(".")) >= minimum
