"""The transport core's I/O code, written async (``_sync`` is generated from it)."""
