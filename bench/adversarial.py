"""Time every command on repetitive inputs a careless paste can produce (issue 16).

Each payload is a repetition (the word "said" thousands of times, a run of
backticks, a label followed by a mile of spaces, ...) placed inside an otherwise
normal release (``examples/uk-gov-flood-funding.md``) at four sizes, each twice the
one before, and each command runs on each size under a wall-clock kill, so a
runaway pattern shows as ``>30s`` instead of hanging the benchmark. The table gives
the wall time per size and the largest growth ratio per doubling: linear code
doubles (2x), quadratic code quadruples (4x); the target is at most 2.5x per
doubling and under 5 s for every input up to 1 MB. Once a command is killed on a
size, the larger sizes of that payload are not tried for that command.

Commands: ``lint --no-cache``, ``inspect``, ``build --to html,txt --force`` (``--pdf``
adds a PDF build) and ``import`` of the same text as a ``.txt`` file (as HTML for
the link payload). Config payloads go into ``pressrelease.toml`` beside the release.

    python bench/adversarial.py [--max-size 1000000] [--kill 30] [--only said,backticks]
"""

from __future__ import annotations

import argparse
import itertools
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RELEASE = ROOT / "examples" / "uk-gov-flood-funding.md"
CONFIG = ROOT / "examples" / "pressrelease.toml"
LEDE_PLACE = "LONDON, 26 March 2026"
BODY_PLACE = "\nThe funding is the first allocation"
CONTACT_PLACE = "\nOut of hours:"
TARGET_GROWTH = 2.5
TARGET_SECONDS = 5.0


