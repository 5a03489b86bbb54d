"""Write ``docs/reference/<platform>.md``: every resource, method and model of a platform.

Each page has, generated from the code:

- a route table: every ``client.<resource>.<method>`` with the HTTP method and path it
  calls (routes inferred from a document, not documented by the platform, are marked);
- the client's constructor (mkdocstrings);
- one section per resource and one entry per method: the HTTP call, whether a failure is
  retried, the call's shape, then the signature, parameters, return type and raised errors
  from the docstring (mkdocstrings);
- the models: every field with its type, the API's name for it and whether it is required;
  the request field types (TypedDicts) and enums likewise.

Methods are found by walking the sync client class: resources are ``cached_property``
attributes whose return type is a resource class; endpoints are methods marked with
``@uses(OPERATION, ...)`` (the route table's rows) or ``@endpoint(METHOD, PATH)``.
``--check`` exits non-zero when a committed page is stale.

    python scripts/gen_reference.py          # regenerate
    python scripts/gen_reference.py --check  # CI: fail on stale pages
"""

from __future__ import annotations

import argparse
import enum
import functools
import importlib
import inspect
import re
import sys
import types
import typing
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType

from typing_extensions import is_typeddict

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs" / "reference"

#: platform module -> (sync client class, async client class, title)
PLATFORMS: dict[str, tuple[str, str, str]] = {
    "procuros": ("Procuros", "AsyncProcuros", "Procuros"),
    "cartoncloud": ("CartonCloud", "AsyncCartonCloud", "CartonCloud"),
    "onescp": ("OneScp", "AsyncOneScp", "ONESCP"),
    "one_platform": ("OnePlatform", "AsyncOnePlatform", "ONe"),
    "pharus": ("Pharus", "AsyncPharus", "Pharus"),
}

#: Methods that make no HTTP call of their own: the core's (documented once, not per
#: platform) and platform helpers that derive a client, such as CartonCloud's ``for_tenant``.
_CLIENT_METHODS = frozenset(
    {
        "request",
        "paginate",
        "run",
        "run_with_response",
        "page",
        "route",
        "with_options",
        "close",
        "for_tenant",
        "for_org",
    }
)

_IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})


def _short(annotation: object) -> str:
    if annotation is inspect.Signature.empty:
        return ""
    text = annotation if isinstance(annotation, str) else inspect.formatannotation(annotation)
    text = re.sub(r"\b(?:[a-z_][\w]*\.)+([A-Za-z_]\w*)", r"\1", str(text))
    return text.replace("NoneType", "None").replace("typing_extensions.", "")


def _return_type(func: object) -> object:
    try:
        hints = typing.get_type_hints(func)
    except (NameError, TypeError):
        return inspect.signature(func).return_annotation  # type: ignore[arg-type]
    return hints.get("return", inspect.Signature.empty)


def _shape(func: object) -> str:
    """The call as a reader writes it: required arguments by name, ``...`` for the rest."""
    params = [p for p in inspect.signature(func).parameters.values() if p.name != "self"]  # type: ignore[arg-type]
    args: list[str] = []
    optional = False
    fields = _fields_type(func)
    for p in params:
        if p.kind is p.VAR_KEYWORD and fields is not None:
            keys = _typeddict_keys(fields)
            args += [f"{key}=..." for key, _, required in keys if required]
            optional = optional or any(not required for _, _, required in keys)
        elif p.kind in (p.VAR_POSITIONAL, p.VAR_KEYWORD) or p.default is not p.empty:
            optional = True
        elif p.kind is p.KEYWORD_ONLY:
            args.append(f"{p.name}=...")
        else:
            args.append(p.name)
    if optional:
        args.append("...")
    return f"({', '.join(args)})"


def _md(text: str) -> str:
    """Text safe inside a Markdown table cell."""
    return text.replace("|", "\\|")


@dataclass
class Route:
    method: str
    path: str
    inferred: bool
    idempotent: bool | None

    @property
    def text(self) -> str:
        return f"{self.method} {self.path}" + (" (inferred)" if self.inferred else "")

    @property
    def retried(self) -> bool:
        if self.idempotent is not None:
            return self.idempotent
        return self.method in _IDEMPOTENT_METHODS


