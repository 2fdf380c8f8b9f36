"""How the commands read their parameters: coercion without pydantic, and what ``--help`` shows.

Typer 0.2x coerces every non-flag option through a pydantic ``TypeAdapter``:
importing pydantic and building the adapters costs about 0.2 s here, more than
reading and linting a release. The commands take only strings, paths, enums,
flags, whole and decimal numbers (with typer's ``min``, ``max`` and ``clamp``) and
lists of them, so :class:`LightCommand` coerces those itself, with pydantic's
messages word for word (a test compares the two). It touches typer internals
(``_runtime_param``); when they differ (another typer version) it changes nothing
and typer's own coercion runs.
"""

from __future__ import annotations

import types
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, Union, get_args, get_origin

import typer.core

try:  # typer >= 0.2x internals
    from typer._click.exceptions import BadParameter
    from typer._coercion import RuntimeParam
except ImportError:  # pragma: no cover - other typer versions: keep typer's coercion
    RuntimeParam = None  # type: ignore[assignment,misc]


def _strip_optional(annotation: Any) -> Any:
    if get_origin(annotation) in (Union, types.UnionType):
        rest = [a for a in get_args(annotation) if a is not type(None)]
        if len(rest) == 1:
            return rest[0]
    return annotation


def _leaf_ok(annotation: Any) -> bool:
    return annotation in (str, Path, bool, int, float) or (
        isinstance(annotation, type) and issubclass(annotation, Enum)
    )


def supported(annotation: Any) -> bool:
    """True for str, Path, bool, int, float, enums, their lists, optionally None."""
    annotation = _strip_optional(annotation)
    if get_origin(annotation) is list:
        (inner,) = get_args(annotation) or (None,)
        return _leaf_ok(_strip_optional(inner))
    return _leaf_ok(annotation)


#: what pydantic says of a value that is not a number of the kind asked for
_NOT_A_NUMBER = {
    int: "Input should be a valid integer, unable to parse string as an integer",
    float: "Input should be a valid number, unable to parse string as a number",
}


def _number(kind: type[int] | type[float], value: Any, info: Any) -> int | float:
    """``value`` as an int or float within typer's ``min`` and ``max`` (or clamped to them)."""
    if isinstance(value, kind) and not isinstance(value, bool):
        number: int | float = value
    else:
        text = str(value).strip()
        head, dot, tail = text.partition(".")
        if kind is int and dot and head and tail and not tail.strip("0"):
            text = head  # "2.0" is 2, as pydantic reads it
        try:
            if not text.isascii():
                raise ValueError(text)  # int() reads other scripts' digits; pydantic does not
            number = kind(text)
        except ValueError:
            raise BadParameter(_NOT_A_NUMBER[kind]) from None
    low, high = getattr(info, "min", None), getattr(info, "max", None)
    if getattr(info, "clamp", False):
        if low is not None and number < low:
            return kind(low)
        return kind(high) if high is not None and number > high else number
    if low is not None and not number >= low:  # NaN is out of every range
        raise BadParameter(f"Input should be greater than or equal to {low}")
    if high is not None and not number <= high:
        raise BadParameter(f"Input should be less than or equal to {high}")
    return number


def _leaf(annotation: Any, value: Any, case_sensitive: bool, info: Any = None) -> Any:
    if annotation in (int, float):
        return _number(annotation, value, info)
    if annotation is Path:
        return value if isinstance(value, Path) else Path(str(value))
    if annotation is bool:
        return bool(value)
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        if isinstance(value, annotation):
            return value
        for member in annotation:
            written = str(member.value)
            if written == str(value) or (not case_sensitive and written.lower() == str(value).lower()):
                return member
        choices = ", ".join(repr(str(m.value)) for m in annotation)
        raise BadParameter(f"{value!r} is not one of {choices}.")
    return str(value)


