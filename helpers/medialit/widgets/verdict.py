"""Lesson 5 widgets: gather the evidence, rank the reports, export a summary to hand in."""

from __future__ import annotations

__all__: list[str] = []
