"""The hand-in: the one-page summary of a student's verdict, and one download that carries all their work.

At the end of lesson 5 a student hands in two files: ``<name>-verdict.html``, the page a teacher
reads or prints (:func:`summary_page`), and ``<name>.medialit.json``, all their saved work for the
teacher's notebook (written by :func:`medialit.progress.export_work`). Where there is no shared
folder (Binder deletes everything when the session ends) both travel in one ``.zip`` download
(:func:`handin_zip`), and :func:`work_file_in_zip` reads the work file back out of such a .zip for
the teacher, safely. Where the files go (the folder a teacher sets in ``MEDIALIT_HANDIN``, else the
student's own work folder) is :func:`medialit.progress.handin_folder`, shared with every lesson's export.

Example:
    >>> import io, zipfile
    >>> names = zipfile.ZipFile(io.BytesIO(handin_zip({"sam-verdict.html": b"<p>", "sam.medialit.json": b"{}"}))).namelist()
    >>> names
    ['sam-verdict.html', 'sam.medialit.json']
"""

from __future__ import annotations

import html
import io
import os
import zipfile
from datetime import datetime
from pathlib import Path
from typing import Mapping, Sequence

from .files import slug
from .story import Story
from .verdict import Evidence, chosen_pieces, report_title, verdict_problems

#: Variables BinderHub sets in every session it launches (its launcher passes them to the server).
BINDER_VARIABLES = ("BINDER_LAUNCH_HOST", "BINDER_REPO_URL", "BINDER_REF_URL")

