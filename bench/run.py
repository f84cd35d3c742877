"""`make bench`: speed and memory of the kit, as measured numbers (never as timed tests).

Prints, and writes to bench/results/latest.md:
- import time of `medialit` and `medialit.widgets` (median of 5 fresh interpreters);
- per notebook, headless execution time (kernel start to last cell, median of 3) and the kernel's
  peak memory (ru_maxrss read by an extra last cell), each as a ratio to bench/baseline.ipynb run in
  this same process; targets: time <= 3x, memory <= 1.25x the baseline;
- segmenting 1 MB pages (target < 0.5 s) and aligning 200 reports of 10 quotes (target < 2 s);
- accuracy on the shared real-world sets and the robustness timings, each from its own module in
  bench/ (`lines()` gives the printed figures with their targets): saved web pages, plain-text scrapes,
  quotes and speakers, loaded words, the class reader.

`python bench/run.py --accuracy` prints only the accuracy section (no notebooks), for quick checks.

Every notebook runs offline (tests/support/offline on PYTHONPATH, empty NLTK_DATA) with a
throw-away work folder, as in the tests.
"""

from __future__ import annotations

import importlib
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]
RUNS = 3
TIME_TARGET, MEMORY_TARGET = 3.0, 1.25
# One module per measured area; each has lines() -> list[str].
ACCURACY_MODULES = (
    "pages_eval", "segment_eval", "quotes_eval", "loaded_eval", "loaded_ceiling", "text_eval", "classwork_eval",
    "labeller_paging", "comment_sections", "lesson4_real_story", "page_key_eval",
)
PEAK_CELL = "import resource; print('PEAK_KB', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)"


def import_seconds(module: str, runs: int = 5) -> float:
    code = f"import time; t = time.perf_counter(); import {module}; print(time.perf_counter() - t)"
    samples = [float(subprocess.check_output([sys.executable, "-c", code], text=True)) for _ in range(runs)]
    return statistics.median(samples)


def run_notebook(path: Path) -> tuple[float, float]:
    """Seconds from kernel start to the end of the last cell, and the kernel's peak memory in MB."""
    notebook = nbformat.read(path, as_version=4)
    notebook.cells.append(nbformat.v4.new_code_cell(PEAK_CELL))
    client = NotebookClient(notebook, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}})
    started = time.perf_counter()
    client.execute(stderr=subprocess.DEVNULL)  # the kernel's start-up warnings are not results
    seconds = time.perf_counter() - started
    output = "".join(o.get("text", "") for o in notebook.cells[-1].outputs)
    peak_kb = int(output.split("PEAK_KB")[1].split()[0])
    return seconds, peak_kb / 1024


def measure(path: Path) -> tuple[float, float]:
    results = [run_notebook(path) for _ in range(RUNS)]
    return statistics.median(r[0] for r in results), max(r[1] for r in results)


def machine() -> str:
    memory = ""
    try:
        kb = int(next(line for line in open("/proc/meminfo") if line.startswith("MemTotal")).split()[1])
        memory = f", {kb / 1024 / 1024:.0f} GiB RAM"
    except (OSError, StopIteration):
        pass
    return f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores{memory}, Python {platform.python_version()}"


def analysis_timings() -> list[tuple[str, float, float]]:
    sys.path.insert(0, str(ROOT / "bench"))
    from segment_eval import time_one_megabyte

    from quotes_synthetic import synthetic_story

    from medialit.quotes import align_quotes

    rows = [(f"segment a 1 MB page ({name})", seconds, 0.5) for name, seconds in time_one_megabyte().items()]
    story = synthetic_story(reports=200, quotes_per_report=10)
    best = min(_timed(align_quotes, story) for _ in range(3))
    rows.append(("align 200 reports x 10 quotes", best, 2.0))
    return rows


def accuracy_lines() -> list[str]:
    """Each area's figures on the shared sets (../shared), as its bench module prints them."""
    sys.path.insert(0, str(ROOT / "bench"))
    lines: list[str] = []
    for name in ACCURACY_MODULES:
        module = importlib.import_module(name)
        title = (module.__doc__ or name).strip().splitlines()[0]
        lines += [f"### {title}", "", *module.lines(), ""]
    return lines


def _timed(function, *args) -> float:
    started = time.perf_counter()
    function(*args)
    return time.perf_counter() - started


def main() -> int:
    scratch = Path(tempfile.mkdtemp(prefix="medialit-bench-"))
    (scratch / "nltk").mkdir()
    os.environ.update(
        MEDIALIT_WORK=str(scratch / "work"),
        NLTK_DATA=str(scratch / "nltk"),
        PYTHONPATH=str(ROOT / "tests" / "support" / "offline"),
    )
    os.environ.pop("MEDIALIT_STORY", None)
    lines = [f"Machine: {machine()}", ""]
    if "--accuracy" in sys.argv:
        print("\n".join(lines + accuracy_lines()))
        return 0
    lines.append(f"Import time: medialit {import_seconds('medialit') * 1000:.0f} ms, "
                 f"medialit.widgets {import_seconds('medialit.widgets') * 1000:.0f} ms (median of 5)")
    lines.append("")
    base_time, base_memory = measure(ROOT / "bench" / "baseline.ipynb")
    lines.append(f"Baseline notebook: {base_time:.2f} s, {base_memory:.0f} MB peak kernel memory")
    lines.append("")
    lines.append("| notebook | seconds | x baseline | peak MB | x baseline | within targets |")
    lines.append("|---|---|---|---|---|---|")
    failures = 0
    notebooks = sorted(p for p in (ROOT / "notebooks").rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts)
    for path in notebooks:
        seconds, memory = measure(path)
        time_ratio, memory_ratio = seconds / base_time, memory / base_memory
        ok = time_ratio <= TIME_TARGET and memory_ratio <= MEMORY_TARGET
        failures += not ok
        lines.append(
            f"| {path.relative_to(ROOT / 'notebooks')} | {seconds:.2f} | {time_ratio:.2f} | {memory:.0f} | "
            f"{memory_ratio:.2f} | {'yes' if ok else 'NO'} |"
        )
    lines.append("")
    lines.append(f"Targets: time <= {TIME_TARGET}x and memory <= {MEMORY_TARGET}x the baseline.")
    lines.append("")
    lines.append("| analysis | seconds | target |")
    lines.append("|---|---|---|")
    for name, seconds, target in analysis_timings():
        failures += seconds > target
        lines.append(f"| {name} | {seconds:.3f} | < {target} s{'' if seconds <= target else ' (MISSED)'} |")
    lines += ["", "## Accuracy on the shared real-world sets, and robustness timings", "", *accuracy_lines()]
    report = "\n".join(lines)
    print(report)
    out = ROOT / "bench" / "results"
    out.mkdir(exist_ok=True)
    (out / "latest.md").write_text(report + "\n")
    print(f"\n{failures} measurement(s) outside their targets. Table written to {out / 'latest.md'}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
