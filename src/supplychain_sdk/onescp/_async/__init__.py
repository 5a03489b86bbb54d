"""The ONESCP client, written async (``_sync`` is generated from it)."""
