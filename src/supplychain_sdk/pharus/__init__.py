"""Pharus manufacturing ERP API: ``Pharus`` and ``AsyncPharus``.

Every method and path is inferred (the document lost them); see `pharus-routes.md` in the
project and correct a route with ``route_overrides``. Answer models (``Vendor``,
``SalesOrder``, ``Deleted``, ``BulkImportReport``, ...), request field types
(``VendorCreateFields``, ``SalesOrderListFilters``, ...) and the Pharus errors
(``InUseError``, ``InvalidTransitionError``) are in this namespace too.
"""

from ._async.client import AsyncPharus
from ._errors import InUseError, InvalidTransitionError
from ._inputs import *  # noqa: F403
from ._inputs import __all__ as _inputs_all
from ._models import *  # noqa: F403
from ._models import __all__ as _models_all
from ._routes import ROUTES
from ._sync.client import Pharus

__all__ = [
    "ROUTES",
    "AsyncPharus",
    "InUseError",
    "InvalidTransitionError",
    "Pharus",
    *_inputs_all,
    *_models_all,
]
