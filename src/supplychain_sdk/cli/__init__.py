"""The ``supplychain`` command line (``python -m supplychain_sdk`` too).

Nothing in the package imports it: only the entry point does, so ``import supplychain_sdk``
never loads click.
"""

from __future__ import annotations

from .app import cli, main

__all__ = ["cli", "main"]
