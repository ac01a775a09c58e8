#!/usr/bin/env bash
# package-test.sh PACKAGES_DIR: the Debian packages tried as a school's technician would, on this
# machine (as root), then purged again. Every step names what failed.
#   1. lintian: no tag beyond those the package overrides, each with its reason;
#   2. apt-get install ./waymark_*.deb ./waymark-sdk-dev_*.deb;
#   3. `waymark main` as the waymark user against the installed paths and /etc/waymark/waymark.ini;
#   4. the unit's ExecStartPre and ExecStart lines run as its User; /api/v1/health; a teacher signs
#      in through a real nginx on loopback with a self-signed certificate (HSTS, Secure cookie),
#      by the API and then in headless Chromium through the page (its screenshot kept);
#      SIGTERM stops it with exit status 0;
#   5. `systemd-analyze security` of the unit (its exposure score is printed);
#   6. an upgrade keeps the edited settings file and migrates; a downgrade against a newer schema is
#      refused by postinst with waymark's sentence;
#   7. the SDK's example plugin built out of tree against the installed waymark-sdk-dev and checked
#      by the installed waymark;
#   8. apt-get purge: nothing of the packages is left but the data folder /var/lib/waymark.
set -euo pipefail

packages=$(cd "$1" && pwd)
# It installs, purges and removes /var/lib/waymark: never on a machine that runs Waymark for real.
if dpkg -s waymark >/dev/null 2>&1 || [ -e /var/lib/waymark ]; then
    echo "package test: this machine already has the waymark package or /var/lib/waymark, which the test" \
        "would purge and delete; run it on a machine without them (CI does), or back up and purge first." >&2
    exit 1