@dataclass
class Method:
    call: str  # client.incoming.list
    name: str
    func: typing.Any
    identifier: str  # what mkdocstrings loads
    routes: list[Route]
    returns: str
    shape: str

    @property
    def anchor(self) -> str:
        return self.call.replace(".", "-").replace("_", "-")


@dataclass
class Resource:
    path: str  # client.incoming
    cls: type
    identifier: str
    methods: list[Method] = field(default_factory=list)


def _identifier(obj: typing.Any, public: ModuleType) -> str:
    """The public path of a class or function if the platform module re-exports it (so
    mkdocstrings shows ``supplychain_sdk.procuros.Incoming``), else where it is defined."""
    qualname: str = obj.__qualname__
    top = qualname.split(".")[0]
    holder = getattr(public, top, None)
    defining = sys.modules[obj.__module__]
    if holder is not None and holder is getattr(defining, top, object()):
        return f"{public.__name__}.{qualname}"
    return f"{obj.__module__}.{qualname}"


def _walk(
    cls: type, prefix: str, public: ModuleType, resources: list[Resource], seen: set[type]
) -> None:
    from supplychain_sdk._core import endpoint_of
    from supplychain_sdk._core.operations import operations_of

    if cls in seen:
        return
    seen.add(cls)
    resource = Resource(prefix, cls, _identifier(cls, public))
    resources.append(resource)
    children: list[tuple[str, type]] = []
    for name in sorted(dir(cls)):
        if name.startswith("_"):
            continue
        member = inspect.getattr_static(cls, name, None)
        if isinstance(member, functools.cached_property):
            child = _return_type(member.func)
            if inspect.isclass(child):
                children.append((name, child))
            continue
        func = getattr(cls, name, None)
        found = endpoint_of(func)
        routes = [
            Route(op.method, op.path, op.inferred, op.idempotent) for op in operations_of(func)
        ]
        if found is not None:
            routes.append(Route(found.method, found.path, False, None))
        if not routes:
            if callable(func) and name not in _CLIENT_METHODS:
                raise SystemExit(
                    f"{cls.__name__}.{name} is public but has no @uses/@endpoint marker"
                )
            continue
        # The annotation as written (``SyncPager[m.ReceivedTransaction]``), not the expanded
        # union a type alias stands for.
        returns = _short(inspect.signature(func).return_annotation)  # type: ignore[arg-type]
        resource.methods.append(
            Method(
                call=f"{prefix}.{name}",
                name=name,
                func=func,
                identifier=_identifier(func, public),
                routes=routes,
                returns=returns,
                shape=_shape(func),
            )
        )
    for name, child in children:
        _walk(child, f"{prefix}.{name}", public, resources, seen)


def _usage(method: Method) -> str:
    call = f"{method.call}{method.shape}"
    if method.returns.startswith(("SyncPager", "Pager")):
        return f"for item in {call}: ..."
    if method.returns in ("None", ""):
        return call
    return f"result = {call}"


def _method_entry(method: Method) -> str:
    routes = "; ".join(f"`{r.text}`" for r in method.routes)
    retried = all(r.retried for r in method.routes)
    lines = [
        # the route table links here; mkdocstrings' own anchor is the object's import path
        f'<a id="{method.anchor}"></a>',
        "",
        f"::: {method.identifier}",
        "    options:",
        f'      heading: "{method.call}"',
        f'      toc_label: "{method.call}"',
        "      heading_level: 3",
        "      show_root_heading: true",
        "",
        f"**HTTP:** {routes}. "
        + (
            "Retried on connection errors, timeouts, 408/429/5xx."
            if retried
            else "Not retried: the write may have been applied "
            "([Retries](../concepts/retries.md); opt in with "
            "`client.with_options(retry_non_idempotent=True)` only where it is safe)."
        ),
        "",
        f"**Usage:** `{_usage(method)}` → `{method.returns}`",
        "",
        *(
            [f"**Fields:** [`{fields.__name__}`](#{fields.__name__.lower()}).", ""]
            if (fields := _fields_type(method.func)) is not None
            else []
        ),
        "**Errors:** `InvalidRequestError` (with `field_errors`) before anything is sent when "
        "an id or field is wrong; for an error answer the `APIStatusError` subclass of its "
        "status ([Errors](../concepts/errors.md)), `APIConnectionError` when it never arrived.",
        "",
    ]
    return "\n".join(lines)


