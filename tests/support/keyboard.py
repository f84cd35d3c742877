"""Test support: drive a JupyterLab page with the keyboard alone (Tab, Shift+Tab, Space, Enter, arrows).

Elements are found with Playwright locators only to say where focus must get to; every change is
made by a key press. Tab order that stops moving, or comes back round without reaching its goal,
fails with the path focus took, so a focus trap or an unreachable control is named.
"""

from __future__ import annotations

KEYS = ("Tab", "Shift+Tab", "Space", "Enter", "ArrowDown", "ArrowUp", "ArrowLeft", "ArrowRight")

_FOCUSED = """() => {
  const element = document.activeElement;
  if (!element) { return ['none', '']; }
  if (!element.dataset.keyboardId) { window.__keyboardIds = (window.__keyboardIds || 0) + 1; element.dataset.keyboardId = String(window.__keyboardIds); }
  const name = (element.getAttribute('aria-label') || element.textContent || element.value || '').trim().slice(0, 40);
  return [element.dataset.keyboardId, `${element.tagName.toLowerCase()} ${JSON.stringify(name)}`];
}"""


class Keyboard:
    """A student's keyboard: only the keys in :data:`KEYS`, with a log of what was pressed."""

    def __init__(self, page):
        self.page = page
        self.pressed: list[str] = []

    def press(self, key: str) -> None:
        assert key in KEYS, f"{key} is not a key this test may use"
        self.page.keyboard.press(key)
        self.pressed.append(key)

    def focused(self) -> tuple[str, str]:
        """An id for the focused element (stable while it lives) and a short description of it."""
        ident, description = self.page.evaluate(_FOCUSED)
        return ident, description

    def is_focused(self, locator) -> bool:
        return locator.evaluate("element => element === document.activeElement")

    def focus_ring(self) -> str:
        """The focused element's outline as drawn (e.g. "2px solid rgb(25, 118, 210)"), or "" if none."""
        return self.page.evaluate(
            """() => { const s = getComputedStyle(document.activeElement);
                       return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 1 ? `${s.outlineWidth} ${s.outlineStyle} ${s.outlineColor}` : ''; }"""
        )

    def reach(self, locator, what: str, backwards: bool = False, limit: int = 300) -> int:
        """Press Tab (or Shift+Tab) until ``locator`` has focus; return how many presses it took."""
        key = "Shift+Tab" if backwards else "Tab"
        path: list[tuple[str, str]] = []
        for presses in range(limit + 1):
            if self.is_focused(locator):
                assert self.focus_ring(), f"{what} has keyboard focus but no visible focus ring"
                return presses
            self.press(key)
            now = self.focused()
            if path and now[0] == path[-1][0]:
                raise AssertionError(f"focus trap: {key} stays on {now[1]} (on the way to {what})")
            if any(now[0] == seen for seen, _ in path):
                trail = " -> ".join(d for _, d in path[-12:])
                raise AssertionError(f"{what} is not reachable with {key}: focus came back to {now[1]} after {trail}")
            path.append(now)
        raise AssertionError(f"{what} not reached after {limit} presses of {key}")

    def leave(self, scope, what: str, backwards: bool = False, limit: int = 300) -> None:
        """Press Tab (or Shift+Tab) until focus is outside ``scope``: no focus trap inside it."""
        key = "Shift+Tab" if backwards else "Tab"
        path: list[str] = []
        for _ in range(limit):
            self.press(key)
            ident, description = self.focused()
            if not scope.evaluate("(box) => box.contains(document.activeElement)"):
                return
            if ident in path:
                raise AssertionError(f"focus trap in {what}: {key} comes back to {description}")
            path.append(ident)
        raise AssertionError(f"{key} never left {what} in {limit} presses")
