"""Optional dependencies (pandas, polars, tqdm): imported on first use, with a clear error."""

from __future__ import annotations

import importlib
from types import ModuleType

from .errors import SupplyChainError

__all__ = ["MissingDependencyError", "require"]


class MissingDependencyError(SupplyChainError, ImportError):
    """An optional package a feature needs is not installed.

    The message names the extra that installs it (``pip install "supplychain-sdk[pandas]"``).

    Attributes:
        package: the missing package (``"pandas"``).
        extra: the supplychain-sdk extra that brings it (``"pandas"``).
    """

    def __init__(self, package: str, extra: str, *, feature: str) -> None:
        super().__init__(
            f"{feature} needs {package}, which is not installed: "
            f'pip install "supplychain-sdk[{extra}]"'
        )
        self.package = package
        self.extra = extra


def require(module: str, *, extra: str, feature: str) -> ModuleType:
    """Import ``module`` or raise `MissingDependencyError` naming ``extra``."""
    try:
        return importlib.import_module(module)
    except ImportError:
        raise MissingDependencyError(module.partition(".")[0], extra, feature=feature) from None
