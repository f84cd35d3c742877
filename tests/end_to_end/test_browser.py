"""Every notebook in a real JupyterLab, in Debian's Chromium: cells run, widgets render and respond.

Screenshots go to tests/screenshots/ (git-ignored) so a person can look at what students see.
"""

from __future__ import annotations

import importlib
import json
import os
import re
import time

import nbformat
import pytest
from accessibility import AXE_JS, NO_AXE, run_axe, summary, write_report
from kit_testing import ROOT, make_hostile_story
from lab import (
    NO_CHROMIUM,
    SCREENSHOTS,
    chromium_available,
    open_and_run,
    set_theme,
    shoot,
    start_lab,
    visible_text,
    whole_notebook_in_view,
)

pytestmark = [pytest.mark.browser, pytest.mark.slow]

LIGHT, DARK = "JupyterLab Light", "JupyterLab Dark"
NOTEBOOKS = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "notebooks").rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts)


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    scratch, server = start_lab(tmp_path_factory, "lab")
    with server as url:
        yield url, scratch


@pytest.fixture(scope="module")
def hostile_lab(tmp_path_factory):
    story = make_hostile_story(tmp_path_factory.mktemp("hostile") / "story")
    scratch, server = start_lab(tmp_path_factory, "hostile-lab", {"MEDIALIT_STORY": str(story)})
    with server as url:
        yield url, scratch


# --- what a student does in each notebook: at least one click, and a visible change ---------


def load_interactions() -> dict:
    """Each lesson's student steps live in tests/support/steps_XX.py: NOTEBOOK and use(page, scratch)."""
    found = {}
    for path in sorted((ROOT / "tests" / "support").glob("steps_*.py")):
        module = importlib.import_module(path.stem)
        found[module.NOTEBOOK] = module.use
    return found


INTERACTIONS = load_interactions()

# Serious or critical axe-core violations inside the kit's outputs that are known and not yet fixed, per
# notebook and rule (issue 14). The test fails on anything beyond these; the list only ever shrinks.
# "text-contrast" is the kit's own contrast check (tests/support/accessibility.py), added after the audit:
# its counts are what it first measured (mostly the dark theme), not a regression; docs/accessibility.md.
KNOWN_VIOLATIONS = json.loads((ROOT / "tests" / "end_to_end" / "accessibility_known.json").read_text())
AXE_RESULTS: dict[str, list] = {}


@pytest.fixture(scope="module", autouse=True)
def accessibility_report():
    """After the run, write everything axe found (kit and JupyterLab apart) for a person to read.

    JupyterLab's own violations are not the kit's to fix, but a teacher should know them
    (docs/accessibility.md lists them); they are printed here for information.
    """
    yield
    if AXE_RESULTS:
        write_report(SCREENSHOTS / "accessibility.json", AXE_RESULTS)
        for where, found in AXE_RESULTS.items():
            print(f"\naxe {where}: kit {summary([v for v in found if v.in_kit])}, "
                  f"JupyterLab {summary([v for v in found if not v.in_kit])}")


def check_accessibility(page, notebook: str, when: str) -> list[str]:
    """Run axe-core; return the kit's blocking violations beyond the known ones, as readable lines."""
    if not AXE_JS.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(NO_AXE)
        return []
    found = run_axe(page)
    AXE_RESULTS[f"{notebook} ({when})"] = found
    known = KNOWN_VIOLATIONS.get(notebook, {})
    kit = summary([v for v in found if v.in_kit])
    return [
        f"{notebook} {when}: {count} x {rule} (known: {known.get(rule, 0)}): "
        + "; ".join(v.html for v in found if v.in_kit and v.rule == rule)[:600]
        for rule, count in kit.items()
        if count > known.get(rule, 0)
    ]


@pytest.mark.parametrize("notebook", NOTEBOOKS)
def test_notebook_runs_and_its_widgets_render_and_respond(notebook, browser, lab):
    server, scratch = lab
    errors: list[str] = []
    page = open_and_run(browser, server, notebook, errors)
    name = notebook.split("/")[-1].removesuffix(".ipynb")
    shoot(page, f"{name}-top")
    with whole_notebook_in_view(page):
        new_violations = check_accessibility(page, notebook, "after all cells ran")
    text = visible_text(page)
    assert "Error displaying widget" not in text
    assert "Traceback" not in text and "Something needs fixing" not in text
    assert page.locator(".jp-OutputArea .jupyter-widgets").count() > 0, "no widget rendered"
    before = visible_text(page)
    assert notebook in INTERACTIONS, f"add a student interaction for {notebook} to INTERACTIONS"
    INTERACTIONS[notebook](page, scratch)
    assert visible_text(page) != before, "clicking did not change the page"
    assert "Error displaying widget" not in visible_text(page)
    new_violations += check_accessibility(page, notebook, "after the main interaction")
    # Contrast in the dark theme too (issue 14 item 4): text the kit colours itself must not vanish.
    set_theme(page, DARK)
    try:
        shoot(page, f"{name}-dark")
        with whole_notebook_in_view(page):
            new_violations += check_accessibility(page, notebook, "in the dark theme")
    finally:
        set_theme(page, LIGHT)  # the lab's settings are shared by the next notebook
    assert not new_violations, "new accessibility violations:\n" + "\n".join(new_violations)
    assert not errors, errors
    assert not (scratch / "network.log").exists(), "the kit tried to reach the network"
    page.close()


@pytest.mark.parametrize("notebook", NOTEBOOKS)
def test_markup_in_a_story_shows_as_text_and_never_runs(notebook, browser, hostile_lab):
    server, scratch = hostile_lab
    page = open_and_run(browser, server, notebook)
    buttons = page.locator(".jp-OutputArea button.jupyter-button:visible")
    for index in range(min(buttons.count(), 25)):
        button = buttons.nth(index)
        if button.is_enabled():
            button.click()
    time.sleep(1)
    text = visible_text(page)
    assert "Error displaying widget" not in text and "Traceback" not in text
    # The transfer task shows its own page and the story builder no story: only the others show the hostile one.
    if shows_unit_story(notebook):
        assert "<img src=x" in text or "<script>" in text, "the hostile text should be shown as text somewhere"
    assert page.evaluate("() => window.__medialit_pwned") is None, "markup from the story ran in the browser"
    assert page.locator(".jp-OutputArea img[src='x']").count() == 0
    shoot(page, "escaping-" + notebook.split("/")[-1].removesuffix(".ipynb"))
    page.close()


def shows_unit_story(notebook: str) -> bool:
    return nbformat.read(ROOT / notebook, as_version=4).metadata.get("medialit", {}).get("shows_unit_story", True)


def test_screenshots_are_written_for_people_to_look_at():
    shots = list(SCREENSHOTS.glob("*.png")) if SCREENSHOTS.exists() else []
    if not chromium_available():
        pytest.skip(NO_CHROMIUM)
    assert any(re.match(r"00-start-here", shot.name) for shot in shots)
