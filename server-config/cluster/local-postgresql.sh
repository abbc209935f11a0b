#!/usr/bin/env bash
# A PostgreSQL of one's own from Debian's postgresql package, on a loopback port with password
# authentication and a user named portal: the database of local-cluster.sh, and the throw-away one of the
# PostgreSQL test runs (src/test/postgres/postgres.sh).
#
#   local-postgresql.sh start DIR PORT PASSWORD DATABASE...   initdb once, start, create the missing databases
#   local-postgresql.sh fresh DIR PORT PASSWORD DATABASE...   the same from an empty data folder
#   local-postgresql.sh stop DIR                              fast shutdown; the data stays
#   local-postgresql.sh remove DIR                            fast shutdown, and the data goes
#
# PostgreSQL refuses to run as root. As root the server runs as the postgres system user, with its data
# folder under /var/tmp rather than DIR, since the checkout's own folders may be closed to other users.
set -euo pipefail

bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
[ -n "$bin" ] || { echo "local-postgresql: PostgreSQL is not installed (apt-get install postgresql)" >&2; exit 1; }

data_dir() {
    if [ "$(id -u)" = 0 ]; then
        echo "/var/tmp/meeting-portal-postgresql-$(printf '%s' "$1" | md5sum | cut -c1-12)"
    else
        echo "$1"
    fi
}

as_owner() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

stop() {
    [ -f "$1/postmaster.pid" ] && as_owner "$bin/pg_ctl" -D "$1" -m fast -w stop > /dev/null 2>&1 || true
}

start() {
    local data=$1 port=$2 password=$3 pwfile db
    shift 3
    if [ ! -f "$data/PG_VERSION" ]; then
        mkdir -p "$data"
        [ "$(id -u)" = 0 ] && chown postgres: "$data"
        pwfile=$(mktemp)
        echo "$password" > "$pwfile"
        chmod 644 "$pwfile"
        as_owner "$bin/initdb" -D "$data" -U portal --pwfile="$pwfile" --auth=scram-sha-256 -E UTF8 \
            --locale=C.UTF-8 > /dev/null
        rm -f "$pwfile"
    fi
    if ! as_owner "$bin/pg_ctl" -D "$data" status > /dev/null 2>&1; then
        as_owner "$bin/pg_ctl" -D "$data" -l "$data/server.log" -w -t 60 \
            -o "-c listen_addresses=127.0.0.1 -p $port -k $data" start > /dev/null
    fi
    for db in "$@"; do
        PGPASSWORD=$password "$bin/psql" -h 127.0.0.1 -p "$port" -U portal -d postgres -tAc \
            "SELECT 1 FROM pg_database WHERE datname = '$db'" | grep -q 1 \
            || PGPASSWORD=$password "$bin/psql" -h 127.0.0.1 -p "$port" -U portal -d postgres -qc \
                "CREATE DATABASE $db"
    done
}

command=${1:-}
[ $# -ge 2 ] || { echo "usage: $0 start|fresh DIR PORT PASSWORD DATABASE... | stop|remove DIR" >&2; exit 2; }
data=$(data_dir "$2")
shift 2
case "$command" in
start) start "$data" "$@" ;;
fresh)
    # Whatever an interrupted run left behind goes first.
    [ -f "$data/postmaster.pid" ] && as_owner "$bin/pg_ctl" -D "$data" -m immediate -w stop > /dev/null 2>&1 || true
    rm -rf "$data"
    start "$data" "$@"
    ;;
stop) stop "$data" ;;
remove)
    stop "$data"
    rm -rf "$data"
    ;;
*)
    echo "usage: local-postgresql.sh start|fresh DIR PORT PASSWORD DATABASE... | stop|remove DIR" >&2
    exit 2
    ;;
esac
