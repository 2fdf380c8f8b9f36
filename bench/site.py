"""Site benchmarks: how long ``pressrelease site`` takes on a large newsroom.

    .venv/bin/python bench/site.py              # 1,000 releases
    .venv/bin/python bench/site.py --count 200  # a quicker look

Four figures, each against its target (the newsroom issue):

1. a first build of N releases (copies of the examples with distinct titles and
   slugs, no PDFs) with ``-j 2``, search index included, wall time with start-up;
2. a rebuild with nothing changed;
3. a rebuild after one release changed, three times (another release each time:
   the first rebuild after a first build, then two more as an editor would make);
4. ``preview``: from saving a release to the reloaded page holding the change (the
   save, the file event, the server-sent ``reload``, the page fetched again), the
   median of ten saves of the seed release.

Not a test: timings depend on the machine and on what else runs.
"""

from __future__ import annotations

import argparse
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CLI = [sys.executable, "-m", "pressrelease"]
NOW = "2090-01-01T00:00:00+00:00"  # every embargo has lifted


def make_releases(folder: Path, count: int) -> list[Path]:
    """``count`` releases: the examples in turn, each with its own title and slug.

    Each copy moves its year by a multiple of 28 (the calendar repeats, so every
    weekday the text names stays right and the copy lints as clean as the example).
    """
    examples = sorted((ROOT / "examples").glob("*.md"))
    (folder / "pressrelease.toml").write_text((ROOT / "examples" / "pressrelease.toml").read_text())
    made = []
    for index in range(count):
        text = examples[index % len(examples)].read_text()
        year = int(re.search(r"(?m)^date: (\d{4})", text).group(1))  # type: ignore[union-attr]
        shift = 28 * (index // len(examples) % 6 - 3)
        text = text.replace(str(year), str(year + shift))
        text = re.sub(r"(?m)^title: (.*)$", rf"title: \1 (No. {index})", text, count=1)
        text = re.sub(r"(?m)^slug: .*\n", "", text, count=1)
        text = text.replace("\ntitle:", f"\nslug: copy-{index:04d}\ntitle:", 1)
        text = re.sub(r"(?m)^embargo: .*\n", "", text, count=1)
        path = folder / f"release-{index:04d}.md"
        path.write_text(text)
        made.append(path)
    return made


def timed(command: list[str]) -> tuple[float, str]:
    """Wall seconds of a command, and a line with its CPU seconds (its own and its
    children's: the workers and Pagefind), the kernel's part of them, and what it
    printed. On a busy machine the CPU figure shows what a quiet one's wall time would
    be for one process; a large kernel part is the file system at work (see the README)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    system = after.ru_stime - before.ru_stime
    cpu = after.ru_utime - before.ru_utime + system
    if done.returncode not in (0, 1):
        raise SystemExit(f"failed ({done.returncode}): {done.stderr.strip()}")
    return seconds, f"CPU {cpu:.2f} s, system {system:.2f} s; {done.stdout.strip()}"


def preview_latency(saves: int = 10) -> float:
    """Median seconds from a save to the new page, through a real server and event stream."""
    import http.client
    import shutil
    import statistics
    import threading

    from pressrelease.preview import Previewer, server

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for name in ("iom-minsk-2024-07-19.md", "pressrelease.toml"):
            shutil.copy(ROOT / "examples" / name, folder / name)
        release = folder / "iom-minsk-2024-07-19.md"
        previewer = Previewer((folder,))
        httpd = server(previewer)
        threading.Thread(target=httpd.serve_forever, daemon=True).start()
        threading.Thread(target=previewer.watch, daemon=True).start()
        port = httpd.server_address[1]
        events = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        events.request("GET", "/events")
        stream = events.getresponse()
        stream.readline()
        time.sleep(0.5)  # the watcher is up
        text = release.read_text()
        times = []
        for number in range(saves):
            marker = f"Minsk (save {number})"
            started = time.perf_counter()
            release.write_text(text.replace("held in Minsk", f"held in {marker}", 1))
            while stream.readline() != b"event: reload\n":
                pass
            page = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            page.request("GET", "/r/iom-minsk-2024-07-19.md")
            body = page.getresponse().read().decode()
            times.append(time.perf_counter() - started)
            assert marker in body, "the page did not show the change"
            time.sleep(0.3)  # let the event of this save settle before the next
        previewer.stop.set()
        httpd.shutdown()
        return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=1000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "releases"
        source.mkdir()
        releases = make_releases(source, args.count)
        output = Path(tmp) / "public"
        command = [
            *CLI,
            "site",
            str(source),
            "-o",
            str(output),
            "-j",
            "2",
            "--now",
            NOW,
            "--base-url",
            "https://n.example.org/",
        ]
        first, said = timed(command)
        print(f"first build, {args.count} releases, -j 2: {first:.2f} s  ({said})")
        unchanged, said = timed(command)
        print(f"rebuild, nothing changed:               {unchanged:.2f} s  ({said})")
        changed = []
        for one in (releases[len(releases) // 2], releases[len(releases) // 3], releases[len(releases) // 5]):
            one.write_text(one.read_text().replace("(No. ", "(Number "))
            seconds, said = timed(command)
            changed.append(seconds)
            print(f"rebuild, one release changed:           {seconds:.2f} s  ({said})")
    latency = preview_latency()
    print(f"preview, save to reloaded page:         {latency * 1000:.0f} ms (median of 10)")
    targets = [
        ("first build < 15 s", first < 15.0),
        ("one-change rebuild < 1.5 s (the slowest of three)", max(changed) < 1.5),
        ("preview reload < 500 ms", latency < 0.5),
    ]
    for name, met in targets:
        print(f"  {name}: {'met' if met else 'MISSED'}")


if __name__ == "__main__":
    main()