if RuntimeParam is not None:

    class _Light(RuntimeParam):
        """Coerces str, Path, bool, numbers, enums and lists of them, like typer does, minus pydantic."""

        def _coerce_value(self, value: Any, param: Any, ctx: Any) -> Any:
            annotation = _strip_optional(self.annotation)
            case_sensitive = getattr(self.parameter_info, "case_sensitive", True)
            if get_origin(annotation) is list:
                inner = _strip_optional(get_args(annotation)[0])
                items = value if isinstance(value, (list, tuple)) else [value]
                return [_leaf(inner, item, case_sensitive, self.parameter_info) for item in items]
            return _leaf(annotation, value, case_sensitive, self.parameter_info)


def _install(param: Any) -> None:
    descriptor = getattr(param, "type_descriptor", None)
    if RuntimeParam is None or descriptor is None or getattr(param, "_runtime_param", True) is not None:
        return  # not a typer parameter, or already set up
    if descriptor.file_annotation is not None or not supported(descriptor.annotation):
        return
    param._runtime_param = _Light(parameter_info=descriptor.parameter_info, annotation=descriptor.annotation)


#: what a user types for a text option, where the parameter's own name would not say it
_TYPED = {
    **{"to": "FORMATS", "now": "TIME", "select": "RULES", "ignore": "RULES", "extend_select": "RULES"},
    **{"base_url": "URL", "language": "TAG", "organization": "KEY"},
}


def user_metavar(param: Any) -> None:
    """Show in ``--help`` what a user types (``FILE...``, ``N``), not a Python type
    (``<list[Path]>``) or a range (``N [x>=1]``), and nothing after a flag. A metavar
    given in the code is kept. A value out of range is still refused, saying why."""
    descriptor = getattr(param, "type_descriptor", None)
    if descriptor is None or param.metavar is not None:
        return
    param._get_number_range_help_str = lambda: None
    if getattr(param, "is_flag", False):
        param.metavar = ""
        return
    annotation = _strip_optional(descriptor.annotation)
    many = get_origin(annotation) is list
    leaf = _strip_optional(get_args(annotation)[0]) if many else annotation
    if isinstance(leaf, type) and issubclass(leaf, Enum):
        param.metavar = "|".join(str(member.value) for member in leaf)
        return
    if leaf is Path:
        word = {"templates": "DIR", "output": "PATH"}.get(param.name or "", "FILE")
    elif leaf is int:
        word = "N"
    elif leaf is float:
        word = "SECONDS" if "timeout" in (param.name or "") else "N"
    else:
        word = _TYPED.get(param.name or "", (param.name or "value").upper())
    if isinstance(param, typer.core.TyperArgument):
        param.metavar = word  # click adds "..." after an argument that takes many
        param.display_type_rich = lambda ctx: None  # type: ignore[method-assign]  # its name says it; typer would add <list[Path]>
        usage = (word if param.required else f"[{word}]") + ("..." if many else "")
        param._usage_display_name = lambda: usage  # type: ignore[method-assign]  # typer writes {FILE}
        return
    param.metavar = f"{word}..." if many and not word.endswith("S") else word


class LightCommand(typer.core.TyperCommand):
    """A typer command whose options are coerced without importing pydantic."""

    def get_params(self, ctx: Any) -> list[Any]:
        params: list[Any] = super().get_params(ctx)
        for param in params:  # the declared ones and the help option typer adds
            _install(param)
            user_metavar(param)
        return params


class LightGroup(typer.core.TyperGroup):
    """The app's group: its own options (``--color``, ``--debug``) coerced without pydantic."""

    def get_params(self, ctx: Any) -> list[Any]:
        params: list[Any] = super().get_params(ctx)
        for param in params:
            _install(param)
            user_metavar(param)
        return params


# -- options several commands share, declared once ------------------------------------------

ConfigOption = Annotated[Path | None, typer.Option("--config", help="Use this config file.")]
IsolatedOption = Annotated[bool, typer.Option("--isolated", help="Ignore config files.")]
TemplatesOption = Annotated[Path | None, typer.Option("--templates", help="Folder of template overrides.")]
JobsOption = Annotated[int | None, typer.Option("--jobs", "-j", min=1, help="Worker processes (default: CPUs).")]
#: inspect's and import's (one file each)
TimeoutOption = Annotated[float, typer.Option("--timeout", min=0, help="Seconds the file may take (0: no limit).")]
