#!/usr/bin/env bash
# The identity provider of the integration tests: Keycloak from Maven Central (unpacked by the build into
# DIR), in development mode on a loopback port, with the realm "staff" of staff-realm.json imported: two
# employees, ann.lee in the group portal-admins and bob.chen, and the client meeting-portal. Started once per
# build, before the servers under test, and stopped after them.
#
#   keycloak.sh start DIR PORT    starts it and waits until the realm answers; prints nothing but problems
#   keycloak.sh stop DIR
#
# The realm's admin for the tests' changes (renaming, disabling people) is "admin" with the password in
# KEYCLOAK_ADMIN_PASSWORD (default keycloak-test-admin).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)

case "${1:-}" in
start)
    dir=$2 port=$3
    home=$(ls -d "$dir"/keycloak-* 2> /dev/null | head -n 1)
    [ -n "$home" ] && [ -x "$home/bin/kc.sh" ] || { echo "keycloak.sh: no Keycloak unpacked in $dir" >&2; exit 1; }
    if [ -f "$dir/keycloak.pid" ] && kill -0 "$(cat "$dir/keycloak.pid")" 2> /dev/null; then
        kill "$(cat "$dir/keycloak.pid")" && sleep 2 || true
    fi
    # Every build starts from the realm as written: nothing a previous build changed is left.
    rm -rf "$home/data"
    mkdir -p "$home/data/import"
    cp "$here/staff-realm.json" "$home/data/import/"
    KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=${KEYCLOAK_ADMIN_PASSWORD:-keycloak-test-admin} \
    JAVA_OPTS_APPEND="-Xms64m -Xmx512m" \
        nohup "$home/bin/kc.sh" start-dev --http-host=127.0.0.1 --http-port="$port" --import-realm \
        > "$dir/keycloak.log" 2>&1 &
    echo $! > "$dir/keycloak.pid"
    for _ in $(seq 1 240); do
        if curl -sf -o /dev/null "http://127.0.0.1:$port/realms/staff/.well-known/openid-configuration"; then
            exit 0
        fi
        kill -0 "$(cat "$dir/keycloak.pid")" 2> /dev/null || { echo "keycloak.sh: Keycloak stopped; see $dir/keycloak.log" >&2; exit 1; }
        sleep 1
    done
    echo "keycloak.sh: Keycloak did not answer within 240 s; see $dir/keycloak.log" >&2
    exit 1
    ;;
stop)
    dir=$2
    if [ -f "$dir/keycloak.pid" ]; then
        pid=$(cat "$dir/keycloak.pid")
        # kc.sh runs Keycloak's JVM as its child: end both.
        pkill -TERM -P "$pid" 2> /dev/null || true
        kill "$pid" 2> /dev/null || true
        for _ in $(seq 1 30); do
            kill -0 "$pid" 2> /dev/null || break
            sleep 1
        done
        rm -f "$dir/keycloak.pid"
    fi
    ;;
*)
    echo "usage: $0 start DIR PORT | stop DIR" >&2
    exit 2
    ;;
esac
