"""Front-matter YAML: split from the body, composed and constructed safely (with libyaml
when it is there), and every key's and value's position kept.

PyYAML's pure-Python loader costs about 4.7 ms per front matter, its libyaml
loader (``CSafeLoader``) about 0.7 ms. Both refuse what a release never needs:

- **Aliases** (``*name``): the pure loader refuses each one as it is composed. The C
  composer cannot be hooked, so its node graph is walked once before anything is
  constructed: an alias is the same node object reached twice, so a billion-laughs
  document is refused after composing its few distinct nodes, never expanded.
- **Tags outside the safe schema** (``!!python/...``): the safe constructor has no
  constructor for them and raises.

Anything the fast path does not accept (an alias, a syntax error, an unknown tag)
is loaded again with the pure loader, which raises exactly the error it always
raised, with the same message and position; so errors read the same with or
without libyaml, and a good document gives the same data and the same node marks.
"""

from __future__ import annotations

import re
from typing import Any

import frontmatter
import yaml

from ..model import FrontMatter, Problem, Span, Written


class PureLoader(yaml.SafeLoader):
    """A safe loader that refuses aliases: no alias bombs, and releases never need them."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()  # type: ignore[no-untyped-call]
            raise yaml.composer.ComposerError(
                None, None, "YAML aliases (*name) are not allowed in front matter", event.start_mark
            )
        return super().compose_node(parent, index)


def _timestamp(loader: Any, node: Any) -> Any:
    """``date: 2024-13-45`` stays text, so the field check reports it on its line (PR003)."""
    try:
        return yaml.constructor.SafeConstructor.construct_yaml_timestamp(loader, node)
    except ValueError:
        return loader.construct_scalar(node)


PureLoader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)

#: libyaml's parser and composer with the safe constructor of :class:`PureLoader`;
#: None when PyYAML was built without libyaml.
FastLoader: Any = None
if hasattr(yaml, "CSafeLoader"):
    FastLoader = type("FastLoader", (yaml.CSafeLoader,), {"__doc__": "libyaml, with the pure loader's constructor."})
    FastLoader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)


class _Refused(Exception):
    """The fast path does not take this document: the pure loader reads it instead."""


def _check(root: yaml.Node) -> None:
    """Walk the graph once (iteratively: no recursion limit) before constructing anything.

    A node met twice is an alias. A plain scalar with ``?`` inside a flow collection
    (``tags: [Q&A, why?]``) is text to libyaml but an error to the pure scanner, so
    it goes to the pure loader too.
    """
    seen: set[int] = set()
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, in_flow = stack.pop()
        if id(node) in seen:
            raise _Refused("alias")
        seen.add(id(node))
        if isinstance(node, yaml.ScalarNode):
            if in_flow and not node.style and "?" in node.value:  # plain: None, or "" from libyaml
                raise _Refused("'?' in a flow collection")
            continue
        if not isinstance(node, yaml.CollectionNode):
            continue
        flow = in_flow or bool(node.flow_style)
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                stack.append((key, flow))
                stack.append((value, flow))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend((item, flow) for item in node.value)


def _load(loader_class: Any, text: str) -> tuple[yaml.Node | None, Any]:
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        if node is not None and loader_class is not PureLoader and ("*" in text or "?" in text):
            _check(node)  # without '*' there is no alias, and without '?' nothing else to refuse
        data = loader.construct_document(node) if node is not None else None
    finally:
        loader.dispose()
    return node, data


def load(text: str) -> tuple[yaml.Node | None, Any]:
    """(root node, data) of one YAML document; raises what :class:`PureLoader` raises."""
    # libyaml takes tabs where the pure scanner refuses them, and counts a BOM
    # inside the text as a column: such documents go to the pure loader.
    if FastLoader is not None and "\t" not in text and "\ufeff" not in text:
        try:
            return _load(FastLoader, text)
        except (_Refused, yaml.YAMLError, RecursionError, ValueError, TypeError):
            pass  # read it again below, for the pure loader's own error and position
    return _load(PureLoader, text)


#: hex digits after a double-quoted escape letter (``\\x41``, ``\\u00e9``, ``\\U0001F600``)
_ESCAPE_DIGITS = {"x": 2, "u": 4, "U": 8}


def written(node: yaml.Node, lines: list[str], first_line: int) -> Written:
    """Where ``node`` is written, from its marks (``first_line``: the YAML's first line in the file).

    For a scalar on one line, where each character of its value comes from: the
    value ``Pallas's`` written ``'Pallas''s'`` has eight characters over nine columns.
    """
    start, end = node.start_mark, node.end_mark
    end_line, end_column = end.line, end.column
    if end_column == 0 and end_line > start.line:  # a block ends where the next line starts
        end_line -= 1
        end_column = len(lines[end_line]) if end_line < len(lines) else 0
    whole = Span(first_line + start.line, start.column + 1, first_line + end_line, end_column + 1)
    if not isinstance(node, yaml.ScalarNode) or end_line != start.line or start.line >= len(lines):
        return Written(whole)
    quoted = 1 if node.style in ("'", '"') else 0
    raw = lines[start.line][start.column + quoted : end_column - quoted]
    first = start.column + quoted + 1
    if raw == node.value:  # written character for character (no escape): the columns run on
        return Written(Span(whole.line, first, whole.line, first + len(raw)), exact=True)
    columns: list[int] = []
    index = 0
    while index < len(raw):
        columns.append(start.column + quoted + index + 1)
        if node.style == "'" and raw.startswith("''", index):
            index += 2
        elif node.style == '"' and raw[index] == "\\":
            index += 2 + _ESCAPE_DIGITS.get(raw[index + 1 : index + 2], 0)
        else:
            index += 1
    columns.append(start.column + quoted + index + 1)
    if len(columns) != len(node.value) + 1:
        return Written(whole)  # not read as expected: the value as a whole
    span = Span(whole.line, columns[0], whole.line, columns[-1])
    if columns[-1] - columns[0] == len(node.value):  # no escape after all: the columns run on
        return Written(span, exact=True)
    return Written(span, tuple(columns))


# -- the front matter of a release ---------------------------------------------------------


# python-frontmatter's YAMLHandler boundary: a line of three or more hyphens.
_HANDLER = frontmatter.YAMLHandler()  # type: ignore[attr-defined]
_FM_BOUNDARY: re.Pattern[str] = _HANDLER.FM_BOUNDARY  # a line of three or more hyphens


def _split(text: str) -> tuple[str | None, int, int, int, Problem | None]:
    """(YAML text, its first line, the closing ``---`` line, the body's offset, problem)."""
    if not _FM_BOUNDARY.match(text):
        return (
            None,
            1,
            1,
            0,
            Problem("PR001", "no front matter: start the file with a '---' line, then title and date", Span.point(1)),
        )
    try:
        _, fm, content = _FM_BOUNDARY.split(text, 2)
    except ValueError:
        return (
            None,
            1,
            max(1, text.count("\n")),
            len(text),
            Problem("PR001", "front matter is not closed: add a '---' line after it", Span.point(1)),
        )
    body_offset = len(text) - len(content)
    yaml_start = text.find(fm, 3) if fm else text.find("\n") + 1
    first_line = text.count("\n", 0, max(yaml_start, 0)) + 1
    # The YAML text runs from the end of the opening line to the start of the closing
    # one. (The body's offset is no guide: the boundary pattern leaves the closing
    # line's newline to the body, unless a blank line follows.)
    return fm, first_line, first_line + fm.count("\n"), body_offset, None


def read_front_matter(
    text: str,
) -> tuple[FrontMatter, int, list[Problem], dict[str, yaml.Node], dict[str, Span]]:
    """The front matter, the body's offset, problems, each key's value node, and ``key.child`` spans."""
    fm_text, first_line, closing_line, body_offset, problem = _split(text)
    problems = [problem] if problem else []
    whole = Span.lines(1, closing_line, 3)
    if fm_text is None:
        return FrontMatter({}, {}, whole, present=problem is None), body_offset, problems, {}, {}
    try:
        node, data = load(fm_text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        if (
            exc.context_mark is not None
            and exc.problem_mark is not None
            and exc.context_mark.line < exc.problem_mark.line
        ):
            # An unclosed '[' or quote is found where the text ends; the writer's
            # mistake is where the bracket or quote opened.
            mark = exc.context_mark
        line = first_line + (mark.line if mark else 0)
        column = (mark.column + 1) if mark else 1
        what = exc.problem or "invalid YAML"
        problems.append(Problem("PR001", f"YAML error in front matter: {what}", Span.point(line, column)))
        return FrontMatter({}, {}, whole), body_offset, problems, {}, {}
    except (yaml.YAMLError, RecursionError, ValueError, TypeError) as exc:
        problems.append(Problem("PR001", f"YAML error in front matter: {exc}", Span.point(first_line)))
        return FrontMatter({}, {}, whole), body_offset, problems, {}, {}
    if data is None:
        problems.append(Problem("PR001", "front matter is empty: it needs at least title and date", whole))
        return FrontMatter({}, {}, whole), body_offset, problems, {}, {}
    if not isinstance(data, dict) or not isinstance(node, yaml.MappingNode):
        problems.append(Problem("PR001", "front matter must be a mapping of keys to values", whole))
        return FrontMatter({}, {}, whole), body_offset, problems, {}, {}
    spans: dict[str, Span] = {}
    child_spans: dict[str, Span] = {}
    nodes: dict[str, yaml.Node] = {}
    lines = fm_text.split("\n")
    values: dict[str, Written] = {}
    items: dict[str, tuple[dict[str, Written], ...]] = {}
    for key_node, value_node in node.value:
        key = str(key_node.value)
        start = key_node.start_mark
        span = Span(first_line + start.line, start.column + 1, first_line + start.line, start.column + 1 + len(key))
        if key in spans:
            message = f"{key}: set twice (lines {spans[key].line} and {span.line}); the last one is used"
            problems.append(Problem("PR003", message, span))
        spans[key] = span
        nodes[key] = value_node
        values[key] = written(value_node, lines, first_line)
        if isinstance(value_node, yaml.MappingNode):  # one level down, for organization.logo
            for child, child_value in value_node.value:
                mark, name = child.start_mark, str(child.value)
                line = first_line + mark.line
                child_spans.setdefault(f"{key}.{name}", Span(line, mark.column + 1, line, mark.column + 1 + len(name)))
                values.setdefault(f"{key}.{name}", written(child_value, lines, first_line))
        elif isinstance(value_node, yaml.SequenceNode):  # contacts: each item's fields
            items[key] = tuple(
                {str(k.value): written(v, lines, first_line) for k, v in item.value}
                if isinstance(item, yaml.MappingNode)
                else {}
                for item in value_node.value
            )
    data = {str(k): v for k, v in data.items()}
    return FrontMatter(data, spans, whole, values=values, items=items), body_offset, problems, nodes, child_spans
