#!/usr/bin/env bash
# Installs the servers the fleet tests start on loopback ports (tests/fleet/services.py):
# PostgreSQL (initdb, pg_ctl, psql) and Redis (redis-server). Debian/Ubuntu only; idempotent
# and quiet: it does nothing when both are there, or when apt-get is not (the tests then skip
# with the reason). It starts nothing: the tests start and stop their own throwaway servers.
#
# The Python side of the Celery test is an install of the project's extras, not done here:
#   pip install 'celery[redis]'        # examples/celery_tasks.py end to end
#   pip install 'supplychain-sdk[sql]' # SQLAlchemy URLs for SQLCheckpoint (optional)
set -euo pipefail

have_postgres() {
    compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || command -v initdb >/dev/null
}

missing=()
have_postgres || missing+=(postgresql)
command -v redis-server >/dev/null || missing+=(redis-server)

if [ "${#missing[@]}" -eq 0 ]; then
    exit 0
fi
if ! command -v apt-get >/dev/null; then
    echo "ci_services: no apt-get; not installing ${missing[*]} (the tests that need them skip)" >&2
    exit 0
fi

sudo=()
if [ "$(id -u)" -ne 0 ]; then
    if ! command -v sudo >/dev/null; then
        echo "ci_services: not root and no sudo; not installing ${missing[*]}" >&2
        exit 0
    fi
    sudo=(sudo -n)
fi

export DEBIAN_FRONTEND=noninteractive
# Debian's packages start their services on install where an init system runs; the tests
# never use those (they start their own on free ports), so ask policy-rc.d to skip them.
policy=/usr/sbin/policy-rc.d
added_policy=0
if [ ! -e "$policy" ] && [ "$(id -u)" -eq 0 ]; then
    printf '#!/bin/sh\nexit 101\n' >"$policy"
    chmod +x "$policy"
    added_policy=1
fi
cleanup() {
    if [ "$added_policy" -eq 1 ]; then rm -f "$policy"; fi
    return 0
}
trap cleanup EXIT

log=$(mktemp)
if ! { "${sudo[@]}" apt-get update -qq &&
    "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"; } >"$log" 2>&1; then
    cat "$log" >&2
    rm -f "$log"
    echo "ci_services: installing ${missing[*]} failed" >&2
    exit 1
fi
rm -f "$log"
echo "ci_services: installed ${missing[*]}"
