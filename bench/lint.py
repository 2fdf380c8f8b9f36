"""Time ``pressrelease lint`` against markdownlint-cli2 and proselint, side by side.

500 releases (copies of examples/*.md with their config) go into a temporary
folder; each tool lints all of them, several times, taking turns with the others
(a round runs each command once, so a machine that slows down mid-benchmark slows
every tool alike), and the median wall time is reported with its ratio to ours.
One file is timed too, interpreter start-up included. Ours runs twice: with ``--no-cache`` (every file parsed and linted: the
figure the targets are judged on) and with its cache warm (filled by the untimed
first run, as on a repeated CI run). Targets (issue 3): under 1/3 of markdownlint-cli2 and 1/8 of proselint
on the 500 files; one file under 250 ms.

The other tools are bench-only, never project dependencies: markdownlint-cli2 is
installed with npm and proselint into its own venv, both under
``$XDG_CACHE_HOME/pressrelease-bench`` (``~/.cache``) on first use.

    python bench/lint.py [--files 500] [--runs 5] [--skip-others]
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OURS = "pressrelease lint --no-cache"
OURS_WARM = "pressrelease lint, cache warm"
EXAMPLES = ROOT / "examples"
CACHE = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "pressrelease-bench"


def distinct(text: str, number: int) -> str:
    """``text`` with `` Ref {number}.`` after each long prose line of the body.

    Copies of five files repeat the same paragraphs a hundred times, and a tool that
    caches anything by text (ours caches masked paragraphs, links and quotation
    scans within a run) is served each paragraph from the first copy. Distinct
    copies measure the work a corpus of different releases costs.
    """
    head, sep, body = text.partition("\n---\n")
    lines = []
    for line in body.split("\n"):
        stripped = line.strip()
        if len(stripped) > 20 and not stripped.startswith(("#", "|", "---", "<!--")):
            line += f" Ref {number}."
        lines.append(line)
    return head + sep + "\n".join(lines)


def corpus(folder: Path, count: int, different: bool = False, examples: Path = EXAMPLES) -> list[Path]:
    """``count`` copies of the releases in ``examples`` in ``folder``, with their config.

    ``examples`` other than this checkout's keeps one mix of releases for figures
    taken months apart (``--examples`` with an older commit's ``examples/``).
    """
    sources = sorted(examples.glob("*.md"))
    shutil.copy(examples / "pressrelease.toml", folder / "pressrelease.toml")
    files = []
    for i in range(count):
        source = sources[i % len(sources)]
        target = folder / f"{i:04}-{source.name}"
        text = source.read_text(encoding="utf-8")
        target.write_text(distinct(text, i) if different else text, encoding="utf-8")
        files.append(target)
    return files


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _run_once(command: Sequence[str], cwd: Path, env: dict[str, str]) -> tuple[float, float, int]:
    cpu = _children_cpu()
    start = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start, _children_cpu() - cpu, done.returncode


def timed(
    commands: Sequence[Sequence[str]], cwd: Path, env: dict[str, str], runs: int
) -> list[tuple[float, float, int]]:
    """(median wall seconds, median CPU seconds, last exit code) of each command.

    Each command runs once untimed (warm-up), then the commands take turns, ``runs``
    rounds of one run each: a machine that slows down or speeds up during the
    benchmark (other sessions share it) then slows every tool alike, instead of
    whichever happened to be timed at the time. CPU time (user + system, all
    processes of the run) is reported beside wall time for the same reason.
    """
    for command in commands:
        _run_once(command, cwd, env)
    walls: list[list[float]] = [[] for _ in commands]
    cpus: list[list[float]] = [[] for _ in commands]
    codes = [0] * len(commands)
    for _ in range(runs):
        for i, command in enumerate(commands):
            wall, cpu, codes[i] = _run_once(command, cwd, env)
            walls[i].append(wall)
            cpus[i].append(cpu)
    return [(statistics.median(w), statistics.median(c), code) for w, c, code in zip(walls, cpus, codes, strict=True)]


def markdownlint() -> list[str] | None:
    """The markdownlint-cli2 command, installed with npm on first use."""
    found = shutil.which("markdownlint-cli2")
    if found:
        return [found]
    binary = CACHE / "npm" / "node_modules" / ".bin" / "markdownlint-cli2"
    if not binary.exists():
        if not shutil.which("npm"):
            return None
        print("installing markdownlint-cli2 with npm (bench only) ...", file=sys.stderr)
        done = subprocess.run(
            ["npm", "install", "--prefix", str(CACHE / "npm"), "markdownlint-cli2"], capture_output=True
        )
        if done.returncode != 0:
            return None
    return [str(binary)]


def proselint() -> list[str] | None:
    """The proselint command, installed into its own venv on first use."""
    binary = CACHE / "venv" / "bin" / "proselint"
    if not binary.exists():
        print("installing proselint into a bench-only venv ...", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "venv", str(CACHE / "venv")], check=True)
        done = subprocess.run([str(CACHE / "venv" / "bin" / "pip"), "install", "-q", "proselint"], capture_output=True)
        if done.returncode != 0:
            return None
    return [str(binary)]


def version(command: list[str]) -> str:
    flag = ["version"] if command[0].endswith("proselint") else ["--version"]  # proselint 0.16: a subcommand
    try:
        done = subprocess.run([*command, *flag], capture_output=True, text=True, timeout=60)
    except OSError:
        return "?"
    text = (done.stdout or done.stderr).strip().splitlines()
    return text[0] if text else "?"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=500)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--skip-others", action="store_true", help="time pressrelease only")
    parser.add_argument("--distinct", action="store_true", help="make every copy different (see distinct())")
    parser.add_argument("--skip-warm", action="store_true", help="time pressrelease without its cache only")
    parser.add_argument(
        "--examples", type=Path, default=EXAMPLES, help="the releases to copy (a folder with pressrelease.toml)"
    )
    args = parser.parse_args(argv)

    ours = [str(Path(sys.executable).with_name("pressrelease"))]
    # Bytecode as an installed package has it: this environment sets
    # PYTHONDONTWRITEBYTECODE, which would time compiling our sources on every run.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["NO_COLOR"] = "1"
    with tempfile.TemporaryDirectory(prefix="pressrelease-bench-") as tmp:
        folder = Path(tmp)
        env["PYTHONPYCACHEPREFIX"] = str(folder / ".pycache")
        (folder / "releases").mkdir()
        files = corpus(folder / "releases", args.files, args.distinct, args.examples)
        names = [f.name for f in files]
        one = [files[0].name]
        cases: list[tuple[str, list[str], int]] = []  #: (label, command line, files)

        def add(label: str, command: list[str], targets: list[str], count: int) -> None:
            cases.append((label, [*command, *targets], count))

        # Cold: --no-cache, every file parsed and linted. Warm: the cache (in this
        # temporary folder) filled by the untimed first run, as on a second CI run.
        env["PRESSRELEASE_CACHE_DIR"] = str(folder / "cache")
        cold = [*ours, "lint", "--no-cache", "--format", "concise"]
        add(OURS, cold, ["."], len(files))
        add(OURS, cold, one, 1)
        if not args.skip_warm:
            warm = [*ours, "lint", "--format", "concise"]
            add(OURS_WARM, warm, ["."], len(files))
            add(OURS_WARM, warm, one, 1)
        others: dict[str, list[str] | None] = {}
        if not args.skip_others:
            others = {"markdownlint-cli2": markdownlint(), "proselint": proselint()}
            mdl = others["markdownlint-cli2"]
            if mdl:
                add("markdownlint-cli2", mdl, names, len(names))
                add("markdownlint-cli2", mdl, one, 1)
            prose = others["proselint"]
            if prose:
                add("proselint", [*prose, "check"], names, len(names))
                add("proselint", [*prose, "check"], one, 1)
        measured = timed([command for _, command, _ in cases], folder / "releases", env, args.runs)
        rows = [
            (label, count, wall, cpu, code)
            for (label, _, count), (wall, cpu, code) in zip(cases, measured, strict=True)
        ]

    try:
        load = " / ".join(f"{x:.1f}" for x in os.getloadavg())
    except OSError:
        load = "?"
    kind = "distinct releases" if args.distinct else "releases (copies of the examples)"
    print(f"{args.files} {kind}, median of {args.runs} interleaved runs, {os.cpu_count()} CPUs, load average {load}")
    print(f"python {sys.version.split()[0]}; " + "; ".join(f"{k}: {version(v)}" for k, v in others.items() if v))
    print()
    ours_by_count = {count: (wall, cpu) for label, count, wall, cpu, _ in rows if label == OURS}
    warm_by_count = {count: (wall, cpu) for label, count, wall, cpu, _ in rows if label == OURS_WARM}
    print(
        "| tool | files | wall (s) | CPU (s) | wall ms/file | wall vs ours, no cache | CPU vs ours, no cache | exit |"
    )
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for label, count, wall, cpu, code in rows:
        base_wall, base_cpu = ours_by_count[count]
        print(
            f"| {label} | {count} | {wall:.3f} | {cpu:.3f} | {wall * 1000 / count:.1f} | "
            f"{wall / base_wall:.2f}x | {cpu / base_cpu:.2f}x | {code} |"
        )
    print()
    for name, by_count in (("no cache", ours_by_count), ("cache warm", warm_by_count)):
        many = by_count.get(len(files))
        for label, target in (("markdownlint-cli2", 3), ("proselint", 8)):
            theirs = [(w, c) for lab, count, w, c, _ in rows if lab == label and count == len(files)]
            if theirs and many:
                (w, c) = theirs[0]
                verdict = "met" if many[0] < w / target else "MISSED"
                print(
                    f"pressrelease ({name}) / {label} on {len(files)} files: wall {many[0] / w:.3f}, "
                    f"CPU {many[1] / c:.3f} (target < 1/{target} = {1 / target:.3f}: {verdict})"
                )
        if 1 in by_count:
            wall = by_count[1][0] * 1000
            verdict = "met" if wall < 250 else "MISSED"
            print(
                f"pressrelease ({name}), one file, start-up included: {wall:.0f} ms wall (target < 250 ms: {verdict})"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
