"""The command line's own failure: one line on stderr, exit status 1."""

from __future__ import annotations

__all__ = ["CliError"]


class CliError(Exception):
    """A failure the command explains in one line (exit status 1, no traceback)."""