def repeat(unit: str, size: int) -> str:
    """``unit`` repeated to about ``size`` bytes of UTF-8."""
    return unit * max(1, size // len(unit.encode("utf-8")))


@dataclass(frozen=True)
class Payload:
    """One repetition shape: where it goes (body, lede, contact, config) and how it grows."""

    name: str
    where: str
    make: Callable[[int], str]
    html: bool = False  # import it as a web page rather than text


PAYLOADS = [
    Payload("said", "body", lambda n: repeat("said ", n)),
    Payload("backticks", "body", lambda n: "a " + "`" * n),
    Payload("backtick-pairs", "body", lambda n: repeat("`a`` ", n)),
    Payload("said-the", "body", lambda n: repeat("said the ", n)),
    Payload("names-before-said", "body", lambda n: repeat("Ann Lee, Bo Park, ", n) + "said."),
    Payload("capitals-before-said", "body", lambda n: repeat("Ann ", n) + "said."),
    Payload("long-word-before-date", "lede", lambda n: "a" * n + " "),
    Payload("words-before-date", "lede", lambda n: repeat("word ", n)),
    Payload("open-quotes", "body", lambda n: repeat("\u201c", n)),
    Payload("straight-quotes", "body", lambda n: repeat('"', n)),
    Payload("quoted-bang", "body", lambda n: repeat('"!" ', n)),
    Payload("quoted-words", "body", lambda n: repeat("\u201cword\u201d ", n)),
    Payload("given-quotes", "body", lambda n: repeat("Ann Lee called \u201ca good word\u201d ", n)),
    Payload("open-quote-words", "body", lambda n: repeat("\u201cword ", n)),
    Payload("www", "body", lambda n: "w" * n),
    Payload("www-dots", "body", lambda n: repeat("www.", n)),
    Payload("at-signs", "body", lambda n: repeat("a@", n)),
    Payload("digits-body", "body", lambda n: "1" * n),
    Payload("digits-contact", "contact", lambda n: "Tel: " + "1" * n),
    Payload("digit-groups-contact", "contact", lambda n: "Tel: " + repeat("12 ", n)),
    Payload("label-spaces", "contact", lambda n: "Email:" + " " * n + "x"),
    Payload("label-spaces-body", "body", lambda n: "Contact:" + " " * n + "x"),
    Payload("spaces", "body", lambda n: "a" + " " * n + "b"),
    Payload("dots", "body", lambda n: "." * n),
    Payload("commas", "body", lambda n: repeat("a, ", n)),
    Payload("dates", "body", lambda n: repeat("26 March 2026 ", n)),
    Payload("han-weekday-dates", "body", lambda n: repeat("星期四，2026年3月26日 周四（3月26日）", n)),
    Payload("links", "body", lambda n: repeat("[link](https://example.org/a) ", n), html=True),
    Payload("headings", "body", lambda n: repeat("\n# Heading\n", n)),
    Payload("list-items", "body", lambda n: repeat("\n- item", n)),
    Payload(
        "wrapped-lines", "body", lambda n: repeat("a line of a pasted email hard-wrapped at seventy columns, as\n", n)
    ),
    Payload("table-rows", "body", lambda n: "| a | b |\n| --- | --- |\n" + repeat("| 1 | 2 |\n", n)),
    Payload("short-lines", "body", lambda n: repeat("word\n", n)),
    Payload("run-together", "body", lambda n: repeat("It rained.   ", n)),
    Payload("nested-divs", "body", lambda n: repeat("<div>", n), html=True),
    Payload("dated-paragraphs", "body", lambda n: repeat("On Friday, 1 May 2026 it rained.\n\n", n)),
    Payload("placeholders", "body", lambda n: repeat("[INSERT NAME] ", n)),
    Payload("open-placeholders", "body", lambda n: repeat("[insert ", n)),
    Payload("capitals", "body", lambda n: repeat("ABC ", n)),
    Payload("brackets", "body", lambda n: repeat("(", n)),
    Payload("config-unknown-keys", "config", lambda n: "".join(f"key{i} = 1\n" for i in range(n // 11))),
    Payload("config-nested", "config", lambda n: "x = " + "[" * (n // 2) + "]" * (n // 2) + "\n"),
]


def release_with(payload: Payload, size: int) -> tuple[str, str]:
    """(release text, config text) with the payload of ``size`` bytes in its place."""
    text = RELEASE.read_text(encoding="utf-8")
    config = CONFIG.read_text(encoding="utf-8")
    blob = payload.make(size)
    if payload.where == "config":
        config = blob + "\n" + config
    elif payload.where == "lede":
        text = text.replace(LEDE_PLACE, "LONDON, " + blob + LEDE_PLACE.removeprefix("LONDON, "), 1)
    elif payload.where == "contact":
        text = text.replace(CONTACT_PLACE, "\n" + blob + CONTACT_PLACE, 1)
    else:
        text = text.replace(BODY_PLACE, "\n" + blob + "\n" + BODY_PLACE, 1)
    return text, config


def importable(payload: Payload, text: str) -> tuple[str, str]:
    """(file name, content) for ``import``: the release's body as text, or as a web page."""
    body = text.split("\n---\n", 1)[-1]
    if not payload.html:
        return "release.txt", "Flood funding announced\n\n" + body
    paragraphs = "".join(
        "<p>" + p.replace("[link](https://example.org/a)", '<a href="https://example.org/a">link</a>') + "</p>\n"
        for p in body.split("\n\n")
    )
    return "release.html", f"<html><head><title>Flood funding</title></head><body>{paragraphs}</body></html>"


def commands(exe: str, pdf: bool) -> dict[str, list[str]]:
    formats = "html,txt,pdf" if pdf else "html,txt"
    return {
        "lint": [exe, "lint", "--no-cache", "release.md"],
        "inspect": [exe, "inspect", "release.md"],
        "build": [exe, "build", "--to", formats, "--force", "-j", "1", "-o", "out", "release.md"],
        "import": [exe, "import", "--force", "-o", "imported.md", "IMPORT"],
    }


def run(command: list[str], cwd: Path, kill: float) -> tuple[float | None, int | None, str]:
    """(wall seconds or None if killed, exit code, last line of standard error)."""
    start = time.perf_counter()
    try:
        done = subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=kill)
    except subprocess.TimeoutExpired:
        return None, None, ""
    lines = done.stderr.strip().splitlines()
    last = lines[-1] if lines else ""
    if "Traceback (most recent call last)" in done.stderr:
        last = "TRACEBACK " + last
    return time.perf_counter() - start, done.returncode, last


def fmt(seconds: float | None, kill: float) -> str:
    return f">{kill:.0f}s" if seconds is None else f"{seconds:.2f}"


def growth(times: list[float | None]) -> str:
    """The largest ratio between a size and the one before; ``-`` if a run was killed."""
    ratios = [b / a for a, b in itertools.pairwise(times) if a and b]
    if any(t is None for t in times):
        return "-"
    return f"{max(ratios):.1f}x" if ratios else ""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--exe", default=str(Path(sys.executable).with_name("pressrelease")))
    parser.add_argument("--max-size", type=int, default=1_000_000, help="bytes of payload at 8x")
    parser.add_argument("--kill", type=float, default=30.0, help="wall seconds before a run is killed")
    parser.add_argument("--only", default="", help="comma-separated payload names")
    parser.add_argument("--commands", default="lint,inspect,build,import")
    parser.add_argument("--pdf", action="store_true", help="add PDF to the build")
    parser.add_argument("--verbose", action="store_true", help="print each run's exit code and last error line")
    args = parser.parse_args(argv)
    wanted = {n for n in args.only.split(",") if n}
    chosen = [p for p in PAYLOADS if not wanted or p.name in wanted]
    sizes = [args.max_size // 8 * k for k in (1, 2, 4, 8)]
    names = [c for c in args.commands.split(",") if c]
    table = commands(args.exe, args.pdf)
    print(
        f"# {os.cpu_count()} CPUs, load {os.getloadavg()[0]:.1f}; sizes {', '.join(f'{s // 1000} KB' for s in sizes)}"
    )
    print("| payload | command | " + " | ".join(f"{s // 1000} KB" for s in sizes) + " | growth | ok |")
    print("| --- | --- | " + " | ".join("---:" for _ in sizes) + " | ---: | --- |")
    failures = 0
    for payload in chosen:
        results: dict[str, list[float | None]] = {c: [] for c in names}
        crashed: set[str] = set()
        for size in sizes:
            text, config = release_with(payload, size)
            with tempfile.TemporaryDirectory(prefix="pr-adversarial-") as tmp:
                folder = Path(tmp)
                (folder / "release.md").write_text(text, encoding="utf-8")
                (folder / "pressrelease.toml").write_text(config, encoding="utf-8")
                import_name, import_text = importable(payload, text)
                (folder / import_name).write_text(import_text, encoding="utf-8")
                for name in names:
                    if results[name] and results[name][-1] is None:
                        results[name].append(None)  # killed at a smaller size: skip
                        continue
                    command = [import_name if part == "IMPORT" else part for part in table[name]]
                    seconds, code, last = run(command, folder, args.kill)
                    results[name].append(seconds)
                    if last.startswith("TRACEBACK") or code not in (None, 0, 1, 2):
                        crashed.add(name)
                    if args.verbose:
                        print(f"  {payload.name} {size} {name}: {fmt(seconds, args.kill)} exit={code} {last[:120]}")
                    shutil.rmtree(folder / "out", ignore_errors=True)
        for name in names:
            times = results[name]
            ratio = growth(times)
            ok = all(t is not None and t < TARGET_SECONDS for t in times) and (
                ratio == "" or float(ratio.rstrip("x")) <= TARGET_GROWTH
            )
            verdict = "**traceback**" if name in crashed else "yes" if ok else "**no**"
            failures += verdict != "yes"
            cells = " | ".join(fmt(t, args.kill) for t in times)
            print(f"| {payload.name} | {name} | {cells} | {ratio} | {verdict} |", flush=True)
    print(
        f"# {failures} payload/command pairs miss the target (<= {TARGET_GROWTH}x per doubling, < {TARGET_SECONDS:.0f} s)"
    )
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
