"""Score medialit.extract_quotes on real news with hand-marked quotations (../shared/quotes-dev).

Usage (from the repository root):

    .venv/bin/python bench/quotes_eval.py             # the figures and the timing, as `make bench` prints them
    .venv/bin/python bench/quotes_eval.py misses      # every miss, wrong speaker and false quote, for development

The data is the development split of PolNeAR (see its README): articles with every
attribution marked as Source / Cue / Content. It has no licence, so nothing of it is
copied into the kit; it is only read here, at measuring time.

How it is measured (the README's rule):

* a gold *quotation* is an attribution whose Content holds double quotation marks; its
  quoted words are the words of the Content that sit inside quote marks;
* it is *found* when one quote from :func:`extract_quotes` covers at least half of them;
* *precision* is the share of the kit's quotes (scare quotes, which the kit reports as
  their own kind with no speaker, left out) with at least half of their words inside
  some gold quotation's quoted words;
* a found quotation's *speaker* is right when its Source names someone (has a
  capitalised word that is not a pronoun or a determiner) and the kit's speaker shares a
  capitalised name word with it. When the kit resolved a description to a name ("the
  Republican nominee" to "Jane Smith") it gives both, ``speaker`` and ``described_as``, and
  a name word shared with either counts: the Source may be the description or the name.

A third of the articles (every third in name order) is held out: rules are developed on
the other two thirds, and both figures are printed.

How blind the held-out figure still is, honestly: the rules up to commit 24161d2 were made on
the development two thirds alone (held out then: 81.8% right named speaker). In the session
that took it to about 87% (issue 11 item 4, "the last mile"), the rules were found from the
development articles and from hand-made sentences of common news shapes, but the held-out
figure was printed after each change, and its misses were counted by kind (no speaker /
another name / scare quote) without reading any of them. One choice was made with the
held-out figure in view: which subjects may own a few words in marks (a person, or a surname
the page names; organisations were left out as they cost precision on both parts). So read
the held-out figure as a slightly optimistic estimate of articles nobody here has seen.
"""

from __future__ import annotations

import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from medialit.quotes import Quote, extract_quotes

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "quotes-dev"
TARGETS = {"found": 0.93, "precision": 0.93, "speaker": 0.88}
LONG_TARGET_SECONDS = 2.0

_WORD = re.compile(r"\w+(?:['’]\w+)*")
_NOT_NAME = {
    "the", "a", "an", "he", "she", "it", "they", "we", "i", "his", "her", "its", "their", "our", "my",
    "you", "this", "that", "these", "those", "some", "many", "one", "both", "who", "which",
    "other", "another", "several", "most", "all", "few", "each", "every", "any", "no",
}


@dataclass
class Gold:
    """One hand-marked quotation: its quoted words (offsets) and its Source text."""

    words: list[tuple[int, int]]
    source: str
    content: str


@dataclass
class Article:
    name: str
    text: str
    gold: list[Gold] = field(default_factory=list)


def _spans(field_text: str) -> list[tuple[int, int]]:
    return [(int(a), int(b)) for a, b in (part.split() for part in field_text.split(";"))]


def _quoted_regions(text: str) -> list[tuple[int, int]]:
    """Where the text is inside double quote marks, paragraph by paragraph (an open quote ends its paragraph)."""
    regions = []
    for para in re.finditer(r"[^\n]+", text):
        open_at = None
        for m in re.finditer(r"[“”\"]", para.group(0)):
            i, ch = para.start() + m.start(), m.group(0)
            if open_at is None and ch != "”":
                open_at = i
            elif open_at is not None and ch != "“":
                regions.append((open_at, i))
                open_at = None
            elif open_at is not None:
                open_at = i
        if open_at is not None:
            regions.append((open_at, para.end()))
    return regions


