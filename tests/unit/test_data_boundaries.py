"""The kit ships nothing copied from the development sets it is only allowed to measure with.

`../shared/loaded-dev` (BABE, AGPL-3.0) and `../shared/quotes-dev` (PolNeAR, no licence) may be used to
develop and measure, never copied into the kit. These tests look for any run of words from them in the
kit's own files (code, data, notebooks, guides, tests, benches). A run of 10 words is long enough that
two independent writers do not produce it by chance, and short enough to catch a copied sentence.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from kit_testing import ROOT

SHARED = ROOT.parent / "shared"
RUN = 10
WORD = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")
KIT_FOLDERS = ("helpers", "notebooks", "lessons", "docs", "tests", "bench", "binder")
KIT_SUFFIXES = {".py", ".md", ".ipynb", ".json", ".txt", ".csv", ".tsv", ".page", ".html", ".yml", ".yaml"}


def runs(text: str) -> set[tuple[str, ...]]:
    words = WORD.findall(text.lower().replace("’", "'"))
    return {tuple(words[i : i + RUN]) for i in range(len(words) - RUN + 1)}


def kit_files() -> list[Path]:
    files = [ROOT / "README.md", ROOT / "DEVELOPERS.md"]
    for folder in KIT_FOLDERS:
        files += [
            path for path in (ROOT / folder).rglob("*")
            if path.is_file() and path.suffix in KIT_SUFFIXES and "node_modules" not in path.parts
            and "results" not in path.parts
        ]
    return [path for path in files if path.is_file()]


def test_the_kit_files_searched_include_code_data_notebooks_guides_and_tests():
    names = {str(path.relative_to(ROOT)) for path in kit_files()}
    assert {"helpers/medialit/headlines.py", "helpers/medialit/data/feelings.tsv", "lessons/02-loaded-headlines.md",
            "tests/unit/test_headlines.py", "bench/loaded_eval.py"} <= names
    assert any(name.startswith("notebooks/") and name.endswith(".ipynb") for name in names)


def copied_runs(source: set[tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
    found = {}
    for path in kit_files():
        shared = runs(path.read_text(encoding="utf-8", errors="replace")) & source
        if shared:
            found[str(path.relative_to(ROOT))] = next(iter(shared))
    return found


def test_a_run_of_ten_words_is_found_wherever_it_is_copied():
    sentence = "the senator slammed the radical plan as a disaster for every family in the state"
    assert runs(sentence) & runs(f"Intro. {sentence.upper()} Outro.")
    # Nine words in common, then the texts part: not a copy.
    assert not runs(sentence) & runs("yesterday the senator slammed the radical plan as a disaster, said critics")


def test_no_sentence_of_the_agpl_loaded_words_set_is_in_the_kit():
    data = SHARED / "loaded-dev" / "babe-sg2-dev.csv"
    if not data.is_file():
        pytest.skip(f"{data} is not beside this clone")
    with open(data, encoding="utf-8", newline="") as file:
        source = set().union(*(runs(row["text"]) for row in csv.DictReader(file, delimiter=";")))
    assert copied_runs(source) == {}


def test_no_article_of_the_unlicensed_quotes_set_is_in_the_kit():
    folder = SHARED / "quotes-dev" / "text"
    if not folder.is_dir():
        pytest.skip(f"{folder} is not beside this clone")
    source = set().union(*(runs(path.read_text(encoding="utf-8")) for path in folder.glob("*.txt")))
    assert copied_runs(source) == {}
