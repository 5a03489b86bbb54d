"""Answer shapes every Pharus section shares: deletes, bulk-import reports, usage checks."""

from typing import Any

from pydantic import Field

from ..._core.models import APIModel, OpenEnum

__all__ = ["BulkImportReport", "BulkRowResult", "BulkRowStatus", "Deleted", "Usage"]


class Deleted(APIModel):
    """A hard delete's answer: ``{"deletedId": "..."}``.

    Soft deletes answer the updated entity instead; methods whose delete may be either
    return ``Deleted | Entity`` (check with ``isinstance``).
    """

    deleted_id: str


class Usage(APIModel):
    """Whether an entity is referenced (``inUse``), before deleting it.

    Each check adds its own counts (``material_count``, ``sample_material_ids``,
    ``customer_count``, ...): they are typed on the subclasses and kept as extra fields.
    """

    in_use: bool


class BulkRowStatus(OpenEnum):
    """What happened to one row of a bulk import."""

    CREATED = "created"
    ERROR = "error"
    #: The request carrying the row failed in transit: it may or may not have been applied.
    UNKNOWN = "unknown"


class BulkRowResult(APIModel):
    """One row of a bulk import: its index in your input, status, new id or error."""

    index: int
    status: BulkRowStatus | str
    id: str | None = None
    error: Any = None


class BulkImportReport(APIModel):
    """The result of a bulk import: one entry per input row, in input order.

    Built from the per-row answer of the conventions or from the samples' ``{ids: [...]}``
    (pharus-routes.md C1), merged over every batch.
    """

    rows: list[BulkRowResult] = Field(default_factory=list)

    @property
    def ids(self) -> list[str]:
        """The ids of the rows created, in input order."""
        return [row.id for row in self.rows if row.id is not None and row.status == "created"]

    @property
    def created(self) -> int:
        """How many rows were created."""
        return sum(1 for row in self.rows if row.status == BulkRowStatus.CREATED)

    @property
    def failed(self) -> list[BulkRowResult]:
        """The rows that were not created (refused, or of unknown outcome)."""
        return [row for row in self.rows if row.status != BulkRowStatus.CREATED]

    @property
    def ok(self) -> bool:
        """Whether every row was created."""
        return not self.failed