SUMMARY_CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;max-width:46rem;margin:1.5rem auto;
padding:0 1rem;color:#111;line-height:1.45;font-size:11pt}
h1{font-size:1.5rem;margin:0 0 .2rem}h2{font-size:1.1rem;margin:1.1rem 0 .3rem;border-bottom:1px solid #999}h3{font-size:1rem;margin:.5rem 0 .1rem}
.meta{color:#333;margin:0}ol,ul{margin:.2rem 0 .2rem 1.4rem;padding:0}li{margin:.15rem 0}
.src{color:#444;font-size:.9em}.just{white-space:pre-wrap;border-left:4px solid #0072b2;padding:.3rem .7rem;background:#f4f8fb}
.missing{border:2px solid #b35900;background:#fff4e5;padding:.3rem .7rem}
@media print{body{margin:0;font-size:10pt}}
""".strip()


def _esc(text: object) -> str:
    return html.escape(str(text), quote=True)


def summary_html(
    student: str,
    story_title: str,
    ranking: Sequence[str],
    evidence: Sequence[tuple[str, str, str]],
    justification: str,
    made: str = "",
    story_date: str = "",
    missing: Sequence[str] | None = None,
) -> str:
    """A one-page HTML summary to hand in; every string is escaped, no scripts, CSS inside the page.

    ``ranking`` is the report titles, most trusted first; ``evidence`` is
    ``(report title, source title, text)`` for each chosen piece.

    Example:
        >>> page = summary_html("Sam <b>", "A story", ["Report 1"], [("Report 1", "Your note", "x")], "Because")
        >>> "Sam &lt;b&gt;" in page and "<script" not in page
        True
    """
    ranks = "".join(f"<li>{_esc(title)}</li>" for title in ranking) or "<li><i>No ranking yet.</i></li>"
    groups: list[tuple[str, list[str]]] = []
    for report, source, text in evidence:
        if not groups or groups[-1][0] != report:
            groups.append((report, []))
        groups[-1][1].append(f'<li>{_esc(text)} <span class="src">({_esc(source)})</span></li>')
    pieces = "".join(f"<h3>{_esc(report)}</h3><ul>{''.join(items)}</ul>" for report, items in groups)
    pieces = pieces or "<ul><li><i>No evidence chosen yet.</i></li></ul>"
    reasons = _esc(str(justification or "").strip()) or "<i>No justification written yet.</i>"
    story = _esc(story_title) + (f" ({_esc(story_date)})" if story_date else "")
    warning = ""
    if missing:
        items = "".join(f"<li>{_esc(problem)}</li>" for problem in missing)
        warning = f'<div class="missing"><b>⚠ Not finished yet:</b><ul>{items}</ul></div>'
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'">'
        f"<title>My verdict — {_esc(student or 'no name')}</title><style>{SUMMARY_CSS}</style></head><body>\n"
        f"<h1>My verdict: which report would I trust?</h1>\n"
        f'<p class="meta"><b>Name:</b> {_esc(student) or "<i>(no name given)</i>"}</p>\n'
        f'<p class="meta"><b>Date:</b> {_esc(made)}</p>\n'
        f'<p class="meta"><b>Story:</b> {story}</p>\n'
        f"{warning}"
        f"<h2>My ranking (most trusted first)</h2><ol>{ranks}</ol>\n"
        f"<h2>My evidence</h2>{pieces}\n"
        f'<h2>Why I ranked them this way</h2><div class="just">{reasons}</div>\n'
        "</body></html>\n"
    )


def summary_page(
    story: Story,
    student: str,
    ranking: Sequence | None,
    chosen: object,
    justification: str,
    titles: Mapping[str, str] | None = None,
    made: datetime | None = None,
) -> str:
    """The summary page of a verdict as saved (lesson ``05-verdict``'s answers), unfinished parts listed.

    ``titles`` names each evidence source (``{"03-quote-fidelity": "Lesson 3: Quote fidelity"}``);
    reports no longer in the story and unreadable saved pieces are shown as such, never dropped.

    Example:
        >>> from medialit import load_story
        >>> page = summary_page(load_story(), "Sam", ["001"], [], "Because.")
        >>> "Report 001" in page and "Not finished yet" in page
        True
    """
    ids = story.ids
    pieces = [Evidence.from_saved(item) for item in chosen_pieces(chosen)]
    return summary_html(
        student=student,
        story_title=story.title,
        story_date=story.date,
        ranking=[report_title(story, value) for value in ranking or [] if value in ids],
        evidence=[(report_title(story, piece.report), (titles or {}).get(piece.source, piece.source), piece.text)
                  for piece in pieces],
        justification=justification,
        made=(made or datetime.now()).strftime("%d %B %Y"),
        missing=verdict_problems(ranking, chosen_pieces(chosen), justification, ids),
    )


def file_stem(student: str) -> str:
    """The start of a student's hand-in file names: their name as a slug (every script kept).

    Example:
        >>> file_stem("Rosa P."), file_stem("张伟"), file_stem("  ")
        ('rosa-p', '张伟', 'student')
    """
    return slug(student, fallback="student")[:60]


def handin_zip(files: Mapping[str, bytes]) -> bytes:
    """One ``.zip`` holding the given files (name -> content), in the order given.

    Example:
        >>> handin_zip({"a.txt": b"x"})[:2]
        b'PK'
    """
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return buffer.getvalue()


#: The most a work file inside a hand-in .zip may unpack to (a class's real files are far smaller).
MAX_WORK_FILE = 8 * 1024 * 1024
#: How every hand-in file with the student's work is named.
WORK_SUFFIX = ".medialit.json"


class HandinError(ValueError):
    """A hand-in .zip that cannot be read; the message says why, in words a teacher can act on."""


def work_file_in_zip(path: str | os.PathLike, limit: int = MAX_WORK_FILE) -> tuple[str, str]:
    """The work file (``<name>.medialit.json``) inside a hand-in .zip: its name and its text.

    For the teacher's folder on routes without a shared folder (Binder): students send the
    .zip, and the class view can read it without unzipping. Exactly one work file must be in
    it; it is unpacked in pieces and never beyond ``limit`` bytes, whatever the archive claims.

    Example:
        >>> import tempfile
        >>> target = Path(tempfile.mkdtemp()) / "sam-handin.zip"
        >>> _ = target.write_bytes(handin_zip({"sam-verdict.html": b"<p>", "sam.medialit.json": b"{}"}))
        >>> work_file_in_zip(target)
        ('sam.medialit.json', '{}')
    """
    name = Path(path).name
    try:
        with zipfile.ZipFile(path) as archive:
            members = [m for m in archive.infolist() if m.filename.endswith(WORK_SUFFIX) and not m.is_dir()]
            if len(members) != 1:
                raise HandinError(f"{name} holds {len(members)} work files ({WORK_SUFFIX}), not one: "
                                  "ask the student to make their hand-in again.")
            member = members[0]
            if member.file_size > limit:
                raise HandinError(f"{name}: its work file is {member.file_size:,} bytes, over the {limit:,} a "
                                  "student's work can be; not read.")
            with archive.open(member) as stream:
                data = stream.read(limit + 1)
    except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError, RuntimeError) as error:
        raise HandinError(f"{name} is not a readable .zip ({error}): ask the student to download it again.") from None
    if len(data) > limit:
        raise HandinError(f"{name}: its work file unpacks to more than {limit:,} bytes; not read.")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise HandinError(f"{name}: its work file is not UTF-8 text; ask the student to make it again.") from None
    return Path(member.filename).name, text


def on_binder(environ: Mapping[str, str] | None = None) -> bool:
    """Whether this kernel runs in a Binder session (whose files are deleted when it ends).

    Example:
        >>> on_binder({"BINDER_LAUNCH_HOST": "https://mybinder.org/"}), on_binder({})
        (True, False)
    """
    environ = os.environ if environ is None else environ
    return any(environ.get(name) for name in BINDER_VARIABLES)
