"""Results of Procuros calls whose answers the SDK reshapes for convenience."""

from __future__ import annotations

from .._core.models import APIModel

__all__ = ["BulkMarkProcessedItemResult", "BulkMarkProcessedResult", "SendTransactionResult"]


class SendTransactionResult(APIModel):
    """The answer to ``outgoing.send``.

    Attributes:
        procuros_transaction_id: the new transaction's id (``201 Created``).
        message: the status message (``202 Accepted``).
        queued: ``True`` on ``202 Accepted``: Procuros stored the transaction and processes
            it asynchronously, so there is no id yet.
    """

    procuros_transaction_id: str | None = None
    message: str | None = None
    queued: bool = False


class BulkMarkProcessedItemResult(APIModel):
    """What happened to one item of ``incoming.bulk_mark_processed``.

    Attributes:
        procuros_transaction_id: the transaction this line is about.
        success: what you reported for it.
        accepted: whether Procuros confirmed it (it is listed in the answer to its batch).
        message: Procuros's status message for it, when accepted.
        error_url: link to the error in the Procuros portal, for failed transactions.
        error: why its batch was refused, when it was.
    """

    procuros_transaction_id: str
    success: bool
    accepted: bool
    message: str | None = None
    error_url: str | None = None
    error: str | None = None


class BulkMarkProcessedResult(APIModel):
    """Per-item outcome of ``incoming.bulk_mark_processed`` across all batches sent."""

    items: list[BulkMarkProcessedItemResult]
    batches: int

    @property
    def accepted(self) -> list[BulkMarkProcessedItemResult]:
        """Items Procuros confirmed."""
        return [item for item in self.items if item.accepted]

    @property
    def rejected(self) -> list[BulkMarkProcessedItemResult]:
        """Items Procuros did not confirm (see their ``error``)."""
        return [item for item in self.items if not item.accepted]

    @property
    def all_accepted(self) -> bool:
        """Whether every item was confirmed."""
        return all(item.accepted for item in self.items)
