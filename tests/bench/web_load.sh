#!/usr/bin/env bash
# 50 simulated users on the demo school through a real `waymark serve`, measured by wrk on loopback
# (issue 7's load target: grid load and save at p95 under 50 ms with no errors). 40 connections load
# Year 4's class grid over and over, signed in as the head; 10 at the same time save one judgement
# each request in Year 4's empty assessment, signed in as Year 4's teacher. Each user pauses about
# THINK_MS between requests (default 1000: a grid opened or a cell saved every second by every user,
# far busier than a staffroom); THINK_MS=0 sends as fast as the server answers, which measures the
# server's capacity rather than its users' wait. Prints one line a group.
#   [THINK_MS=N] tests/bench/web_load.sh [WAYMARK_BINARY] [SECONDS]   (defaults: build/dev/bin/waymark, 20)
# Exits non-zero when any request failed (an HTTP error or a socket error), so a short run is also a
# test that the server holds up under load (ctest web_load.smoke).
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
waymark=$(realpath "${1:-$repo/build/dev/bin/waymark}")
seconds=${2:-20}
folder=$(mktemp -d /tmp/waymark-load.XXXXXX)
server=""
cleanup() {
    [ -n "$server" ] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null
    rm -rf "$folder"
}
trap cleanup EXIT
export WAYMARK_DATA_DIR=$folder TZ=UTC
printf '[plugin org.waymark.school-bands]\nconfig = %s\n' "$repo/plugins/school-bands/example.bands" >"$folder/waymark.ini"
"$waymark" main >"$folder/main.out"

"$waymark" serve --port 0 >"$folder/serve.out" 2>&1 &
server=$!
for _ in $(seq 100); do grep -q "serves" "$folder/serve.out" 2>/dev/null && break; sleep 0.1; done
url=$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$folder/serve.out" | head -1)
[ -n "$url" ] || { echo "waymark serve did not start: $(cat "$folder/serve.out")" >&2; exit 1; }

# Signs USER in with the password `waymark main` printed and the current TOTP code; prints
# "COOKIE CSRF_TOKEN".
sign_in() {
    local user=$1 password jar="$folder/$1.cookies"
    password=$(awk -v user="$user" '$1 == user { print $3 }' "$folder/main.out")
    curl -sf -c "$jar" -H 'Content-Type: application/json' -d "{\"username\":\"$user\",\"password\":\"$password\"}" \
        "$url/api/v1/session" >/dev/null
    curl -sf -b "$jar" -c "$jar" -H 'Content-Type: application/json' \
        -d "{\"code\":\"$("$waymark" users code "$user")\"}" "$url/api/v1/session/second-step" >"$folder/$user.session"
    printf 'waymark_session=%s %s\n' "$(awk '$6 == "waymark_session" { print $7 }' "$jar")" \
        "$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["csrf_token"])' "$folder/$user.session")"
}
read -r head_cookie head_csrf < <(sign_in head)
read -r teacher_cookie teacher_csrf < <(sign_in teacher4)

# The school, the latest assessment (Year 4's is empty: the teacher's to enter), Year 4's first class
# and its pupils, as the page finds them.
api() { curl -sf -b "$1" "$url/api/v1$2"; }
school=$(api "$head_cookie" /schools | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["school"])')
assessment=$(api "$head_cookie" "/schools/$school/assessments" |
    python3 -c 'import json,sys; a=json.load(sys.stdin); a=a["assessments"] if isinstance(a, dict) else a; print(max(a, key=lambda x: x["date"])["id"])')
class=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["classes"][0])' "$folder/teacher4.session")
grid="/api/v1/schools/$school/assessments/$assessment/grid?class=$class"
api "$head_cookie" "${grid#/api/v1}" | python3 -c '
import json, sys
grades = ["B", "T", "OT", "D"]
for n, pupil in enumerate(json.load(sys.stdin)["pupils"]):
    for s, subject in enumerate(["reading", "writing", "maths"]):
        print(json.dumps({"changes": [{"upn": pupil["upn"], "subject": subject, "value": grades[(n + s) % 4]}]}))
' >"$folder/saves.jsonl"

run_group() {  # NAME CONNECTIONS METHOD PATH COOKIE CSRF BODIES
    WL_THINK_MS=${THINK_MS:-1000} WL_METHOD=$3 WL_PATH=$4 WL_COOKIE=$5 WL_CSRF=$6 WL_BODIES=$7 \
        wrk -t1 -c"$2" -d"${seconds}s" --timeout 10s -s "$repo/tests/bench/web_load.lua" "$url" |
        awk -v name="$1" '/^requests / { print name, $0 }'
}
run_group grid_load 40 GET "$grid" "$head_cookie" "$head_csrf" "" >"$folder/grid.result" &
loads=$!
run_group save 10 POST "/api/v1/schools/$school/assessments/$assessment/judgements" "$teacher_cookie" "$teacher_csrf" \
    "$folder/saves.jsonl" >"$folder/save.result"
wait "$loads"
cat "$folder/grid.result" "$folder/save.result"
echo "($seconds s, 50 connections pausing ${THINK_MS:-1000} ms, $(nproc) cores, $(grep -c . "$folder/saves.jsonl") cells of class $class saved in turn)"
! grep -qv 'http_errors 0 socket_errors 0' "$folder/grid.result" "$folder/save.result"
