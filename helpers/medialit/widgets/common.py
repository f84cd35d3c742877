"""What every lesson widget shares: the session, escaping, saving and friendly errors.

A notebook's first cell calls :func:`start`, which loads the story (the bundled
one, or ``$MEDIALIT_STORY``), opens the student's saved work for that lesson and
makes kit errors show as a plain message instead of a traceback.

Every widget here is a :class:`KitBox`: in JupyterLab it is a live widget; where
widgets cannot run (a static HTML export, a viewer without the widget manager)
the same output carries a readable HTML snapshot instead. A widget that keeps
answers is a :class:`SavedBox`: its answers live in one traitlet, ``state``, and
one observer saves every change to the lesson's work file (the pattern of
ipywidgets' own examples: state in traitlets, observe). :func:`report_menu` is
the one drop-down for choosing a report.
"""

from __future__ import annotations

import base64
import functools
import html
import io
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Callable

import ipywidgets as widgets
import traitlets

from ..progress import LessonWork, WorkError, open_work
from .aria import LiveHTML
from ..story import Story, StoryError, load_story

KIT_ERRORS = (StoryError, WorkError)


def esc(text: object) -> str:
    """Escape text for HTML: article text may contain markup, which must show as text.

    Example:
        >>> esc('<img src=x onerror="alert(1)">')
        '&lt;img src=x onerror=&quot;alert(1)&quot;&gt;'
    """
    return html.escape(str(text), quote=True)


@dataclass
class Session:
    """The story and this lesson's saved work, shared by the widgets of one notebook.

    In a notebook it shows itself as a one-line banner: the story and where work is saved.
    """

    story: Story
    work: LessonWork
    #: One more line for the banner (the transfer task says which attempt this is).
    notice: str = ""
    #: False in a pre-test: no widget checks answers or shows the helper's, so the attempt shows what
    #: the student can do alone.
    reveals: bool = True

    def __repr__(self) -> str:
        return f"Session(story={self.story.id!r}, lesson={self.work.lesson!r})"

    def _ipython_display_(self) -> None:
        _show(banner(self.story, self.work, self.notice))


_session: Session | None = None


def start(lesson: str, story_path: str | None = None, work_folder: str | None = None,
          work_story_id: str | None = None, notice: str = "", reveals: bool = True) -> Session:
    """Load the story and this lesson's saved work; in a notebook the result shows what was loaded.

    ``work_story_id`` saves the work with another story's (the transfer task shows its own page
    but keeps its answers with the unit's story, so one export carries everything).

    Example:
        >>> import tempfile
        >>> start("00-start-here", work_folder=tempfile.mkdtemp()).story.ids[:2]
        ['000', '001']
    """
    global _session
    _install_friendly_errors()
    story = load_story(story_path)
    work = open_work(lesson, story_id=work_story_id or story.id, folder=work_folder)
    _session = Session(story=story, work=work, notice=notice, reveals=reveals)
    return _session


def session() -> Session:
    """The session opened by :func:`start`; a clear message if the first cell was not run."""
    if _session is None:
        raise StoryError(["Run the first code cell of this notebook (the one with start) before this one."])
    return _session


def banner(story: Story, work: LessonWork, notice: str = "") -> widgets.HTML:
    """A short line saying which story is loaded and where work is saved."""
    parts = [f"<b>{esc(notice)}</b>"] if notice else []
    parts += [
        f"<b>Story:</b> {esc(story.title)} ({len(story.reports)} reports"
        + (f", {esc(story.date)}" if story.date else "")
        + ")",
        f"<b>Your work is saved in:</b> <code>{esc(work.path)}</code>",
    ]
    if work.problem:
        parts.append(f'<span class="medialit-warning">⚠ {esc(work.problem)}</span>')
    return widgets.HTML("<br>".join(parts))


class KitBox(widgets.VBox):
    """A VBox that also carries a static HTML snapshot for places where widgets cannot run.

    Subclasses implement :meth:`static_html`.
    """

    def static_html(self) -> str:
        return ""

    def _repr_mimebundle_(self, **kwargs: Any) -> dict:
        bundle = super()._repr_mimebundle_(**kwargs)
        snapshot = self.static_html()
        if snapshot and isinstance(bundle, dict):
            bundle["text/html"] = snapshot
        return bundle