fi
work=$(mktemp -d /tmp/waymark-package-test.XXXXXX)
chmod 755 "$work"
# Where the signed-in page's screenshot is kept for a person to look at (beside the web tests').
screenshots=${WAYMARK_SCREENSHOTS:-$work}
mkdir -p "$screenshots"
server_pid=
nginx_conf=
cleanup() {
    [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true
    [ -n "$nginx_conf" ] && nginx -c "$nginx_conf" -s stop 2>/dev/null || true
    dpkg -s waymark >/dev/null 2>&1 && apt-get purge -y -qq waymark waymark-sdk-dev >/dev/null 2>&1 || true
    rm -rf "$work" /var/lib/waymark
}
trap cleanup EXIT
fail() {
    echo "package test: $*" >&2
    exit 1
}
step() { echo "== package test: $*"; }

host_deb=$(ls "$packages"/waymark_*.deb)
sdk_deb=$(ls "$packages"/waymark-sdk-dev_*.deb)
[ -n "$host_deb" ] && [ -n "$sdk_deb" ] || fail "no waymark_*.deb and waymark-sdk-dev_*.deb in $packages"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

step "lintian"
lintian --fail-on error,warning "$host_deb" "$sdk_deb" ||
    fail "lintian reports the tags above; fix them or override each with its reason (installer/debian/lintian-overrides)"

step "install"
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$host_deb" "$sdk_deb" >"$work/install.log" 2>&1 ||
    { cat "$work/install.log"; fail "apt-get install of the packages failed (above)"; }
for installed in /usr/bin/waymark /lib/systemd/system/waymark.service /etc/waymark/waymark.ini \
    /usr/share/man/man1/waymark.1.gz /usr/share/waymark/ctf/result_codes.csv /usr/share/waymark/odbc/postgresql.ini \
    /usr/include/waymark/plugin.h /usr/lib/cmake/WaymarkSDK/WaymarkSDKConfig.cmake; do
    [ -e "$installed" ] || fail "$installed is not installed"
done
ls /usr/lib/waymark/plugins/*.so >/dev/null || fail "no built-in plugin in /usr/lib/waymark/plugins"
getent passwd waymark >/dev/null || fail "postinst made no waymark system user"
[ "$(stat -c %U /var/lib/waymark)" = waymark ] || fail "/var/lib/waymark is not the waymark user's"
dpkg -L waymark waymark-sdk-dev | sort -u >"$work/files"
as_waymark() { (cd /var/lib/waymark && runuser -u waymark -- "$@"); }

step "waymark main, installed"
as_waymark waymark main >"$work/main.log" 2>&1 || { cat "$work/main.log"; fail "waymark main failed as installed"; }
grep -q "org.waymark.lancashire-four-band" "$work/main.log" || fail "waymark main as installed shows no built-in scheme"
man -l /usr/share/man/man1/waymark.1.gz 2>/dev/null | grep -q "check-config" || fail "the man page lacks serve --check-config"

step "the service, as its unit starts it"
port=$(free_port)
sed -i "s/^port = .*/port = $port/; s/^; trusted_proxy = .*/trusted_proxy = 127.0.0.1/" /etc/waymark/waymark.ini
unit=/lib/systemd/system/waymark.service
pre=$(sed -n 's/^ExecStartPre=//p' "$unit")
start=$(sed -n 's/^ExecStart=//p' "$unit")
[ "$(sed -n 's/^User=//p' "$unit")" = waymark ] || fail "the unit does not run as the waymark user"
# shellcheck disable=SC2086 # the unit's command line, split as systemd splits it
as_waymark $pre >"$work/check.log" || { cat "$work/check.log"; fail "ExecStartPre ($pre) refused the packaged settings"; }
# shellcheck disable=SC2086
(cd /var/lib/waymark && exec runuser -u waymark -- $start) >"$work/serve.log" 2>&1 &
server_pid=$!
for _ in $(seq 50); do
    curl -sf "http://127.0.0.1:$port/api/v1/health" >"$work/health" 2>/dev/null && break
    sleep 0.2
done
grep -q '"ok"' "$work/health" 2>/dev/null || { cat "$work/serve.log"; fail "GET /api/v1/health of the service did not answer ok"; }

step "HTTPS through nginx, a teacher signs in"
tls_port=$(free_port)
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=localhost" -keyout "$work/tls.key" -out "$work/tls.pem" \
    >/dev/null 2>&1
nginx_conf="$work/nginx.conf"
{
    echo "pid $work/nginx.pid; error_log $work/nginx-error.log; events {}"
    echo "http { access_log off; client_body_temp_path $work; proxy_temp_path $work;"
    # The shipped site, its HTTPS server only, on loopback ports with the test's certificate.
    sed -n '/listen 443/,$p' /usr/share/doc/waymark/examples/nginx-waymark.conf |
        sed -e "s|listen 443 ssl http2;|listen 127.0.0.1:$tls_port ssl http2;|" -e '/listen \[::\]:443/d' \
            -e "s|/etc/ssl/certs/waymark.pem|$work/tls.pem|" -e "s|/etc/ssl/private/waymark.key|$work/tls.key|" \
            -e "s|127.0.0.1:8080|127.0.0.1:$port|" -e 's|shared:waymark:10m|off|' | sed '1s/^/server {\n/'
    echo "}"
} >"$nginx_conf"
nginx -t -c "$nginx_conf" >/dev/null 2>&1 || { nginx -t -c "$nginx_conf"; fail "the shipped nginx site does not load"; }
nginx -c "$nginx_conf"
as_waymark waymark users add techtest --role teacher --classes Maple >"$work/user.log"
password=$(sed -n 's/^  password: *//p' "$work/user.log")
https="https://127.0.0.1:$tls_port"
curl -sk -D "$work/signin.headers" -c "$work/cookies" -H 'Content-Type: application/json' \
    -d "{\"username\": \"techtest\", \"password\": \"$password\"}" "$https/api/v1/session" >"$work/signin.body"
grep -qi '^strict-transport-security: max-age=' "$work/signin.headers" || fail "nginx's answer carries no HSTS header"
grep -i '^set-cookie: waymark_session=' "$work/signin.headers" | grep -qi '; *secure' ||
    fail "the session cookie behind HTTPS is not Secure: $(grep -i set-cookie "$work/signin.headers")"
code=$(as_waymark waymark users code techtest)
curl -sk -b "$work/cookies" -H 'Content-Type: application/json' -d "{\"code\": \"$code\"}" \
    "$https/api/v1/session/second-step" >"$work/second.body"
grep -q '"role": *"teacher"' "$work/second.body" || fail "the teacher's second step did not sign in: $(cat "$work/second.body")"
curl -sk -b "$work/cookies" "$https/api/v1/session" | grep -q '"username": *"techtest"' ||
    fail "the signed-in teacher's session is not answered through nginx"
# Then as the teacher meets it: the page in a real browser, password and code typed in.
as_waymark waymark users add browsertest --role teacher --classes Maple >"$work/browser-user.log"
browser_password=$(sed -n 's/^  password: *//p' "$work/browser-user.log")
"$(dirname "$0")/browser-sign-in.py" "$https" browsertest "$browser_password" "$screenshots/package-signed-in.png" \
    -- runuser -u waymark -- sh -c 'cd /var/lib/waymark && waymark users code browsertest' ||
    fail "a teacher could not sign in through the browser (above)"
nginx -c "$nginx_conf" -s stop
nginx_conf=

step "SIGTERM stops the service gracefully"
kill -TERM "$(pgrep -u waymark -f "waymark serve" | head -1)"
wait "$server_pid" || fail "waymark serve did not exit 0 on SIGTERM: $(tail -3 "$work/serve.log")"
server_pid=
grep -q "Stopped on SIGTERM" "$work/serve.log" || fail "waymark serve did not report its stop"

step "systemd-analyze security"
systemd-analyze security --offline=true --no-pager "$unit" >"$work/security.log" 2>&1 || true
grep -E "Overall exposure level" "$work/security.log" || { cat "$work/security.log"; fail "systemd-analyze security gave no score"; }

step "upgrade keeps the settings, downgrade against a newer schema is refused"
version=$(dpkg-deb -f "$host_deb" Version)
newer_dir="$work/newer"
mkdir -p "$newer_dir"
dpkg-deb -R "$host_deb" "$newer_dir/root"
sed -i "s/^Version: .*/Version: $version+upgrade1/" "$newer_dir/root/DEBIAN/control"
dpkg-deb -b --root-owner-group "$newer_dir/root" "$newer_dir/waymark_upgrade.deb" >/dev/null
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$newer_dir/waymark_upgrade.deb" >"$work/upgrade.log" 2>&1 ||
    { cat "$work/upgrade.log"; fail "the upgrade failed"; }
grep -q "^port = $port" /etc/waymark/waymark.ini || fail "the upgrade replaced the edited settings file"
as_waymark waymark users list | grep -q techtest || fail "the upgrade lost the database's users"
# A database a newer waymark has written: its schema version beyond this package's.
latest=$(sqlite3 /var/lib/waymark/waymark.db "SELECT MAX(version) FROM wm_schema_version")
sqlite3 /var/lib/waymark/waymark.db \
    "INSERT INTO wm_schema_version (version, description, applied_at) VALUES ($((latest + 1)), 'from a newer waymark', '2027-01-01')"
if DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --allow-downgrades "$host_deb" >"$work/downgrade.log" 2>&1; then
    fail "a downgrade against a newer schema was configured"
fi
grep -q "upgrade waymark before using this database" "$work/downgrade.log" ||
    { cat "$work/downgrade.log"; fail "the refused downgrade did not say why"; }
sqlite3 /var/lib/waymark/waymark.db "DELETE FROM wm_schema_version WHERE version = $((latest + 1))"
dpkg --configure -a >/dev/null || fail "after the newer schema row was removed, the downgrade still does not configure"

step "the SDK example, out of tree against waymark-sdk-dev"
cp -r /usr/share/doc/waymark-sdk-dev/examples/hello-scheme "$work/hello-scheme"
cmake -S "$work/hello-scheme" -B "$work/hello-build" -G Ninja -DCMAKE_BUILD_TYPE=Release >"$work/sdk.log" 2>&1 &&
    cmake --build "$work/hello-build" >>"$work/sdk.log" 2>&1 || { cat "$work/sdk.log"; fail "the SDK example does not build"; }
plugin=$(find "$work/hello-build" -name '*.so' | head -1)
waymark plugins check "$plugin" >"$work/plugin.log" || { cat "$work/plugin.log"; fail "the installed waymark refuses the example"; }

step "purge"
DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq waymark waymark-sdk-dev >"$work/purge.log" 2>&1 ||
    { cat "$work/purge.log"; fail "apt-get purge failed"; }
left=$(while read -r path; do
    if [ -f "$path" ] || [ -L "$path" ]; then echo "$path"; fi
done <"$work/files")
[ -z "$left" ] || fail "purge left these files: $left"
[ ! -e /etc/waymark ] || fail "purge left /etc/waymark"
[ -f /var/lib/waymark/waymark.db ] || fail "purge removed the data folder, which holds the schools' records"
echo "== package test: passed"
