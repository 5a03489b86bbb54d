"""Async source of the transport core (the sync twin in ``_sync`` is generated)."""
