"""Pharus answer models (one module per group of sections).

The group modules do not use ``from __future__ import annotations``: with annotations
already evaluated, pydantic does not evaluate every field's string again when it creates
a class (about a tenth of the package's own import time).
"""

from __future__ import annotations

from . import (
    accounts,
    catalog,
    common,
    contacts,
    customers,
    documents,
    inventory,
    production,
    purchasing,
    sales,
)
from .accounts import *  # noqa: F403
from .catalog import *  # noqa: F403
from .common import *  # noqa: F403
from .contacts import *  # noqa: F403
from .customers import *  # noqa: F403
from .documents import *  # noqa: F403
from .inventory import *  # noqa: F403
from .production import *  # noqa: F403
from .purchasing import *  # noqa: F403
from .sales import *  # noqa: F403

__all__ = [*accounts.__all__]
__all__ += catalog.__all__
__all__ += common.__all__
__all__ += contacts.__all__
__all__ += customers.__all__
__all__ += documents.__all__
__all__ += inventory.__all__
__all__ += production.__all__
__all__ += purchasing.__all__
__all__ += sales.__all__