def load(folder: Path = DATA) -> list[Article]:
    """Every article with its gold quotations (one annotator's file per article)."""
    articles = []
    for text_path in sorted((folder / "text").glob("*.txt")):
        text = text_path.read_text(encoding="utf-8")
        ann = sorted((folder / "attributions").glob(text_path.stem + "_*.ann"))
        article = Article(text_path.stem, text)
        articles.append(article)
        if not ann:
            continue
        spans: dict[str, list[tuple[int, int]]] = {}
        for line in ann[0].read_text(encoding="utf-8").splitlines():
            parts = line.split("\t")
            if line.startswith("T") and len(parts) >= 2:
                kind, _, where = parts[1].partition(" ")
                spans[parts[0]] = _spans(where)
        regions = _quoted_regions(text)
        for line in ann[0].read_text(encoding="utf-8").splitlines():
            if not line.startswith("E"):
                continue
            roles = dict(item.split(":", 1) for item in line.split("\t")[1].split())
            content = spans.get(roles.get("Content", ""), [])
            content_text = " ".join(text[a:b] for a, b in content)
            if not re.search(r"[“”\"]", content_text):
                continue
            words = [
                (m.start(), m.end())
                for a, b in content
                for m in _WORD.finditer(text, a, b)
                if any(r0 < m.start() and m.end() <= r1 for r0, r1 in regions)
            ]
            if not words:
                continue
            source = " ".join(text[a:b] for a, b in spans.get(roles.get("Source", ""), []))
            article.gold.append(Gold(words, source, content_text))
    return articles


def name_words(text: str) -> set[str]:
    """Capitalised words that can name someone: 'Trump’s campaign' gives {'Trump'}."""
    out = set()
    for word in _WORD.findall(text):
        word = re.sub(r"['’]s$", "", word)
        if word[:1].isupper() and word.lower() not in _NOT_NAME:
            out.add(word)
    return out


def is_scare(quote: Quote) -> bool:
    return getattr(quote, "kind", "quote") == "scare"


