"""Safe URL paths: every path parameter is checked and percent-encoded."""

from __future__ import annotations

import re
import string
from enum import Enum
from functools import lru_cache
from urllib.parse import quote

from .errors import InvalidRequestError

__all__ = ["path"]

_FORMATTER = string.Formatter()


#: An id made of unreserved characters only, which percent-encoding leaves as it is (no
#: ``.``: ``"."`` and ``".."`` are refused below).
_PLAIN = re.compile(r"[A-Za-z0-9_~-]+")


def _segment(name: str, value: object) -> str:
    if type(value) is str and _PLAIN.fullmatch(value):
        return value  # the common id (a UUID, a number, a slug): nothing to check or encode
    if value is None:
        raise InvalidRequestError(f"{name} is required, got None")
    if isinstance(value, bool) or not isinstance(value, (str, int, Enum)):
        raise InvalidRequestError(
            f"{name} must be a string or an integer, got {type(value).__name__}"
        )
    text = str(value.value if isinstance(value, Enum) else value)
    if not text.strip():
        raise InvalidRequestError(f"{name} must not be empty")
    if text in {".", ".."}:
        raise InvalidRequestError(f"{name} must not be {text!r}")
    return quote(text, safe="")


@lru_cache(maxsize=1024)
def _names(template: str) -> frozenset[str]:
    return frozenset(field for _, field, _, _ in _FORMATTER.parse(template) if field is not None)


@lru_cache(maxsize=1024)
def _pieces(template: str) -> tuple[tuple[str, str | None], ...] | None:
    """``template`` as (text, field name) pairs, parsed once; ``None`` when a field is more
    than a plain ``{name}`` (a format spec, a conversion, an attribute), which
    ``str.format`` fills instead."""
    pieces: list[tuple[str, str | None]] = []
    for text, field, spec, conversion in _FORMATTER.parse(template):
        if field is not None and (spec or conversion or not field.isidentifier()):
            return None
        pieces.append((text, field))
    return tuple(pieces)


def path(template: str, **params: object) -> str:
    """Fill ``template`` (``"/orders/{order_id}"``) with percent-encoded ``params``.

    An id like ``"../x"`` or ``"a/b"`` becomes one encoded segment and cannot change the
    path; ``None``, empty and blank ids raise `InvalidRequestError` before sending.
    """
    names = _names(template)
    if not params.keys() >= names:
        missing = names - params.keys()
        raise InvalidRequestError(f"missing path parameters: {', '.join(sorted(missing))}")
    pieces = _pieces(template)
    if pieces is None:
        return template.format_map({name: _segment(name, params[name]) for name in names})
    parts: list[str] = []
    for text, name in pieces:
        parts.append(text)
        if name is not None:
            parts.append(_segment(name, params[name]))
    return "".join(parts)
