#!/usr/bin/env bash
# The throw-away PostgreSQL of the PostgreSQL test runs (server-config/cluster/local-postgresql.sh), with its
# databases portal (for WildFly), portal_payara (for Payara) and portal_cluster (for the cluster tests).
#
#   postgres.sh check              fails when CI=true and PostgreSQL is not installed
#   postgres.sh start DIR PORT     an empty database, then start; prints nothing but problems
#   postgres.sh stop DIR           fast shutdown, and the data goes
set -euo pipefail

local_postgresql=$(cd "$(dirname "$0")/../../.." && pwd)/server-config/cluster/local-postgresql.sh

case "${1:-}" in
check)
    if ! ls -d /usr/lib/postgresql/*/bin > /dev/null 2>&1; then
        if [ "${CI:-}" = true ]; then
            echo "PostgreSQL is needed for the PostgreSQL integration tests (apt-get install postgresql)" >&2
            exit 1
        fi
        echo "PostgreSQL not installed: the PostgreSQL integration tests do not run on this machine" >&2
    fi
    ;;
start)
    # Every run starts from an empty database, whatever an interrupted run left behind.
    "$local_postgresql" fresh "$2" "$3" portal-test-database portal portal_payara portal_cluster
    ;;
stop)
    "$local_postgresql" remove "$2"
    ;;
*)
    echo "usage: $0 check | start DIR PORT | stop DIR" >&2
    exit 2
    ;;
esac
