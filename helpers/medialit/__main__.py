"""The `medialit` command (also `python -m medialit`): make and check a teacher's own story.

    medialit new-story SOURCE_DIR STORY_DIR [--title T] [--date YYYY-MM-DD] [--reference FILE ...]
    medialit check-story STORY_DIR
"""

from __future__ import annotations

import argparse
import sys

from .checkup import check_story_folder
from .newstory import new_story
from .story import STORY_ENV, StoryError, load_story


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit code (0 fine, 1 problems found, 2 usage).

    Example:
        >>> from medialit.story import bundled_story_folder
        >>> main(["check-story", str(bundled_story_folder())])  # doctest: +ELLIPSIS
        Checked ... 5 reports: no problems.
        0
    """
    parser = argparse.ArgumentParser(prog="medialit", description="Make and check stories for the medialit lessons.")
    commands = parser.add_subparsers(dest="command", required=True)
    make = commands.add_parser("new-story", help="turn a folder of saved pages (.html, .mhtml) and .txt reports into a story folder")
    make.add_argument("source", help="folder with one saved report per .txt, .html or .mhtml file")
    make.add_argument("story", help="new, empty folder to write the story into")
    make.add_argument("--title", default="", help="the story's title (default: the folder's name)")
    make.add_argument("--date", default="", help="the date of the event, e.g. 2024-05-01")
    make.add_argument("--reference", action="append", default=[], metavar="FILE",
                      help="a .txt reference version (first line: source and date); repeat for more")
    check = commands.add_parser("check-story", help="list every problem with a story folder, with its fix")
    check.add_argument("story", help="the story folder to check")
    args = parser.parse_args(argv)

    if args.command == "new-story":
        try:
            story = new_story(args.source, args.story, title=args.title, date=args.date, references=args.reference)
        except StoryError as error:
            print(f"Could not make the story:\n{error}", file=sys.stderr)
            return 1
        except OSError as error:  # a disk or permission failure no reader foresaw: a plain line, not a traceback
            print(f"Could not make the story: {error.strerror or error} ({error.filename or args.story}).",
                  file=sys.stderr)
            return 1
        print(f"Made the story '{story.title}' with {len(story.reports)} reports in {story.folder}.")
        for note in story.notes:
            print(f"• {note}")
        if story.references:
            print(f"References: {', '.join(r.source for r in story.references)}.")
        if story.key_proposed:
            print("The answer key is proposed from the saved pages: confirm it in lesson 1's teacher mode.")
        print(f"Next: medialit check-story {story.folder}")
        print(f"Then run the lessons on it: set {STORY_ENV}={story.folder} before `make lab`.")
        return 0

    try:
        findings = check_story_folder(args.story)
    except OSError as error:
        print(f"Could not check the story: {error.strerror or error} ({error.filename or args.story}).",
              file=sys.stderr)
        return 1
    problems = [f for f in findings if f.kind == "problem"]
    for finding in findings:
        print(("✗ " if finding.kind == "problem" else "• ") + finding.text)
    if problems:
        print(f"{len(problems)} problem(s) to fix in {args.story}.")
        return 1
    # Notes are not problems, but "no problems" right under them read as if they did not count.
    notes = len(findings)
    after = f"; {notes} {'note' if notes == 1 else 'notes'} above" if notes else ""
    print(f"Checked {args.story}: {len(load_story(args.story).reports)} reports: no problems{after}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
