"""Build benchmarks: how long a press officer waits, and how big the PDF is.

    .venv/bin/python bench/build.py            # everything (about a minute)
    .venv/bin/python bench/build.py --quick    # fewer repeats
    .venv/bin/python bench/build.py --examples /tmp/old/examples   # another mix (an older commit's)

Four figures, each against its target (issue 4):

1. a warm in-process PDF render of the seed example (median after a first render);
2. a whole ``pressrelease build`` of the seed in four formats, wall time with start-up;
3. the size of the seed's PDF;
4. ``-j 1`` against ``-j 2`` on 40 releases (copies of the examples, distinct slugs).

Not a test: timings depend on the machine and on what else runs. It prints the
figures and whether each meets its target.
"""

from __future__ import annotations

import argparse
import math
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
SEED = EXAMPLES / "iom-minsk-2024-07-19.md"
CLI = [sys.executable, "-m", "pressrelease"]
TARGETS = {
    "warm PDF render (ms)": ("<", 150.0),
    "full build, 4 formats (s)": ("<", 2.5),
    "seed PDF size (KB)": ("<", 100.0),
    "-j 2 speed-up on 40 releases (x)": (">=", 1.6),
}


def median_of(runs: int, work: Callable[[], object]) -> tuple[float, float]:
    """(median wall seconds, median CPU seconds) of ``runs`` calls: this process's CPU
    and that of the children it waited for. CPU time is what a quiet machine's wall
    time would be for one process; it shows through a busy machine's noise."""
    walls, cpus = [], []
    for _ in range(runs):
        before = _cpu()
        start = time.perf_counter()
        work()
        walls.append(time.perf_counter() - start)
        cpus.append(_cpu() - before)
    return statistics.median(walls), statistics.median(cpus)


def _cpu() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def warm_pdf(runs: int) -> tuple[float, tuple[float, float], int]:
    """(first render s, warm median (wall, CPU) s, PDF bytes) in this process."""
    from pressrelease.build.processes import pdf_renderer
    from pressrelease.config import for_path
    from pressrelease.parse import parse_file

    release, config = parse_file(SEED), for_path(SEED)
    renderer = pdf_renderer()
    start = time.perf_counter()
    data = renderer.render(release, config)
    first = time.perf_counter() - start
    warm = median_of(runs, lambda: renderer.render(release, config))
    return first, warm, len(data)


def run_build(args: list[str]) -> None:
    subprocess.run([*CLI, "build", *args], check=True, capture_output=True, cwd=ROOT)


def full_build(runs: int, out: Path) -> tuple[float, float]:
    def once() -> None:
        shutil.rmtree(out, ignore_errors=True)
        run_build([str(SEED), "--to", "html,pdf,txt,eml", "-o", str(out)])

    return median_of(runs, once)


def corpus(folder: Path, count: int, examples: Path = EXAMPLES) -> None:
    """``count`` releases: the releases in ``examples`` over and over, each with its own slug.

    ``examples`` other than this checkout's keeps one mix of releases for figures
    taken at different commits (``--examples`` with an older commit's ``examples/``).
    """
    sources = sorted(examples.glob("*.md"))
    shutil.copy(examples / "pressrelease.toml", folder / "pressrelease.toml")
    for index in range(count):
        text = sources[index % len(sources)].read_text(encoding="utf-8")
        text = re.sub(r"^slug:.*\n", "", text, flags=re.MULTILINE)
        text = text.replace("\n---\n", f"\nslug: bench-{index:03}\n---\n", 1)
        (folder / f"bench-{index:03}.md").write_text(text, encoding="utf-8")


def parallel(count: int, runs: int, work: Path, examples: Path) -> dict[int, list[tuple[float, float, float]]]:
    """(wall, CPU, others' CPU) seconds of each ``-j 1`` and ``-j 2`` build, alternated
    so that a change in the machine's load falls on both alike; the median ratio of the
    walls is reported. Others' CPU is what the rest of the machine used meanwhile (Linux;
    NaN elsewhere): a run beside a busy neighbour is slower however good the pool."""
    source = work / "corpus"
    source.mkdir()
    corpus(source, count, examples)
    measured: dict[int, list[tuple[float, float, float]]] = {1: [], 2: []}
    for _ in range(runs):
        for jobs in (1, 2):
            out = work / f"out-j{jobs}"
            shutil.rmtree(out, ignore_errors=True)
            busy, cpu = _busy(), _cpu()
            start = time.perf_counter()
            run_build([str(source), "-o", str(out), "-j", str(jobs)])
            wall = time.perf_counter() - start
            used = _cpu() - cpu
            measured[jobs].append((wall, used, _busy() - busy - used))
            built = len(list(out.glob("*.pdf")))
            assert built == count, f"-j {jobs} built {built} of {count} PDFs"
    return measured


def _busy() -> float:
    """CPU seconds the whole machine has spent since boot (Linux), else NaN."""
    try:
        with open("/proc/stat", encoding="ascii") as stat:
            ticks = [int(field) for field in stat.readline().split()[1:8]]
    except OSError:
        return math.nan
    return (sum(ticks) - ticks[3] - ticks[4]) / os.sysconf("SC_CLK_TCK")  # all but idle and iowait


def verdict(name: str, value: float) -> str:
    op, target = TARGETS[name]
    ok = value < target if op == "<" else value >= target
    return f"{name:<34} {value:>8.2f}   target {op} {target:<6g} {'ok' if ok else 'MISSED'}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repeats")
    parser.add_argument("--releases", type=int, default=40)
    parser.add_argument(
        "--examples", type=Path, default=EXAMPLES, help="the releases to copy (a folder with pressrelease.toml)"
    )
    args = parser.parse_args()
    warm_runs, build_runs, pool_runs = (5, 1, 1) if args.quick else (10, 3, 3)

    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"machine: {os.cpu_count()} CPUs, load average {load}, Python {sys.version.split()[0]}")
    print("(a busy machine slows every figure, -j 2 most: rerun when it is quiet)")
    first, (warm, warm_cpu), size = warm_pdf(warm_runs)
    print(f"first in-process PDF render: {first * 1000:.0f} ms")
    print(f"warm PDF render: {warm * 1000:.0f} ms wall, {warm_cpu * 1000:.0f} ms CPU (median of {warm_runs})")
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        wall, cpu = full_build(build_runs, work / "seed")
        print(f"full build of the seed: {wall:.2f} s wall, {cpu:.2f} s CPU (median of {build_runs})")
        measured = parallel(args.releases, pool_runs, work, args.examples)
    ratios = [one[0] / two[0] for one, two in zip(measured[1], measured[2], strict=True)]
    print(f"{args.releases} releases, four formats (s: wall / CPU / others' CPU meanwhile):")
    for jobs, runs in measured.items():
        print(f"  -j {jobs}  " + ", ".join(f"{w:.2f} / {c:.2f} / {o:.2f}" for w, c, o in runs))
    print(f"load average after: {', '.join(f'{x:.1f}' for x in os.getloadavg())}")
    print()
    print(verdict("warm PDF render (ms)", warm * 1000))
    print(verdict("full build, 4 formats (s)", wall))
    print(verdict("seed PDF size (KB)", size / 1024))
    print(verdict("-j 2 speed-up on 40 releases (x)", statistics.median(ratios)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
