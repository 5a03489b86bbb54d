"""Pharus answer models: materials and finished-goods inventory ledgers (#53-66)."""

from decimal import Decimal

from ..._core.models import APIModel, OpenEnum

__all__ = [
    "FinishedGoodsLedgerEntry",
    "FinishedGoodsLedgerEventType",
    "FinishedGoodsStockLevel",
    "FinishedGoodsTransfer",
    "MaterialLedgerEntry",
    "MaterialLedgerEventType",
    "MaterialStockLevel",
    "MaterialTransfer",
]


class MaterialLedgerEventType(OpenEnum):
    """What a materials ledger entry records (14 values)."""

    ORDER = "ORDER"
    RECEIVE = "RECEIVE"
    DEMAND = "DEMAND"
    ALLOCATE = "ALLOCATE"
    CONSUME = "CONSUME"
    TRANSFER = "TRANSFER"
    ADJUST = "ADJUST"
    DISPOSE = "DISPOSE"
    REVERSE_ORDER = "REVERSE_ORDER"
    REVERSE_RECEIVE = "REVERSE_RECEIVE"
    REVERSE_DEMAND = "REVERSE_DEMAND"
    REVERSE_ALLOCATE = "REVERSE_ALLOCATE"
    REVERSE_CONSUME = "REVERSE_CONSUME"
    REVERSE_TRANSFER = "REVERSE_TRANSFER"


class FinishedGoodsLedgerEventType(OpenEnum):
    """What a finished-goods ledger entry records: the materials values plus ``PRODUCE`` and
    ``REVERSE_PRODUCE`` (16 values)."""

    ORDER = "ORDER"
    RECEIVE = "RECEIVE"
    PRODUCE = "PRODUCE"
    DEMAND = "DEMAND"
    ALLOCATE = "ALLOCATE"
    CONSUME = "CONSUME"
    TRANSFER = "TRANSFER"
    ADJUST = "ADJUST"
    DISPOSE = "DISPOSE"
    REVERSE_ORDER = "REVERSE_ORDER"
    REVERSE_RECEIVE = "REVERSE_RECEIVE"
    REVERSE_PRODUCE = "REVERSE_PRODUCE"
    REVERSE_DEMAND = "REVERSE_DEMAND"
    REVERSE_ALLOCATE = "REVERSE_ALLOCATE"
    REVERSE_CONSUME = "REVERSE_CONSUME"
    REVERSE_TRANSFER = "REVERSE_TRANSFER"


class _LedgerEntry(APIModel):
    id: str
    org_id: str | None = None
    #: Undocumented; the sandbox fills in the material's or SKU's code.
    code: str | None = None
    location_id: str | None = None
    #: Answered as a string; parsed exactly.
    quantity: Decimal | None = None
    unit_cost: Decimal | None = None
    #: The transfer reference shared by both legs of an in-transit transfer.
    ref: str | None = None
    to_location_id: str | None = None
    notes: str | None = None
    event_date: str | None = None
    #: What wrote the entry (free-form, e.g. a PO receipt), and its id.
    source_type: str | None = None
    source_id: str | None = None
    created_at: str | None = None


class MaterialLedgerEntry(_LedgerEntry):
    """One movement of a material at a location (quantities exact `Decimal`)."""

    material_id: str | None = None
    event_type: MaterialLedgerEventType | None = None


class FinishedGoodsLedgerEntry(_LedgerEntry):
    """One movement of a SKU at a location (quantities exact `Decimal`)."""

    sku_id: str | None = None
    event_type: FinishedGoodsLedgerEventType | None = None


class MaterialTransfer(APIModel):
    """A materials transfer put in transit: its ledger entry and the ``ref`` that completes it."""

    ledger_entry: MaterialLedgerEntry
    ref: str


class FinishedGoodsTransfer(APIModel):
    """A finished-goods transfer put in transit: its ledger entry and its ``ref``."""

    ledger_entry: FinishedGoodsLedgerEntry
    ref: str


class MaterialStockLevel(APIModel):
    """One row of the materials summary: stock of a material at a location.

    The document collapses these rows; the SDK reads the fields the sandbox answers
    (``onHand``, ``inTransit`` towards the location) and keeps any other as extras.
    """

    material_id: str | None = None
    location_id: str | None = None
    on_hand: Decimal | None = None
    in_transit: Decimal | None = None


class FinishedGoodsStockLevel(APIModel):
    """One row of the finished-goods summary: stock of a SKU at a location (see
    `MaterialStockLevel`)."""

    sku_id: str | None = None
    location_id: str | None = None
    on_hand: Decimal | None = None
    in_transit: Decimal | None = None
