"""Progress of long reads and writes: a tqdm bar (the ``progress`` extra) and/or a callback.

Pagers report items as their pages arrive (``pager.with_progress()``); chunked pushes and
bulk imports report rows as their chunks are answered (``progress=True``, ``on_chunk=``).
The bar is ``tqdm.auto``'s: a widget in Jupyter (with ipywidgets), text elsewhere.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar

from .extras import require

__all__ = ["Progress", "load_bar"]

E = TypeVar("E")


def load_bar() -> Callable[..., Any]:
    """``tqdm.auto.tqdm``, or `MissingDependencyError` naming the ``progress`` extra."""
    module = require("tqdm.auto", extra="progress", feature="progress=True")
    factory: Callable[..., Any] = module.tqdm
    return factory


class Progress(Generic[E]):
    """One run's progress: a bar when asked for, and a callback per event (page, chunk).

    Args:
        bar: a tqdm-like factory (``tqdm.auto.tqdm``), or ``None`` for no bar.
        callback: called with each event (a `Page`, a chunk result) after it is counted.
        unit: what the bar counts (``"item"``, ``"row"``).
        description: the bar's label.
        total: how many units are expected, when known.
    """

    def __init__(
        self,
        *,
        bar: Callable[..., Any] | None,
        callback: Callable[[E], object] | None,
        unit: str,
        description: str | None = None,
        total: int | None = None,
    ) -> None:
        self._bar = bar(total=total, unit=unit, desc=description) if bar is not None else None
        self._callback = callback
        self.total = total
        self.done = 0

    def set_total(self, total: int | None) -> None:
        """Set the expected total once it is known (after a first page)."""
        if total is None or total == self.total:
            return
        self.total = total
        if self._bar is not None:
            self._bar.total = total
            self._bar.refresh()

    def advance(self, count: int, event: E) -> None:
        """Count ``count`` more units, then hand ``event`` to the callback."""
        self.done += count
        if self._bar is not None:
            self._bar.update(count)
            if self.total is not None and self.done >= self.total:
                self.close()  # complete: shown at once, even if the reader stops early
        if self._callback is not None:
            self._callback(event)

    def close(self) -> None:
        """Close the bar (it stays on screen with its final count); closing twice is fine."""
        if self._bar is not None:
            self._bar.close()
            self._bar = None
