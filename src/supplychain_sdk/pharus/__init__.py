"""Pharus manufacturing ERP API: ``Pharus`` and ``AsyncPharus``.

Every method and path is inferred (the document lost them); see `pharus-routes.md` in the
project and correct a route with ``route_overrides``. Answer models (``Vendor``,
``SalesOrder``, ``Deleted``, ``BulkImportReport``, ...), request field types
(``VendorCreateFields``, ``SalesOrderListFilters``, ...) and the Pharus errors
(``InUseError``, ``InvalidTransitionError``) are in this namespace too.
"""

from ._async.client import AsyncPharus
from ._errors import InUseError, InvalidTransitionError
from ._inputs import accounts as _i_accounts
from ._inputs import catalog as _i_catalog
from ._inputs import common as _i_common
from ._inputs import contacts as _i_contacts
from ._inputs import customers as _i_customers
from ._inputs import documents as _i_documents
from ._inputs import inventory as _i_inventory
from ._inputs import production as _i_production
from ._inputs import purchasing as _i_purchasing
from ._inputs import sales as _i_sales
from ._inputs.accounts import *  # noqa: F403
from ._inputs.catalog import *  # noqa: F403
from ._inputs.common import *  # noqa: F403
from ._inputs.contacts import *  # noqa: F403
from ._inputs.customers import *  # noqa: F403
from ._inputs.documents import *  # noqa: F403
from ._inputs.inventory import *  # noqa: F403
from ._inputs.production import *  # noqa: F403
from ._inputs.purchasing import *  # noqa: F403
from ._inputs.sales import *  # noqa: F403
from ._models import accounts as _m_accounts
from ._models import catalog as _m_catalog
from ._models import common as _m_common
from ._models import contacts as _m_contacts
from ._models import customers as _m_customers
from ._models import documents as _m_documents
from ._models import inventory as _m_inventory
from ._models import production as _m_production
from ._models import purchasing as _m_purchasing
from ._models import sales as _m_sales
from ._models.accounts import *  # noqa: F403
from ._models.catalog import *  # noqa: F403
from ._models.common import *  # noqa: F403
from ._models.contacts import *  # noqa: F403
from ._models.customers import *  # noqa: F403
from ._models.documents import *  # noqa: F403
from ._models.inventory import *  # noqa: F403
from ._models.production import *  # noqa: F403
from ._models.purchasing import *  # noqa: F403
from ._models.sales import *  # noqa: F403
from ._routes import ROUTES
from ._sync.client import Pharus

__all__ = [
    "ROUTES",
    "AsyncPharus",
    "InUseError",
    "InvalidTransitionError",
    "Pharus",
]
__all__ += _i_accounts.__all__
__all__ += _i_catalog.__all__
__all__ += _i_common.__all__
__all__ += _i_contacts.__all__
__all__ += _i_customers.__all__
__all__ += _i_documents.__all__
__all__ += _i_inventory.__all__
__all__ += _i_production.__all__
__all__ += _i_purchasing.__all__
__all__ += _i_sales.__all__
__all__ += _m_accounts.__all__
__all__ += _m_catalog.__all__
__all__ += _m_common.__all__
__all__ += _m_contacts.__all__
__all__ += _m_customers.__all__
__all__ += _m_documents.__all__
__all__ += _m_inventory.__all__
__all__ += _m_production.__all__
__all__ += _m_purchasing.__all__
__all__ += _m_sales.__all__
