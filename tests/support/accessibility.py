"""Test support: axe-core (from npm, see tests/support/axe/package.json) run inside a JupyterLab page.

The kit answers for what it draws inside notebook outputs; JupyterLab's own interface is reported apart,
for information (its violations are JupyterLab's to fix: see docs/accessibility.md).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

AXE_JS = Path(__file__).resolve().parent / "axe" / "node_modules" / "axe-core" / "axe.min.js"
NO_AXE = "axe-core is not installed (tests/support/axe/node_modules): `make test` installs it with `npm ci`."
# WCAG 2.0 and 2.1, levels A and AA: what schools must meet (Section 508, EN 301 549, the UK regulations).
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BLOCKING = ("serious", "critical")

_RUN_AXE = """async (tags) => {
  const results = await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']});
  const found = [];
  for (const rule of results.violations) {
    for (const node of rule.nodes) {
      let element = null;
      try { element = document.querySelector(node.target[node.target.length - 1]); } catch (e) { element = null; }
      found.push({rule: rule.id, impact: node.impact || rule.impact, help: rule.help,
                  target: node.target.join(' '), html: node.html.slice(0, 240),
                  in_kit: !!(element && element.closest('.jp-OutputArea-output'))});
    }
  }
  return found;
}"""


@dataclass(frozen=True)
class Violation:
    """One element that breaks one axe rule."""

    rule: str
    impact: str
    help: str
    target: str
    html: str
    in_kit: bool

    @property
    def blocking(self) -> bool:
        return self.impact in BLOCKING


def run_axe(page) -> list[Violation]:
    """Every WCAG 2.1 A/AA violation axe-core finds on the page as it is now."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE_JS))
    return [Violation(**found) for found in page.evaluate(_RUN_AXE, WCAG_TAGS)]


def summary(violations: list[Violation]) -> dict[str, int]:
    """Blocking violations per rule, e.g. ``{"select-name": 3}``."""
    counts: dict[str, int] = {}
    for violation in violations:
        if violation.blocking:
            counts[violation.rule] = counts.get(violation.rule, 0) + 1
    return dict(sorted(counts.items()))


def write_report(path: Path, results: dict[str, list[Violation]]) -> None:
    """Everything found, kit and JupyterLab apart, for a person to read."""
    path.parent.mkdir(parents=True, exist_ok=True)
    report = {
        where: {
            "kit": [v.__dict__ for v in found if v.in_kit],
            "jupyterlab": [v.__dict__ for v in found if not v.in_kit],
        }
        for where, found in results.items()
    }
    path.write_text(json.dumps(report, indent=1, ensure_ascii=False))
