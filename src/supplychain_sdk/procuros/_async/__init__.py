"""Async source of the Procuros client (the sync twin in ``_sync`` is generated)."""
