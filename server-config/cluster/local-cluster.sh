#!/usr/bin/env bash
# The portal as a cluster on one machine: Debian's PostgreSQL, two WildFly nodes (port offsets 100 and 200,
# HTTP on 8180 and 8280) and Debian's nginx in front of them on http://localhost:8080, call socket included.
# docs/operations.md ("A cluster") says how to do the same on two machines.
#
#   local-cluster.sh start          everything, building the WAR and the nodes' server first if needed
#   local-cluster.sh stop           everything
#   local-cluster.sh status
#   local-cluster.sh stop-node N    stops node N (1 or 2) gracefully: it drains, the balancer moves people
#   local-cluster.sh start-node N
#   local-cluster.sh kill-node N    kill -9, as a crash would
#
# The nodes take their settings from this script's environment, as the run command does (PORTAL_*, TRTC_*).
# Without PORTAL_DB_URL the script runs a PostgreSQL of its own (port PORTAL_CLUSTER_DB_PORT, 5433) whose
# data stays between runs. PORTAL_CLUSTER_PORT (8080), PORTAL_CLUSTER_OFFSETS ("100 200") and
# PORTAL_CLUSTER_DIR (target/cluster) move it all elsewhere, e.g. beside a portal already running.
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
dir=${PORTAL_CLUSTER_DIR:-$root/target/cluster}
port=${PORTAL_CLUSTER_PORT:-8080}
read -r -a offsets <<< "${PORTAL_CLUSTER_OFFSETS:-100 200}"
server=$root/target/server-cluster
war=$root/target/meeting-portal.war

die() {
    echo "local-cluster: $*" >&2
    exit 1
}

