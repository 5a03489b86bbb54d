"""Benchmarks of the SDK beside hand-written code and a generated client (`nox -s bench`)."""
