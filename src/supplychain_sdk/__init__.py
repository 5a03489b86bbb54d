"""Typed sync and async clients for supply-chain and ERP platforms, with offline sandboxes.

Importing this package is cheap: the transport core and each platform load on first use.
Every public name of the core is available here (``supplychain_sdk.ClientConfig``,
``supplychain_sdk.NotFoundError``, ...).
"""

from __future__ import annotations

import importlib

from . import _core
from ._version import __version__

# ``typing`` is not imported at run time (it alone costs more than the rest of the import)
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from ._core import *  # noqa: F403
    from .cartoncloud import AsyncCartonCloud as AsyncCartonCloud
    from .cartoncloud import CartonCloud as CartonCloud
    from .one_platform import AsyncOnePlatform as AsyncOnePlatform
    from .one_platform import OnePlatform as OnePlatform
    from .onescp import AsyncOneScp as AsyncOneScp
    from .onescp import OneScp as OneScp
    from .pharus import AsyncPharus as AsyncPharus
    from .pharus import Pharus as Pharus
    from .procuros import AsyncProcuros as AsyncProcuros
    from .procuros import Procuros as Procuros

#: Platform client name -> module that defines it, imported on first access.
_PLATFORMS: dict[str, str] = {
    "Procuros": "supplychain_sdk.procuros",
    "AsyncProcuros": "supplychain_sdk.procuros",
    "CartonCloud": "supplychain_sdk.cartoncloud",
    "AsyncCartonCloud": "supplychain_sdk.cartoncloud",
    "OneScp": "supplychain_sdk.onescp",
    "AsyncOneScp": "supplychain_sdk.onescp",
    "OnePlatform": "supplychain_sdk.one_platform",
    "AsyncOnePlatform": "supplychain_sdk.one_platform",
    "Pharus": "supplychain_sdk.pharus",
    "AsyncPharus": "supplychain_sdk.pharus",
}

__all__ = ["__version__", *_core.__all__, *_PLATFORMS]


def __getattr__(name: str) -> Any:
    if name in _core.__all__:
        value = getattr(_core, name)
    elif name in _PLATFORMS:
        value = getattr(importlib.import_module(_PLATFORMS[name]), name)
    else:
        raise AttributeError(f"module 'supplychain_sdk' has no attribute {name!r}")
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
