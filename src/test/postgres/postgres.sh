#!/usr/bin/env bash
# A throw-away PostgreSQL for the integration tests, from Debian's postgresql package: its own data folder
# under target/, its own loopback port, password authentication, a user named portal and its databases
# portal (for WildFly), portal_payara (for Payara) and portal_cluster (for the cluster tests).
#
#   postgres.sh check              fails when CI=true and PostgreSQL is not installed
#   postgres.sh start DIR PORT     a fresh initdb, then start; prints nothing but problems
#   postgres.sh stop DIR           fast shutdown
#
# PostgreSQL refuses to run as root; as root the server runs as the postgres system user.
set -euo pipefail

bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)

# As root the data folder lives under /tmp, owned by postgres: the checkout's own folders may be closed to
# other users (e.g. under /root).
data_dir() {
    if [ "$(id -u)" = 0 ]; then
        echo "/tmp/meeting-portal-postgresql-$(printf '%s' "$1" | md5sum | cut -c1-12)"
    else
        echo "$1"
    fi
}

as_owner() {
    if [ "$(id -u)" = 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

case "${1:-}" in
check)
    if [ -z "$bin" ]; then
        if [ "${CI:-}" = true ]; then
            echo "PostgreSQL is needed for the PostgreSQL integration tests (apt-get install postgresql)" >&2
            exit 1
        fi
        echo "PostgreSQL not installed: the PostgreSQL integration tests do not run on this machine" >&2
    fi
    ;;
start)
    dir=$(data_dir "$2") port=$3
    # Every run starts from an empty database, whatever an interrupted run left behind.
    if [ -f "$dir/postmaster.pid" ]; then
        as_owner "$bin/pg_ctl" -D "$dir" -m immediate -w stop > /dev/null 2>&1 || true
    fi
    rm -rf "$dir"
    mkdir -p "$dir"
    [ "$(id -u)" = 0 ] && chown postgres: "$dir"
    if [ ! -f "$dir/PG_VERSION" ]; then
        pwfile=$(mktemp)
        echo "portal-test-database" > "$pwfile"
        chmod 644 "$pwfile"
        as_owner "$bin/initdb" -D "$dir" -U portal --pwfile="$pwfile" --auth=scram-sha-256 -E UTF8 \
            --locale=C.UTF-8 > /dev/null
        rm -f "$pwfile"
    fi
    as_owner "$bin/pg_ctl" -D "$dir" -l "$dir/server.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=on" start > /dev/null
    # One database per server under test (WildFly, Payara): each run starts from an empty schema.
    for db in portal portal_payara portal_cluster; do
        PGPASSWORD=portal-test-database "$bin/psql" -h 127.0.0.1 -p "$port" -U portal -d postgres -qc \
            "CREATE DATABASE $db"
    done
    ;;
stop)
    dir=$(data_dir "$2")
    [ -f "$dir/postmaster.pid" ] && as_owner "$bin/pg_ctl" -D "$dir" -m fast -w stop > /dev/null || true
    rm -rf "$dir"
    ;;
*)
    echo "usage: $0 check | start DIR PORT | stop DIR" >&2
    exit 2
    ;;
esac
