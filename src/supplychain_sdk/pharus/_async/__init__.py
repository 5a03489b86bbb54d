"""The Pharus client, written async (``_sync`` is generated from it)."""
