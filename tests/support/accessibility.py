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


# axe's own color-contrast rule leaves most text in widget outputs "inapplicable" (seen with axe 4.11 in
# JupyterLab 4.6: 23 nodes checked on a whole notebook, none of them in an output), so the kit's text is
# also measured here: each element with its own text, its computed colour against the first opaque
# background behind it (semi-transparent layers blended), against WCAG's 4.5:1 (3:1 for large text).
_LOW_CONTRAST = """() => {
  const parse = (c) => { const m = /rgba?\\(([^)]+)\\)/.exec(c || ''); if (!m) { return null; }
    const p = m[1].split(',').map(Number); return {r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1}; };
  const blend = (top, under) => ({r: top.r * top.a + under.r * (1 - top.a), g: top.g * top.a + under.g * (1 - top.a),
                                  b: top.b * top.a + under.b * (1 - top.a), a: 1});
  const lum = (c) => { const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b); };
  const behind = (element) => {
    const layers = [];
    for (let at = element; at; at = at.parentElement) {
      const colour = parse(getComputedStyle(at).backgroundColor);
      if (colour && colour.a > 0) { layers.push(colour); if (colour.a >= 1) { break; } }
    }
    let colour = {r: 255, g: 255, b: 255, a: 1};
    for (const layer of layers.reverse()) { colour = blend(layer, colour); }
    return colour;
  };
  const found = [];
  for (const element of document.querySelectorAll('.jp-OutputArea-output *')) {
    const own = [...element.childNodes].filter((n) => n.nodeType === 3).map((n) => n.textContent).join('').trim();
    if (!own || element.getClientRects().length === 0 || element.closest('[disabled]')) { continue; }
    const style = getComputedStyle(element);
    if (style.visibility !== 'visible' || element.closest('details:not([open])') && !element.closest('summary')) { continue; }
    const background = behind(element);
    let colour = parse(style.color); if (!colour) { continue; }
    if (colour.a < 1) { colour = blend(colour, background); }
    const [high, low] = [lum(colour), lum(background)].sort((a, b) => b - a);
    const ratio = (high + 0.05) / (low + 0.05);
    const size = parseFloat(style.fontSize), bold = parseInt(style.fontWeight, 10) >= 700;
    const needed = size >= 24 || (bold && size >= 18.66) ? 3 : 4.5;
    if (ratio < needed - 0.005) {
      found.push({rule: 'text-contrast', impact: 'serious',
                  help: `Text contrast ${ratio.toFixed(2)}:1, needs ${needed}:1 (${style.color} on rgb(${Math.round(background.r)}, ${Math.round(background.g)}, ${Math.round(background.b)}))`,
                  target: element.tagName.toLowerCase() + '.' + [...element.classList].join('.'),
                  html: element.outerHTML.slice(0, 240), in_kit: true});
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
    """Every WCAG 2.1 A/AA violation axe-core finds on the page as it is now, and kit text of low contrast."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE_JS))
    found = page.evaluate(_RUN_AXE, WCAG_TAGS) + page.evaluate(_LOW_CONTRAST)
    return [Violation(**item) for item in found]


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