def _type_name(tp: object) -> str:
    """A readable, stable name of a runtime type (no ``Annotated`` metadata, no addresses)."""
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin is typing.Annotated:
        return _type_name(args[0])
    if origin in (typing.Union, types.UnionType):
        return " | ".join(_type_name(a) for a in args)
    if origin is typing.Literal:
        return "Literal[" + ", ".join(repr(a) for a in args) + "]"
    if origin is not None:
        name = getattr(origin, "__name__", None) or _short(origin)
        return f"{name}[{', '.join(_type_name(a) for a in args)}]" if args else name
    if tp is type(None):
        return "None"
    if tp is Ellipsis:
        return "..."
    if isinstance(tp, type):
        return tp.__name__
    return _short(tp)


def _written(owner: type, name: str) -> str | None:
    """The annotation of ``name`` as written in the source, if the module kept it as text."""
    for klass in owner.__mro__:
        written = inspect.get_annotations(klass).get(name)
        if isinstance(written, typing.ForwardRef):
            written = written.__forward_arg__
        if written is not None:
            if not isinstance(written, str) or "Annotated[" in written:
                return None  # the runtime type reads better than Field(...) metadata
            return _short(written)
    return None


def _typeddict_keys(obj: typing.Any) -> list[tuple[str, str, bool]]:
    """``(key, type, required)`` of a TypedDict, ``Required[...]`` read from the source."""
    hints = typing.get_type_hints(obj)
    total = getattr(obj, "__total__", True)
    keys = []
    for key, tp in hints.items():
        written = _written(obj, key)
        required = total
        if written is not None:
            wrapper = re.match(r"(Not)?Required\[(.*)\]$", written)
            if wrapper:
                required = wrapper[1] is None
                written = wrapper[2]
            if re.search(r"\b_[A-Za-z]", written):
                written = None  # a private alias: show the type it stands for
        else:
            origin = typing.get_origin(tp)
            if origin is not None and getattr(origin, "__name__", "") in (
                "Required",
                "NotRequired",
            ):
                required = origin.__name__ == "Required"
                tp = typing.get_args(tp)[0]
        keys.append((key, _md(written or _type_name(tp)), required))
    return keys


def _fields_type(func: object) -> typing.Any:
    """The TypedDict a ``**fields: Unpack[...]`` parameter takes, if any."""
    for p in inspect.signature(func).parameters.values():  # type: ignore[arg-type]
        if p.kind is p.VAR_KEYWORD and isinstance(p.annotation, str):
            found = re.fullmatch(r"Unpack\[(?:\w+\.)*(\w+)\]", p.annotation)
            if found:
                for name, module in sorted(sys.modules.items()):
                    if not name.startswith("supplychain_sdk."):
                        continue
                    candidate = getattr(module, found[1], None)
                    if candidate is not None and is_typeddict(candidate):
                        return candidate
    return None


def _type_text(owner: type, name: str, annotation: object) -> str:
    return _md(_written(owner, name) or _type_name(annotation))


