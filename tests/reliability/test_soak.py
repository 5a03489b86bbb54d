"""The fault soak, seeded, 1,000 operations: no duplicate write, every failure typed.

See ``soak.py`` for the design; ``nox -s soak`` runs 10,000 operations.
"""

from __future__ import annotations

import pytest

from .faultproxy import API_FAULTS, TOKEN_FAULTS
from .soak import SoakReport, render, run_soak
from .soak_platforms import PLATFORMS


@pytest.fixture(scope="module")
def report() -> SoakReport:
    return run_soak(ops=1000, seed=20261130)


def test_the_soak_drives_every_platform_client_kind_and_operation_kind(
    report: SoakReport,
) -> None:
    seen = {(o.platform, o.mode, o.op.kind) for o in report.outcomes}
    expected = {
        (p.name, mode, op.kind) for p in PLATFORMS for mode in ("sync", "async") for op in p.ops
    }
    assert seen == expected
    assert len(report.outcomes) == 1000
    assert {"read", "page", "create", "conditional", "upsert"} <= set(report.operations())


def test_the_soak_injects_every_fault_on_api_and_token_requests(report: SoakReport) -> None:
    injected = sum(report.faults.values())
    assert 0.07 * report.requests <= injected <= 0.13 * report.requests, render(report)
    assert {f"api:{kind}" for kind in API_FAULTS} <= set(report.faults), render(report)
    token_kinds = {k for k in report.faults if k.startswith("token:")}
    assert len(token_kinds) >= 3, render(report)
    assert {f"token:{kind}" for kind in TOKEN_FAULTS} >= token_kinds
    # two of the five platforms fetch tokens (CartonCloud, ONESCP): ~400 of the operations
    assert report.token_requests >= 40, render(report)


def test_no_write_is_executed_twice(report: SoakReport) -> None:
    assert report.duplicates == []
    assert [p for p in report.problems if "plain POST was sent" in p] == []


def test_every_failure_is_an_sdk_error_naming_method_and_url(report: SoakReport) -> None:
    untyped = [
        p
        for p in report.problems
        if "outside the SDK hierarchy" in p or "without method and URL" in p or "names no" in p
    ]
    assert untyped == []
    assert sum(report.failures().values()) > 0, "the faults made some calls fail"


def test_every_call_whose_faults_fit_the_budget_succeeds(report: SoakReport) -> None:
    assert [p for p in report.problems if "fit the budget" in p] == []
    assert report.retries > 0


def test_a_write_that_may_have_been_applied_fails_with_outcome_unknown(
    report: SoakReport,
) -> None:
    """A plain POST or If-Match update whose last answer was lost, unreadable or a 502 (it
    may have been applied) is not sent again, and its error says the outcome is unknown; one
    refused with 503/429 (not processed) says it is known."""
    checked = {"unknown": 0, "known": 0}
    for outcome in report.outcomes:
        if outcome.op.kind not in {"create", "conditional"} or outcome.error is None:
            continue
        api = [e for e in outcome.events if not e.token]
        last = api[-1].fault if api else None
        if last in {"reset", "reset_mid_body", "stall", "502", "malformed_json"}:
            assert outcome.error.outcome_unknown is True, outcome.label
            checked["unknown"] += 1
        elif last in {"503", "429"}:
            assert outcome.error.outcome_unknown is False, outcome.label
            checked["known"] += 1
    assert checked["unknown"] > 0
    assert checked["known"] > 0


def test_nothing_else_went_wrong(report: SoakReport) -> None:
    assert report.problems == [], render(report)


def test_the_judge_catches_a_client_that_retries_plain_posts() -> None:
    """The soak can fail: opting every POST in to retries makes it report duplicates."""
    onescp = [p for p in PLATFORMS if p.name == "onescp"]
    careless = run_soak(
        ops=100, seed=7, rate=0.4, platforms=onescp, options={"retry_non_idempotent": True}
    )
    assert careless.duplicates or any("plain POST was sent" in p for p in careless.problems)