@dataclass
class Tally:
    gold: int = 0
    found: int = 0
    kit: int = 0
    kit_right: int = 0
    named: int = 0
    named_right: int = 0
    seconds: float = 0.0
    notes: list[str] = field(default_factory=list)

    def add(self, other: "Tally") -> None:
        for name in ("gold", "found", "kit", "kit_right", "named", "named_right", "seconds"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.notes += other.notes


def score(article: Article) -> Tally:
    tally = Tally()
    started = time.perf_counter()
    quotes = extract_quotes(article.text)
    tally.seconds = time.perf_counter() - started
    inside = set()
    for gold in article.gold:
        inside.update(gold.words)
    gold_starts = sorted(inside)
    for quote in quotes:
        if is_scare(quote):
            continue
        words = [(m.start(), m.end()) for m in _WORD.finditer(article.text, quote.start, quote.end)]
        if not words:
            continue
        tally.kit += 1
        if sum(w in inside for w in words) * 2 >= len(words):
            tally.kit_right += 1
        else:
            tally.notes.append(f"  FALSE {quote.text[:90]!r} [{quote.speaker}]")
    del gold_starts
    for gold in article.gold:
        tally.gold += 1
        best, best_cover = None, 0
        for quote in quotes:
            cover = sum(quote.start <= a and b <= quote.end for a, b in gold.words)
            if cover > best_cover:
                best, best_cover = quote, cover
        snippet = article.text[gold.words[0][0] : gold.words[-1][1]][:80]
        if best is None or best_cover * 2 < len(gold.words):
            tally.notes.append(f"  MISS  {snippet!r} [{gold.source}]")
            continue
        tally.found += 1
        wanted = name_words(gold.source)
        if not wanted:
            continue
        tally.named += 1
        given = name_words(best.speaker) | name_words(getattr(best, "described_as", ""))
        if wanted & given and not is_scare(best):
            tally.named_right += 1
        else:
            tally.notes.append(f"  WHO   {snippet!r} gold [{gold.source}] kit [{best.speaker}]")
    return tally


def held_out(index: int) -> bool:
    return index % 3 == 2


def tallies(articles: list[Article]) -> tuple[Tally, Tally]:
    dev, held = Tally(), Tally()
    for i, article in enumerate(articles):
        t = score(article)
        if t.notes:
            t.notes.insert(0, f"{article.name}")
        (held if held_out(i) else dev).add(t)
    return dev, held


def _pct(a: int, b: int) -> float:
    return a / b if b else 1.0


def figures(t: Tally) -> dict[str, float]:
    return {
        "found": _pct(t.found, t.gold),
        "precision": _pct(t.kit_right, t.kit),
        "speaker": _pct(t.named_right, t.named),
    }


def long_paragraph_seconds(size: int = 1_000_000) -> tuple[float, float]:
    """Time extract_quotes on one paragraph of ordinary prose with quotes, ``size`` characters long.

    Returns ``(cpu, wall)`` seconds: the CPU time is the algorithm's cost, the wall time also
    counts waiting for a core on a busy machine (several helpers share two cores here).
    """
    unit = (
        'The council met on Monday. "We will not cut the bus routes," said Jane Smith, the mayor. '
        "She added that the plan was “a fair deal for everyone” and that talks would go on. "
        "According to Tom Lee, the budget is “tight but workable”. He called it 'a start'. "
    )
    text = (unit * (size // len(unit) + 1))[:size]
    started, cpu = time.perf_counter(), time.process_time()
    extract_quotes(text)
    return time.process_time() - cpu, time.perf_counter() - started


def marks_growth(size: int = 100_000) -> tuple[float, float]:
    """CPU seconds for a paragraph of nothing but '"a ' (every word a quote) at ``size`` and twice that.

    Linear time doubles; the quadratic code this replaced took four times as long per doubling.
    """
    times = []
    for n in (size, 2 * size):
        text = '"a ' * (n // 3)
        started = time.process_time()
        extract_quotes(text)
        times.append(time.process_time() - started)
    return times[0], times[1]


def lines() -> list[str]:
    """The `make bench` lines: the three figures on dev and held-out articles, and the timings."""
    if not (DATA / "text").is_dir():
        return [f"quotes: {DATA} not found; skipped"]
    articles = load()
    dev, held = tallies(articles)
    both = Tally()
    both.add(dev)
    both.add(held)
    out = []
    for label, t in (("dev 2/3", dev), ("held-out 1/3", held), ("all", both)):
        f = figures(t)
        out.append(
            f"quotes ({label}, {t.gold} quotations): found {f['found']:.1%} (target >= {TARGETS['found']:.0%}), "
            f"precision {f['precision']:.1%} (target >= {TARGETS['precision']:.0%}), "
            f"right named speaker {f['speaker']:.1%} of {t.named} (target >= {TARGETS['speaker']:.0%})"
        )
    out.append(f"quotes: {len(articles)} real articles in {both.seconds:.2f} s")
    cpu, wall = long_paragraph_seconds()
    out.append(
        f"quotes: extract_quotes on 1 MB in one paragraph: {cpu:.2f} s CPU, {wall:.2f} s wall "
        f"(target < {LONG_TARGET_SECONDS:.0f} s; was over 45 s)"
    )
    small, large = marks_growth()
    out.append(
        f"quotes: a paragraph of quote marks only, 100 KB then 200 KB: {small:.2f} s then {large:.2f} s CPU "
        f"(x{large / small if small else 0:.1f} per doubling; linear is x2, the old code was x4)"
    )
    return out


def main(argv: list[str]) -> None:
    if argv[1:2] == ["misses"]:
        dev, held = tallies(load())
        which = argv[2:3]
        for t in ([held] if which == ["held"] else [dev]):
            print("\n".join(t.notes))
        return
    print("\n".join(lines()))


if __name__ == "__main__":
    main(sys.argv)
