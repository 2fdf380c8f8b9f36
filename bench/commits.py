"""What each commit did to a one-file lint: its CPU time against its parent's, in turns.

``bench/lint.py`` compares the tool now with the tool then. Between the two, many
commits land, for different issues; this script says how much of a difference each
one made. For every revision named, the revision and its parent are checked out
into two temporary worktrees and their bytecode compiled. Then, round after round,
each runs ``pressrelease lint --no-cache --format concise`` on one copy of
``examples/ap-wire-product-launch.md`` with its config (the file ``bench/lint.py``
times alone), so that a machine that slows down slows both alike. The least CPU
time of the rounds (user plus system, interpreter start-up included) is reported
for each, with the difference, and the difference at the first quartile as a check.

Both run with this checkout's interpreter and dependencies (``.venv``), with the
worktree's ``src`` first on ``PYTHONPATH``: only the package's own code differs.
The script checks that each worktree's package is the one imported.

    python bench/commits.py [--rounds 21] REV [REV...]
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RELEASE = "ap-wire-product-launch.md"


def _git(*args: str) -> str:
    return subprocess.run(["git", "-C", str(ROOT), *args], check=True, capture_output=True, text=True).stdout.strip()


def _command(path: Path) -> list[str]:
    code = (
        "import sys; from pressrelease.cli import run; "
        f"sys.argv = ['pressrelease', 'lint', '--no-cache', '--format', 'concise', {str(path)!r}]; sys.exit(run())"
    )
    return [sys.executable, "-c", code]


class Tree:
    """One revision's package in a worktree, ready to run."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        _git("worktree", "add", "--detach", "--force", str(folder), "HEAD")
        self.env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        self.env["PYTHONPATH"] = str(folder / "src")

    def checkout(self, revision: str) -> None:
        subprocess.run(["git", "-C", str(self.folder), "checkout", "--quiet", "--detach", revision], check=True)
        subprocess.run([sys.executable, "-m", "compileall", "-q", str(self.folder / "src")], check=True, env=self.env)
        where = subprocess.run(
            [sys.executable, "-c", "import pressrelease; print(pressrelease.__file__)"],
            env=self.env,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        if not Path(where).is_relative_to(self.folder):
            raise SystemExit(f"{revision}: the package imported is {where}, not the worktree's")

    def cpu(self, path: Path) -> float:
        """CPU milliseconds of one lint of ``path``."""
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        subprocess.run(_command(path), env=self.env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        return (after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime) * 1000

    def remove(self) -> None:
        _git("worktree", "remove", "--force", str(self.folder))


def compare(revision: str, trees: tuple[Tree, Tree], release: Path, rounds: int) -> str:
    parent, child = trees
    parent.checkout(f"{revision}^")
    child.checkout(revision)
    for tree in trees:
        tree.cpu(release)  # untimed: the first run after a checkout reads files the others find cached
    before: list[float] = []
    after: list[float] = []
    for _ in range(rounds):
        before.append(parent.cpu(release))
        after.append(child.cpu(release))
    before.sort()
    after.sort()
    q1 = rounds // 4
    subject = textwrap.shorten(_git("log", "-1", "--format=%s", revision), 72, placeholder=" …")
    return (
        f"| {_git('rev-parse', '--short', revision)} | {before[0]:.1f} | {after[0]:.1f} | "
        f"{after[0] - before[0]:+.1f} | {after[q1] - before[q1]:+.1f} | {subject} |"
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("revisions", nargs="+", metavar="REV")
    parser.add_argument("--rounds", type=int, default=21)
    args = parser.parse_args(argv)
    print(f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f}; {args.rounds} rounds each")
    print("| commit | parent CPU ms (least) | commit CPU ms (least) | difference | at the first quartile | subject |")
    print("| --- | ---: | ---: | ---: | ---: | --- |")
    with tempfile.TemporaryDirectory(prefix="pressrelease-commits-") as temporary:
        folder = Path(temporary)
        release = folder / "release" / RELEASE
        release.parent.mkdir()
        shutil.copy(ROOT / "examples" / RELEASE, release)
        shutil.copy(ROOT / "examples" / "pressrelease.toml", release.parent / "pressrelease.toml")
        trees = (Tree(folder / "parent"), Tree(folder / "commit"))
        try:
            for revision in args.revisions:
                print(compare(revision, trees, release, args.rounds), flush=True)
        finally:
            for tree in trees:
                tree.remove()
    print(f"load average at the end {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
