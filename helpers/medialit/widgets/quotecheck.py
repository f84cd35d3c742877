"""Lesson 3 widgets: line up every report's version of a remark and judge the changes."""

from __future__ import annotations

__all__: list[str] = []
