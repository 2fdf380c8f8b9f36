"""Front-matter YAML: composed and constructed safely, with libyaml when it is there.

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

from typing import Any

import yaml

from ..model import Span, Written


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
