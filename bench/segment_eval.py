"""Score medialit.segment on the hand-labelled pages in tests/pages (paragraph-level body F1).

Usage (from the repository root):

    .venv/bin/python bench/segment_eval.py            # dev pages, per page and overall
    .venv/bin/python bench/segment_eval.py heldout    # the held-out pages
    .venv/bin/python bench/segment_eval.py all --time # both, plus the 1 MB timing

Each paragraph of ``split_paragraphs(page)`` is either article body or not;
precision, recall and F1 are counted over paragraphs (micro-averaged over pages
for the overall line). When jusText is installed in the venv it is scored on the
same paragraphs, each wrapped in <p>, for comparison. The page format is
described in tests/pages/README.md.
"""

from __future__ import annotations

import html
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from medialit.segment import segment, split_paragraphs

PAGES = Path(__file__).resolve().parent.parent / "tests" / "pages"
BODY_MARK = "B| "


@dataclass(frozen=True)
class Page:
    """A labelled page: its raw text and, per paragraph, whether it is body."""

    name: str
    text: str
    gold: tuple[bool, ...]


@dataclass(frozen=True)
class Score:
    true_pos: int
    false_pos: int
    false_neg: int

    @property
    def precision(self) -> float:
        return self.true_pos / (self.true_pos + self.false_pos) if self.true_pos + self.false_pos else 1.0

    @property
    def recall(self) -> float:
        return self.true_pos / (self.true_pos + self.false_neg) if self.true_pos + self.false_neg else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: "Score") -> "Score":
        return Score(
            self.true_pos + other.true_pos, self.false_pos + other.false_pos, self.false_neg + other.false_neg
        )


def read_page(path: Path) -> Page:
    """Parse a .page file: lines starting with 'B| ' open a body paragraph."""
    raw_lines: list[str] = []
    body_lines: set[int] = set()
    for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), start=1):
        if line.startswith(BODY_MARK):
            body_lines.add(number)
            line = line[len(BODY_MARK):]
        raw_lines.append(line)
    text = "\n".join(raw_lines)
    gold = tuple(p.line in body_lines for p in split_paragraphs(text))
    return Page(path.stem, text, gold)


def load_pages(which: str = "dev") -> list[Page]:
    """The labelled pages of one folder ('dev' or 'heldout'), or of both ('all')."""
    folders = ["dev", "heldout"] if which == "all" else [which]
    return [read_page(path) for folder in folders for path in sorted((PAGES / folder).glob("*.page"))]


def score(gold: tuple[bool, ...] | list[bool], guess: list[bool]) -> Score:
    pairs = list(zip(gold, guess))
    return Score(
        sum(g and p for g, p in pairs), sum(p and not g for g, p in pairs), sum(g and not p for g, p in pairs)
    )


def medialit_guess(page: Page) -> list[bool]:
    return [block.role == "body" for block in segment(page.text)]


def justext_guess(page: Page) -> list[bool] | None:
    """jusText's verdict per paragraph ('good' = body), or None when it is not installed."""
    try:
        import justext
    except ImportError:
        return None
    paragraphs = split_paragraphs(page.text)
    document = "<html><body>" + "".join(f"<p>{html.escape(p.text)}</p>" for p in paragraphs) + "</body></html>"
    result = justext.justext(document.encode("utf-8"), justext.get_stoplist("English"), encoding="utf-8")
    by_text: dict[str, list[bool]] = {}
    for item in result:
        by_text.setdefault(" ".join(item.text.split()), []).append(item.class_type == "good")
    return [bool(by_text.get(" ".join(p.text.split()), [False]).pop(0)) if by_text.get(" ".join(p.text.split())) else False for p in paragraphs]


def evaluate(pages: list[Page], verbose: bool = True) -> tuple[Score, Score | None]:
    """Print per-page scores and return the overall (medialit, jusText) scores."""
    ours_total, theirs_total = Score(0, 0, 0), Score(0, 0, 0)
    have_justext = True
    if verbose:
        print(f"{'page':32} {'paras':>5} {'P':>5} {'R':>5} {'F1':>5} {'jusText F1':>10}")
    for page in pages:
        ours = score(page.gold, medialit_guess(page))
        ours_total += ours
        theirs_guess = justext_guess(page)
        theirs = None
        if theirs_guess is None:
            have_justext = False
        else:
            theirs = score(page.gold, theirs_guess)
            theirs_total += theirs
        if verbose:
            jt = f"{theirs.f1:10.2f}" if theirs else f"{'-':>10}"
            print(f"{page.name:32} {len(page.gold):5} {ours.precision:5.2f} {ours.recall:5.2f} {ours.f1:5.2f} {jt}")
    return ours_total, (theirs_total if have_justext else None)


def _best_of_three(text: str) -> float:
    best = float("inf")
    for _ in range(3):
        began = time.perf_counter()
        segment(text)
        best = min(best, time.perf_counter() - began)
    return best


def _letters(number: int) -> str:
    """A made-up word for a number (digits would make every line look like a date)."""
    word = ""
    while True:
        number, digit = divmod(number, 26)
        word += "abcdefghijklmnopqrstuvwxyz"[digit]
        if not number:
            return "q" + word


def time_one_megabyte() -> dict[str, float]:
    """Seconds to segment 1 MB pages: repeated labelled pages, the same with every line made
    unique (so nothing can be reused between repeats), one 1 MB line, and 1 MB of one-word lines."""
    chunk = "\n\n".join(page.text for page in load_pages("all"))
    repeated = (chunk * (1_000_000 // len(chunk) + 1))[:1_000_000]
    unique = "\n".join(
        f"{line} {_letters(number)}" if line.strip() else line for number, line in enumerate(repeated.split("\n"))
    )[:1_000_000]
    one_line = repeated.replace("\n", " ")
    words = ("Home\n" * 200_000)[:1_000_000]
    return {
        "repeated pages": _best_of_three(repeated),
        "every line unique": _best_of_three(unique),
        "one 1 MB line": _best_of_three(one_line),
        "one-word lines": _best_of_three(words),
    }


def main(argv: list[str]) -> int:
    which = next((arg for arg in argv if arg in ("dev", "heldout", "all")), "dev")
    pages = load_pages(which)
    ours, theirs = evaluate(pages)
    per_page = [score(p.gold, medialit_guess(p)).f1 for p in pages]
    print()
    print(f"{which}: {len(pages)} pages, {sum(len(p.gold) for p in pages)} paragraphs")
    print(
        f"medialit  body P {ours.precision:.3f}  R {ours.recall:.3f}  F1 {ours.f1:.3f}"
        f"  (mean per-page F1 {statistics.mean(per_page):.3f})"
    )
    if theirs is not None:
        print(f"jusText   body P {theirs.precision:.3f}  R {theirs.recall:.3f}  F1 {theirs.f1:.3f}")
    else:
        print("jusText   not installed (pip install justext into .venv to compare)")
    if "--time" in argv:
        for name, seconds in time_one_megabyte().items():
            print(f"1 MB page, {name}: {seconds * 1000:.0f} ms (best of 3)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
