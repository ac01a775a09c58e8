#!/usr/bin/env bash
# A throwaway PostgreSQL server on loopback for the test suite, run as the unprivileged `postgres`
# user (root in CI has no systemd). Usage: test-postgres.sh start|stop|connection|crash|resume DIR | standby PRIMARY_DIR STANDBY_DIR
# `crash` stops the server as a power cut would (`pg_ctl stop -m immediate`: no checkpoint, every
# connection dropped at once) and `resume` starts it again on the same port, recovering from its log,
# for the fault-injection tests.
# `standby PRIMARY_DIR STANDBY_DIR` makes STANDBY_DIR a streaming-replication standby of the running
# server in PRIMARY_DIR (pg_basebackup -R: initdb -A trust lets loopback replicate) on a port of its
# own; `connection`, `crash`, `resume` and `stop` then work on STANDBY_DIR as on any server.
set -euo pipefail

command=${1:?start, stop, connection, crash or resume}
dir=${2:?a scratch folder}
pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)

port_is_free() {
    ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# The first free port from WAYMARK_TEST_POSTGRES_PORT (default 55432) on, so a server left running by
# an earlier run, or another project's, never stops this one; remembered in DIR for `connection`.
choose_port() {
    local port=${WAYMARK_TEST_POSTGRES_PORT:-55432}
    while ! port_is_free "$port"; do port=$((port + 1)); done
    echo "$port"
}

as_postgres() {
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

start_server() {
    local port
    port=$(cat "$dir/port")
    if ! as_postgres "$pg_bin/pg_ctl" -D "$dir/data" -w -l "$dir/server.log" \
        -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null; then
        tail -n 5 "$dir/server.log" >&2
        return 1
    fi
}

# Tests start servers in parallel, so the port found free may be taken before this server binds
# it: then the next free one is tried, a few times.
start_on_a_free_port() {
    local attempt
    for attempt in 1 2 3 4 5; do
        choose_port >"$dir/port"
        rm -f "$dir/server.log"
        start_server 2>"$dir/start.err" && return 0
        grep -q 'could not bind\|Address already in use\|could not create lock file' "$dir/server.log" || break
        WAYMARK_TEST_POSTGRES_PORT=$(($(cat "$dir/port") + 1))
    done
    cat "$dir/start.err" >&2
    return 1
}

case "$command" in
    start)
        [ "$(id -u)" -eq 0 ] && chown postgres "$dir"
        # --no-sync as the server's fsync=off: a throwaway cluster, made in 1.4 s instead of 4 (the
        # fault tests make one a case).
        as_postgres "$pg_bin/initdb" --no-sync -D "$dir/data" -A trust -U waymark -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log"
        start_on_a_free_port
        port=$(cat "$dir/port")
        psql -h 127.0.0.1 -p "$port" -U waymark -d postgres -qc 'CREATE DATABASE waymark_test' >/dev/null
        ;;
    standby)
        standby_dir=${3:?a scratch folder for the standby}
        mkdir -p "$standby_dir"
        [ "$(id -u)" -eq 0 ] && chown postgres "$standby_dir"
        as_postgres "$pg_bin/pg_basebackup" -h 127.0.0.1 -p "$(cat "$dir/port")" -U waymark -D "$standby_dir/data" -R -X stream -c fast
        dir=$standby_dir
        start_on_a_free_port
        ;;
    stop)
        as_postgres "$pg_bin/pg_ctl" -D "$dir/data" -m fast stop >/dev/null 2>&1 || true
        rm -rf "$dir"
        ;;
    crash)
        as_postgres "$pg_bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null
        ;;
    resume)
        start_server
        ;;
    connection)
        port=$(cat "$dir/port")
        echo "DRIVER={PostgreSQL Unicode};Server=127.0.0.1;Port=$port;Database=waymark_test;Uid=waymark;Pwd=;UseDeclareFetch=1;Fetch=10000;"
        ;;
    *)
        echo "usage: test-postgres.sh start|stop|connection|crash|resume DIR | standby PRIMARY_DIR STANDBY_DIR" >&2
        exit 2
        ;;
esac