class Status(LiveHTML):
    """A one-line status under a widget: saved, checked, or a problem in plain words.

    It is a live region (:class:`~medialit.widgets.aria.LiveHTML`), so a screen reader says
    "Saved" or the problem when it changes, as a sighted student sees it.
    """

    def saved(self) -> None:
        self.value = f'<span class="medialit-ok">✓ Saved at {datetime.now():%H:%M:%S}</span>'

    def info(self, text: str) -> None:
        self.value = f"<span>{esc(text)}</span>"

    def problem(self, text: str) -> None:
        self.value = f'<span class="medialit-warning">⚠ {esc(text)}</span>'


def guarded(status: Status) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Wrap a widget callback so a failure shows in ``status`` instead of vanishing into a log.

    Student work is saved before anything else can fail, so a message is all that is lost.
    """

    def decorate(callback: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(callback)
        def run(*args: Any, **kwargs: Any) -> Any:
            try:
                return callback(*args, **kwargs)
            except KIT_ERRORS as error:
                status.problem(str(error))
            except Exception as error:  # noqa: BLE001 - a widget must never die silently
                status.problem(f"Something went wrong ({type(error).__name__}: {error}). Tell your teacher.")
            return None

        return run

    return decorate


class SavedBox(KitBox):
    """A KitBox whose saved answers live in the ``state`` traitlet; one observer saves every change.

    ``keys`` are the lesson's answer keys this widget owns: their saved values fill
    ``state`` when the widget is built (without saving), and any later change to
    ``state`` is written to the lesson's work file and shown as "Saved" in
    ``status``. Assign a new dict (or call :meth:`remember`): a dict changed in
    place does not notify. A save that fails shows its message in ``status``; the
    answers stay in ``state`` and the next change saves them all.

    Example:
        >>> import tempfile
        >>> work = open_work("00-start-here", story_id="demo", folder=tempfile.mkdtemp())
        >>> box = SavedBox(work, keys=("q1",))
        >>> box.remember({"q1": "The footer is not the article."})
        >>> open_work("00-start-here", "demo", work.folder.parent).get("q1"), "Saved" in box.status.value
        ('The footer is not the article.', True)
    """

    state = traitlets.Dict()

    def __init__(self, work: LessonWork, keys: tuple[str, ...] | list[str] = (), children: Any = (),
                 status: Status | None = None, **kwargs: Any):
        self.work = work
        self.saved_keys = tuple(keys)
        self.status = status if status is not None else Status()
        super().__init__(children, **kwargs)
        # Restored before the observer exists: opening a lesson must not rewrite its file.
        self.state = {key: work.answers[key] for key in self.saved_keys if key in work.answers}
        self.observe(self._save_state, names="state")

    def remember(self, values: dict[str, Any]) -> None:
        """Change some answers (keys may contain dots, so a dict rather than keyword arguments)."""
        self.state = {**self.state, **values}

    def save_now(self) -> None:
        """Save the current state even if nothing changed (a "Save" button the student clicked)."""
        self._write(dict(self.state))

    def _save_state(self, change: dict) -> None:
        old, new = change["old"], change["new"]
        changed = {key: value for key, value in new.items() if key not in old or old[key] != value}
        self._write(changed, removed=[key for key in old if key not in new])

    def _write(self, values: dict[str, Any], removed: list[str] | tuple[str, ...] = ()) -> None:
        try:
            self.work.update(values, removed=removed)
        except KIT_ERRORS as error:
            self.status.problem(str(error))
            return
        self.status.saved()


def report_label(report: Any, headline: bool = True, limit: int = 90) -> str:
    """How a report is named in a menu: 'Report 004: its headline', shortened at a word with '…'.

    Example:
        >>> from medialit import load_story
        >>> report_label(load_story().report("001"))
        'Report 001: Russia threatens to retaliate against US forces in Syria'
    """
    if not headline:
        return report.name
    text = f"{report.name}: " + " ".join(str(report.headline).split())
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0] + "…"


def report_menu(
    story: Story,
    value: object = None,
    *,
    description: str = "Report:",
    help: str = "Choose which report to show",
    headlines: bool = True,
    everything: str | None = None,
    everything_value: str = "all",
    default: str | None = None,
    width: str = "min(100%, 720px)",
) -> widgets.Dropdown:
    """The one drop-down for choosing a report; ``value`` is a saved choice, used when still valid.

    ``description`` is the visible label (the control's accessible name) and ``help``
    its accessible description (the ``title`` a screen reader reads after the name).
    ``everything`` adds a first entry (value ``everything_value``) for all the reports at once.
    An unknown ``value`` (a report since removed, odd saved data) falls back to
    ``default``, else the first entry.

    Example:
        >>> from medialit import load_story
        >>> menu = report_menu(load_story(), "002", description="Every number in:", headlines=False)
        >>> menu.value, menu.options[0]
        ('002', ('Report 000', '000'))
    """
    options = [(report_label(report, headlines), report.id) for report in story.reports]
    if everything:
        options.insert(0, (everything, everything_value))
    valid = [option for _, option in options]
    if value not in valid:
        value = default if default in valid else valid[0]
    wide = len(description) > 10
    return widgets.Dropdown(
        options=options,
        value=value,
        description=description,
        tooltip=help,
        style={"description_width": "initial"} if wide else {},
        layout=widgets.Layout(width=width),
    )


def message_html(text: str, title: str = "Something needs fixing") -> str:
    """A boxed, escaped message for students (used for kit errors)."""
    lines = "<br>".join(esc(line) for line in str(text).splitlines())
    return (
        '<div class="medialit-message" style="border:2px solid #b35900;padding:8px 12px;'
        'border-radius:6px;background:#fff4e5;color:#222">'
        f"<b>⚠ {esc(title)}</b><br>{lines}</div>"
    )


def _show(obj: Any) -> None:
    # Outside a notebook (scripts, doctests) there is nowhere to show a widget.
    try:
        from IPython import get_ipython
        from IPython.display import display
    except ImportError:  # pragma: no cover - IPython ships with ipywidgets
        return
    if get_ipython() is not None:
        display(obj)


def _install_friendly_errors() -> None:
    try:
        from IPython import get_ipython
        from IPython.display import HTML, display
    except ImportError:  # pragma: no cover
        return
    shell = get_ipython()
    if shell is None:
        return

    def handler(shell: Any, etype: type, value: BaseException, tb: Any, tb_offset: Any = None) -> list[str]:
        display(HTML(message_html(str(value))))
        return []

    shell.set_custom_exc(KIT_ERRORS, handler)


def static_table(headers: list[str], rows: list[list[object]]) -> str:
    """An escaped HTML table, for static snapshots.

    Example:
        >>> "&lt;b&gt;" in static_table(["a"], [["<b>"]])
        True
    """
    head = "".join(f"<th>{esc(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{esc(cell)}</td>" for cell in row) + "</tr>" for row in rows)
    return f'<table class="medialit-table"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


class ChartBox(KitBox):
    """A matplotlib chart as a PNG, its caption, and the same numbers as a table.

    The table is the chart's text alternative (screen readers, static exports) and
    lets students check the picture against the numbers. The picture itself carries alt
    text (``alt``, else the caption): ipywidgets' Image cannot, so it is an
    :class:`~medialit.widgets.aria.Picture`.
    """

    def __init__(self, figure: Any, caption: str, headers: list[str], rows: list[list[object]], alt: str = ""):
        from .aria import Picture

        self.png = figure_png(figure)
        self.caption, self.headers, self.rows = caption, headers, rows
        self.alt = alt or caption
        self.image = Picture(value=self.png, format="png", alt=self.alt, layout=widgets.Layout(max_width="760px"))
        self.table = widgets.HTML(static_table(headers, rows))
        numbers = widgets.Accordion(children=[self.table], titles=("Show the numbers",))
        numbers.selected_index = None
        super().__init__([widgets.HTML(f"<b>{esc(caption)}</b>"), self.image, numbers])
        self.add_class("medialit-chart")

    def static_html(self) -> str:
        encoded = base64.b64encode(self.png).decode("ascii")
        return (
            f"<p><b>{esc(self.caption)}</b></p>"
            f'<img alt="{esc(self.alt)}" src="data:image/png;base64,{encoded}">'
            + static_table(self.headers, self.rows)
        )


def new_figure(width: float = 7.5, height: float = 3.6) -> Any:
    """A matplotlib Figure that does not touch pyplot's global state (no double display)."""
    from matplotlib.figure import Figure

    return Figure(figsize=(width, height), layout="constrained")


def figure_png(figure: Any) -> bytes:
    """Render a Figure to PNG bytes with the Agg canvas (works with no display)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    FigureCanvasAgg(figure)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=100)
    return buffer.getvalue()
