"""Helpers shared by the test files (tests/ itself is not a package: textstat installs one named tests)."""

from __future__ import annotations

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OFFLINE = Path(__file__).resolve().parent / "offline"

# Markup that must show as text wherever a widget shows report text.
HOSTILE = '<img src=x onerror="window.__medialit_pwned=1"><script>window.__medialit_pwned=1</script>'



def make_hostile_story(folder: Path) -> Path:
    """A two-report story whose headline, body, comments, metadata and clues all carry markup."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "001_evil.txt").write_text(
        f"Breaking {HOSTILE} headline\n\n"
        f"The minister said \"we will {HOSTILE} respond\" in a statement on Monday, officials told reporters.\n\n"
        f"A second paragraph of ordinary article prose, long enough to be read as the body {HOSTILE} of the page.\n\n"
        "2 Comments\n\n"
        f"1. A reader wrote {HOSTILE} this comment.\n",
        encoding="utf-8",
    )
    (folder / "002_plain.txt").write_text(
        "Plain headline about the minister\n\n"
        "The minister said \"we will respond\" in a statement on Monday, officials told reporters today.\n",
        encoding="utf-8",
    )
    meta = {
        "id": "hostile",
        "title": f"Hostile {HOSTILE} story",
        "date": "2024-01-01",
        "reports": {"001": {"label": f"Evil {HOSTILE}", "publisher_clues": [f"clue {HOSTILE}"]}},
    }
    (folder / "story.json").write_text(json.dumps(meta), encoding="utf-8")
    return folder


def all_html(widget) -> str:
    """Every piece of HTML a widget tree would put on the page, plus its static snapshot."""
    import ipywidgets as widgets

    parts: list[str] = []

    def walk(node) -> None:
        if isinstance(node, (widgets.HTML, widgets.HTMLMath, widgets.Label)):
            parts.append(node.value)
        description = getattr(node, "description", "")
        if description and getattr(node, "description_allow_html", False):
            parts.append(description)
        for child in getattr(node, "children", ()):
            walk(child)

    walk(widget)
    if hasattr(widget, "static_html"):
        parts.append(widget.static_html())
    return "\n".join(parts)


_CHART_IMAGE = r'<img alt="[^"<>]*" src="data:image/png;base64,[a-z0-9+/=]+">'


def assert_no_live_markup(html: str) -> None:
    """No tag from report or student text reaches the page (the kit's own chart PNGs are allowed)."""
    import re

    lowered = re.sub(_CHART_IMAGE, "", html.lower())
    assert "<img" not in lowered and "<script" not in lowered, "markup from a file reached the page as HTML"
    assert not re.search(r"<[a-z][^>]*\son\w+\s*=", lowered), "an event-handler attribute reached the page"


def assert_markup_is_escaped(html: str) -> None:
    """The hostile markup appears only as text: no live tag, but its escaped form is there.

    The kit's own chart snapshots (``<img alt=".." src="data:image/png;base64,..">``) are allowed.
    """
    import re

    lowered = re.sub(r'<img alt="[^"<>]*" src="data:image/png;base64,[a-z0-9+/=]+">', "", html.lower())
    assert "<img" not in lowered and "<script" not in lowered, "article markup reached the page as HTML"
    assert "&lt;img" in lowered or "&lt;script" in lowered, "the hostile text should still be shown, escaped"


def fake_evidence_functions() -> dict:
    """Evidence functions for lessons 1-4 that behave in each way lesson 5 must cope with:
    lesson 1 gives a line per report, 2 also names a report that does not exist, 3 fails, 4 gives nothing."""

    def broken(answers, story):
        raise KeyError("quotes")

    return {
        "01-what-is-the-article": lambda answers, story: {
            r: [f"You marked {answers.get('count', 0)} comment paragraphs in {r}"] for r in story.ids},
        "02-loaded-headlines": lambda answers, story: {
            story.ids[0]: ["Helper: headline loadedness 5.8, most loaded"], "nope": ["about a report that is not there"]},
        "03-quote-fidelity": broken,
        "04-words-sources-numbers": lambda answers, story: {},
    }


def write_story(folder: Path, files: dict[str, bytes | str]) -> Path:
    """A story folder holding ``files`` (name -> text or bytes), for tests that need a hand-made story."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        path = folder / name
        if isinstance(content, str):
            path.write_text(content, encoding="utf-8")
        else:
            path.write_bytes(content)
    return folder