def _model_section(name: str, obj: typing.Any) -> str | None:
    from pydantic import BaseModel

    if inspect.isclass(obj) and issubclass(obj, enum.Enum):
        values = ", ".join(f"`{member.value}`" for member in obj)
        return f"### {name}\n\nEnum: {values}.\n"
    if inspect.isclass(obj) and issubclass(obj, BaseModel):
        doc = inspect.getdoc(obj) or ""
        first = doc.split("\n\n")[0].replace("\n", " ") if doc else ""
        rows = []
        for field_name, info in obj.model_fields.items():
            alias = info.alias or field_name
            required = "yes" if info.is_required() else "no"
            type_text = _type_text(obj, field_name, info.annotation)
            rows.append(f"| `{field_name}` | `{type_text}` | `{alias}` | {required} |")
        table = (
            "| field | type | API name | required |\n|---|---|---|---|\n" + "\n".join(rows)
            if rows
            else "No fields of its own; unknown fields are kept."
        )
        return f"### {name}\n\n{first}\n\n{table}\n".replace("\n\n\n", "\n\n")
    if is_typeddict(obj):
        rows = [
            f"| `{key}` | `{tp}` | {'yes' if required else 'no'} |"
            for key, tp, required in _typeddict_keys(obj)
        ]
        doc = inspect.getdoc(obj) or ""
        first = doc.split("\n\n")[0].replace("\n", " ") if doc else ""
        table = "| key | type | required |\n|---|---|---|\n" + "\n".join(rows)
        return f"### {name}\n\n{first}\n\n{table}\n".replace("\n\n\n", "\n\n")
    return None


def render(module: str, sync_name: str, async_name: str, title: str) -> str:
    public = importlib.import_module(f"supplychain_sdk.{module}")
    client_cls = getattr(public, sync_name)
    resources: list[Resource] = []
    _walk(client_cls, "client", public, resources, set())
    methods = [m for r in resources for m in r.methods]
    inferred = sum(1 for m in methods for r in m.routes if r.inferred)

    out = [
        f"# {title} reference",
        "",
        "<!-- generated by scripts/gen_reference.py; do not edit -->",
        "",
        f"`{public.__name__}.{sync_name}` (sync) and `{public.__name__}.{async_name}` (async) "
        f"have the same resources and methods: await the async ones and use `async for` on "
        f"their pagers. {len(methods)} methods in {len(resources)} resources"
        + (
            f"; {inferred} routes are **inferred** from the platform's document rather than "
            "documented by it (move one with `route_overrides`)."
            if inferred
            else "."
        ),
        "",
        "For an endpoint the SDK does not wrap, use `client.request(method, path, ...)` "
        "([Clients and options](../concepts/clients.md)).",
        "",
        "## Routes",
        "",
        "| call | HTTP |",
        "|---|---|",
    ]
    for m in sorted(methods, key=lambda m: m.call):
        routes = "<br>".join(f"`{_md(r.text)}`" for r in m.routes)
        out.append(f"| [`{m.call}`](#{m.anchor}) | {routes} |")
    out += [
        "",
        "## Client",
        "",
        f"::: {public.__name__}.{sync_name}",
        "    options:",
        "      members: false",
        "      show_bases: false",
        "",
    ]
    for resource in resources:
        if resource.cls is not client_cls:
            out += [
                f"## `{resource.path}`",
                "",
                f"::: {resource.identifier}",
                "    options:",
                "      show_root_heading: false",
                "      show_root_toc_entry: false",
                "      show_bases: false",
                "      members: false",
                "",
            ]
        elif resource.methods:
            out += ["## Methods of the client", ""]
        out += [_method_entry(m) for m in resource.methods]
    sections = []
    for name in sorted(public.__all__):
        obj = getattr(public, name)
        if obj is client_cls or any(obj is r.cls for r in resources):
            continue
        if inspect.isclass(obj) and name.startswith("Async"):
            continue
        section = _model_section(name, obj)
        if section is not None:
            sections.append(section)
    if sections:
        out += [
            "## Models",
            "",
            f"Every model, request field type and enum importable from `{public.__name__}`. "
            "Models take and show Python names; the API name is what goes over the wire. "
            "Unknown fields in an answer are kept (`model.model_extra`).",
            "",
            *sections,
        ]
    return "\n".join(out).rstrip("\n") + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if pages are stale")
    args = parser.parse_args(argv)
    stale = []
    for module, (sync_name, async_name, title) in PLATFORMS.items():
        target = DOCS / f"{module}.md"
        text = render(module, sync_name, async_name, title)
        if not target.exists() or target.read_text() != text:
            stale.append(target.relative_to(ROOT).as_posix())
            if not args.check:
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(text)
    if args.check and stale:
        print("reference pages are stale; run `nox -s generate`:", *stale, sep="\n  ")
        return 1
    for name in [] if args.check else stale:
        print(f"wrote {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
