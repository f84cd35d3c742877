"""The public API is documented: every exported name has a docstring with an example, and the examples run."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import medialit

MODULES = sorted(
    info.name for info in pkgutil.walk_packages(medialit.__path__, prefix="medialit.") if not info.name.endswith("__main__")
)


@pytest.mark.parametrize("module_name", MODULES)
def test_docstring_examples_run(module_name, work_folder):
    module = importlib.import_module(module_name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0


@pytest.mark.parametrize("name", [n for n in medialit.__all__ if not n.isupper()])
def test_every_public_name_has_a_docstring_with_an_example(name):
    doc = getattr(medialit, name).__doc__ or ""
    assert ">>>" in doc, f"medialit.{name} needs a docstring with an example"