offset_of() {
    [[ "$1" =~ ^[0-9]+$ ]] && [ "$1" -ge 1 ] && [ "$1" -le ${#offsets[@]} ] || die "no node $1"
    echo "${offsets[$(($1 - 1))]}"
}

start_database() {
    [ -n "${PORTAL_DB_URL:-}" ] && return
    local db_port=${PORTAL_CLUSTER_DB_PORT:-5433}
    export PORTAL_DB_USER=portal PORTAL_DB_PASSWORD=${PORTAL_DB_PASSWORD:-portal-local-cluster}
    export PORTAL_DB_URL="jdbc:postgresql://127.0.0.1:$db_port/portal"
    "$root/server-config/cluster/local-postgresql.sh" start "$dir/postgresql" "$db_port" "$PORTAL_DB_PASSWORD" portal \
        || die "PostgreSQL did not start (apt-get install postgresql), or set PORTAL_DB_URL"
}

stop_database() {
    [ -n "${PORTAL_DB_URL:-}" ] && return
    "$root/server-config/cluster/local-postgresql.sh" stop "$dir/postgresql"
}

build() {
    if [ ! -f "$war" ] || [ ! -x "$server/bin/standalone.sh" ]; then
        echo "local-cluster: building the WAR and the nodes' server (mvn -B -DskipTests package)"
        (cd "$root" && mvn -B -q -DskipTests package) || die "the build failed"
    fi
}

node_pid() {
    local pidfile=$dir/node$1/server.pid
    [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2> /dev/null && cat "$pidfile"
}

start_node() {
    local n=$1 off base
    off=$(offset_of "$n")
    base=$dir/node$n
    node_pid "$n" > /dev/null && return
    if [ ! -d "$base/configuration" ]; then
        mkdir -p "$base/data"
        # The configuration and the deployed content it names (the JDBC driver); logs and data are the node's.
        cp -r "$server/standalone/configuration" "$server/standalone/deployments" "$base/"
        cp -r "$server/standalone/data/content" "$base/data/"
    fi
    cp "$war" "$base/deployments/meeting-portal.war"
    # A killed node leaves its pid file behind, which would read as "died while starting". And the balancer
    # keeps it out until it answers: while the WAR deploys, the listener already answers 404.
    # (A reload closes idle keep-alive connections, which a client may be reusing: only when it changes.)
    rm -f "$base/server.pid"
    if [ ! -f "$base/draining" ]; then
        touch "$base/draining"
        if balancer_running; then start_balancer > /dev/null; fi
    fi
    # Each node its own data folder (nothing shared lives there) and its own address in the balancer's eyes.
    PORTAL_DATA_DIR=$base/data PORTAL_TRUSTED_PROXIES=127.0.0.1 \
    PORTAL_PUBLIC_URL=${PORTAL_PUBLIC_URL:-http://localhost:$port/} \
    JBOSS_PIDFILE=$base/server.pid LAUNCH_JBOSS_IN_BACKGROUND=1 \
    JAVA_OPTS="-Xms64m -Xmx512m -Djava.net.preferIPv4Stack=true -Dorg.wildfly.sigterm.suspend.timeout=30" \
        nohup "$server/bin/standalone.sh" -Djboss.server.base.dir="$base" -Djboss.node.name="node$n" \
            -Djboss.socket.binding.port-offset="$off" -Djboss.bind.address.private=127.0.0.1 \
            > "$base/console.log" 2>&1 &
}

wait_for_node() {
    local n=$1 off
    off=$(offset_of "$n")
    for _ in $(seq 1 240); do
        if curl -sf -o /dev/null "http://127.0.0.1:$((8080 + off))/api/health"; then
            echo "local-cluster: node$n is up on http://127.0.0.1:$((8080 + off))/"
            rm -f "$dir/node$n/draining"
            if balancer_running; then start_balancer > /dev/null; fi
            return
        fi
        [ -f "$dir/node$n/server.pid" ] && ! node_pid "$n" > /dev/null && break
        sleep 0.5
    done
    die "node$n did not come up: see $dir/node$n/log/server.log"
}

# A node answers before the nodes have found each other: two started at the same moment may each find no
# other in the database and begin a cluster of their own, until JGroups merges them, and a session made
# meanwhile lives on one node only. So the nodes are one cluster when each has logged a view of all of them
# since this start (logged[n]: its log's lines before).
wait_for_one_cluster() {
    local n other view together
    for _ in $(seq 1 120); do
        together=true
        for n in $(seq 1 ${#offsets[@]}); do
            view=$( (tail -n +"$((${logged[$n]} + 1))" "$dir/node$n/log/server.log" 2> /dev/null || true) \
                | (grep -oE '\[node[0-9]+(, node[0-9]+)+\]' || true) | tail -n 1)
            for other in $(seq 1 ${#offsets[@]}); do
                [[ "$view" =~ (\[|\ )node$other(,|\]) ]] || together=false
            done
        done
        if $together; then
            echo "local-cluster: the nodes are one cluster"
            return
        fi
        sleep 0.5
    done
    die "the nodes did not form one cluster within 60 s: see $dir/node*/log/server.log"
}

stop_node() {
    local n=$1 pid
    pid=$(node_pid "$n") || return 0
    # The balancer stops sending it anything new; nginx's reload lets requests under way finish.
    touch "$dir/node$n/draining"
    if balancer_running; then start_balancer > /dev/null; sleep 1; fi
    # SIGTERM suspends the server first: what still arrives gets 503, what is in flight finishes (30 s at most).
    kill -TERM "$pid"
    for _ in $(seq 1 90); do
        kill -0 "$pid" 2> /dev/null || return 0
        sleep 0.5
    done
    kill -KILL "$pid" 2> /dev/null || true
}

kill_node() {
    local pid
    pid=$(node_pid "$1") || die "node$1 is not running"
    kill -KILL "$pid"
    # Returns once it is gone: until then its listening socket still takes connections and resets them.
    for _ in $(seq 1 100); do
        kill -0 "$pid" 2> /dev/null || return 0
        sleep 0.1
    done
    die "node$1 (pid $pid) outlived kill -9 by 10 s"
}

balancer_running() {
    [ -f "$dir/nginx/nginx.pid" ] && kill -0 "$(cat "$dir/nginx/nginx.pid")" 2> /dev/null
}

start_balancer() {
    local conf=$dir/nginx
    mkdir -p "$conf/tmp"
    {
        echo "worker_processes 1;"
        echo "pid $conf/nginx.pid;"
        echo "error_log $conf/error.log;"
        echo "events { worker_connections 4096; }"
        echo "http {"
        echo "    access_log $conf/access.log;"
        echo "    client_body_temp_path $conf/tmp/body; proxy_temp_path $conf/tmp/proxy;"
        echo "    fastcgi_temp_path $conf/tmp/fastcgi; uwsgi_temp_path $conf/tmp/uwsgi; scgi_temp_path $conf/tmp/scgi;"
        local line
        while IFS= read -r line; do
            if [[ "$line" =~ ^[[:space:]]*@SERVERS@[[:space:]]*$ ]]; then
                for n in $(seq 1 ${#offsets[@]}); do
                    echo "        server 127.0.0.1:$((8080 + $(offset_of "$n"))) max_fails=1 fail_timeout=3s$(
                        [ -f "$dir/node$n/draining" ] && echo " down");"
                done
            else
                echo "    ${line//@PORT@/$port}"
            fi
        done < "$root/server-config/cluster/balancer.conf"
        echo "}"
    } > "$conf/nginx.conf"
    if balancer_running; then
        nginx -p "$conf" -c "$conf/nginx.conf" -s reload 2> /dev/null
    else
        nginx -p "$conf" -c "$conf/nginx.conf"
    fi
    echo "local-cluster: the balancer is on http://localhost:$port/"
}

stop_balancer() {
    local conf=$dir/nginx
    if balancer_running; then nginx -p "$conf" -c "$conf/nginx.conf" -s stop 2> /dev/null || true; fi
    # A master that lost its pid file (a reload racing a stop) is found by its configuration.
    pkill -TERM -f -- "-c $conf/nginx.conf" 2> /dev/null || true
}

case "${1:-}" in
start)
    command -v nginx > /dev/null || die "nginx is not installed (apt-get install nginx-light)"
    build
    start_database
    # All at once: the nodes agree among themselves, through the database, on who migrates the schema and
    # creates the first admin.
    declare -A logged
    for n in $(seq 1 ${#offsets[@]}); do
        logged[$n]=0
        if [ -f "$dir/node$n/log/server.log" ]; then logged[$n]=$(wc -l < "$dir/node$n/log/server.log"); fi
        start_node "$n"
    done
    for n in $(seq 1 ${#offsets[@]}); do wait_for_node "$n"; done
    wait_for_one_cluster
    start_balancer
    ;;
stop)
    stop_balancer
    for n in $(seq 1 ${#offsets[@]}); do stop_node "$n"; done
    stop_database
    ;;
status)
    for n in $(seq 1 ${#offsets[@]}); do
        if pid=$(node_pid "$n"); then echo "node$n: running (pid $pid)"; else echo "node$n: stopped"; fi
    done
    ;;
start-node)
    build
    start_database
    start_node "${2:-}"
    wait_for_node "$2"
    ;;
stop-node)
    offset_of "${2:-}" > /dev/null
    stop_node "$2"
    ;;
kill-node)
    offset_of "${2:-}" > /dev/null
    kill_node "$2"
    ;;
*)
    echo "usage: $0 start | stop | status | start-node N | stop-node N | kill-node N" >&2
    exit 2
    ;;
esac
