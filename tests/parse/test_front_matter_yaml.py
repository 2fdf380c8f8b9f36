"""Front-matter YAML: the libyaml fast path reads exactly what the pure loader reads."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest
import yaml

from pressrelease.parse import front_matter as yamlload

ROOT = Path(__file__).resolve().parents[2]
fast_only = pytest.mark.skipif(yamlload.FastLoader is None, reason="PyYAML built without libyaml")


def outcome(load: Any, text: str) -> tuple[Any, ...]:
    """What a loader makes of ``text``: the data and key positions, or the error and its position."""
    try:
        node, data = load(text)
    except yaml.MarkedYAMLError as error:
        mark, context = error.problem_mark, error.context_mark
        return (
            "error",
            type(error).__name__,
            error.problem,
            mark and (mark.line, mark.column),
            context and (context.line, context.column),
        )
    except (yaml.YAMLError, RecursionError, ValueError, TypeError) as error:
        return ("error", type(error).__name__, str(error))
    keys = (
        [(k.value, k.start_mark.line, k.start_mark.column) for k, _ in node.value]
        if node is not None and isinstance(node, yaml.MappingNode)
        else None
    )
    return ("ok", repr(data), keys)


def pure(text: str) -> tuple[yaml.Node | None, Any]:
    return yamlload._load(yamlload.PureLoader, text)


def front_matters() -> list[str]:
    found = []
    for path in sorted([*ROOT.glob("examples/*.md"), *ROOT.glob("tests/fixtures/releases/*.md")]):
        text = path.read_text(encoding="utf-8")
        if text.startswith("---\n") and "\n---" in text[3:]:
            found.append(text[4 : text.index("\n---", 3) + 1])
    return found


def test_the_fixtures_have_front_matter_to_mutate() -> None:
    assert len(front_matters()) >= 10


def test_every_front_matter_reads_the_same_as_with_the_pure_loader() -> None:
    for text in front_matters():
        assert outcome(yamlload.load, text) == outcome(pure, text)


PIECES = [*":-[]{}'\"#&*!|>,? \n%@`\\", "  ", "\n  ", "\n- ", "\t", "\ufeff", "\x07", "é", "? ", ": ", "&a ", "*a"]
PIECES += ["!!python/name:os.system ", "2024-13-45", "---\n", "[a?]"]


def test_mutated_front_matter_reads_the_same_as_with_the_pure_loader() -> None:
    """Data, key lines and columns, and errors with their positions: libyaml must change none of them."""
    rnd = random.Random(20261127)
    for text in front_matters():
        for _ in range(120):
            chars = list(text)
            for _ in range(rnd.randint(1, 5)):
                at = rnd.randrange(len(chars) + 1)
                if rnd.random() < 0.6:
                    chars.insert(at, rnd.choice(PIECES))
                elif chars:
                    del chars[min(at, len(chars) - 1)]
            mutated = "".join(chars)
            assert outcome(yamlload.load, mutated) == outcome(pure, mutated), mutated


@pytest.mark.parametrize(
    "text",
    [
        "tags: [Q&A, why?]\n",  # libyaml takes '?' in a flow scalar; the pure scanner does not
        "title: a\tb\n",  # likewise a tab inside a plain scalar
        "title: T\nx: &a [1]\ny: *a\n",
        "x: *nowhere\n",
        "x: !!python/object/apply:os.system [echo]\n",
    ],
)
def test_what_libyaml_reads_differently_goes_to_the_pure_loader(text: str) -> None:
    assert outcome(yamlload.load, text) == outcome(pure, text)
    assert outcome(yamlload.load, text)[0] == "error"


@fast_only
def test_fast_path_refuses_an_alias_bomb_before_constructing_it() -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for name, prev in zip("bcdefghijklmnopq", "abcdefghijklmnop", strict=True):
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    loader = yamlload.FastLoader("\n".join(lines) + "\n")
    try:
        node = loader.get_single_node()
    finally:
        loader.dispose()
    with pytest.raises(yamlload._Refused):
        yamlload._check(node)  # 9**16 leaves if expanded: this returns at once or never
    with pytest.raises(yaml.MarkedYAMLError, match="aliases"):
        yamlload.load("\n".join(lines) + "\n")


@fast_only
def test_a_good_front_matter_is_read_by_libyaml(monkeypatch: pytest.MonkeyPatch) -> None:
    """The speed-up is real: an ordinary front matter never reaches the pure loader."""

    def refuse(*args: object) -> None:
        raise AssertionError("the pure loader was used")

    monkeypatch.setattr(yamlload, "PureLoader", refuse)
    node, data = yamlload.load(front_matters()[0])
    assert isinstance(node, yaml.MappingNode) and "title" in data
