#!/usr/bin/env bash
# The two set-up commands of the README, on a fresh Debian 12 machine with nothing but git:
#   installer/dev.sh run    install what is missing, build, run the main job on the embedded demo school
#                           and serve its web page until Ctrl-C
#   installer/dev.sh test   install what is missing, build, and pass every test (what .ci/run calls),
#                           the Debian packages' install test among them
#   installer/dev.sh package
#                           build the Debian packages waymark and waymark-sdk-dev (Release, prefix /usr)
#                           into build/release/packages
# Both are idempotent: a second run installs nothing and rebuilds only what changed.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
preset=${WAYMARK_PRESET:-dev}
build_dir="$repo/build/$preset"

# Everything the build, the host and the tests use, by Debian package name.
build_packages=(
    g++ cmake ninja-build pkg-config git
    libpoco-dev libsoci-dev unixodbc unixodbc-dev libsqliteodbc odbc-postgresql tdsodbc
    libboost-dev libhpdf-dev libxlsxwriter-dev libsodium-dev libcsv-dev fonts-dejavu-core python3-fonttools
    nlohmann-json3-dev help2man
)
test_packages=(
    libgtest-dev libgmock-dev libbenchmark-dev poppler-utils qpdf sqlite3 postgresql chromium
    python3-selenium chromium-driver firefox-esr libfirefox-marionette-perl wrk curl
    lintian nginx openssl clang libclang-rt-14-dev
)

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

install_missing() {
    local missing=()
    for package in "$@"; do
        dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" ||
            missing+=("$package")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    echo "Installing: ${missing[*]}"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

build() {
    if [ ! -f "$build_dir/CMakeCache.txt" ]; then
        cmake --preset "$preset" -S "$repo"
    fi
    cmake --build "$build_dir" --parallel "$(nproc)"
}

run_main_job() {
    export WAYMARK_DATA_DIR=${WAYMARK_DATA_DIR:-$repo/waymark-data}
    local settings_file="$WAYMARK_DATA_DIR/waymark.ini"
    if [ ! -f "$settings_file" ]; then
        # The demo school's settings: the embedded database, and the example bands for school-bands.
        mkdir -p "$WAYMARK_DATA_DIR"
        printf '%s\n' "; Waymark settings for the demo school (see README, 'The database and the settings file')." \
            "[plugin org.waymark.school-bands]" \
            "config = $repo/plugins/school-bands/example.bands" >"$settings_file"
    fi
    "$build_dir/bin/waymark" main
    # Then the page the school uses, on this machine only, until Ctrl-C.
    exec "$build_dir/bin/waymark" serve
}

# The .deb files of a build tree, in <build>/packages.
make_packages() {
    (cd "$1" && cpack -G DEB -B "$1/packages" >/dev/null)
    ls "$1"/packages/*.deb
}

run_tests() {
    # A throwaway PostgreSQL on loopback, so every store test runs on both databases.
    local pg_dir
    pg_dir=$(mktemp -d /tmp/waymark-pg.XXXXXX)
    "$repo/installer/test-postgres.sh" start "$pg_dir"
    # Expanded now: pg_dir is local and gone by the time the shell exits.
    trap "'$repo/installer/test-postgres.sh' stop '$pg_dir'" EXIT
    WAYMARK_TEST_POSTGRES=$("$repo/installer/test-postgres.sh" connection "$pg_dir")
    export WAYMARK_TEST_POSTGRES
    export WAYMARK_TEST_REQUIRE_POSTGRES=1
    ctest --test-dir "$build_dir" --output-on-failure --parallel "$(nproc)" --timeout 600
    # The fuzz targets (clang, libFuzzer): their committed corpora replayed, then 30 s each.
    (cd "$repo" && cmake --preset fuzz >/dev/null && cmake --build --preset fuzz)
    "$repo/tests/fuzz/replay.sh" "$repo/build/fuzz" 30
    # Then the packages, installed on this machine as a school's technician would, and purged again.
    make_packages "$build_dir"
    as_root env WAYMARK_SCREENSHOTS="$build_dir/tests/web/screenshots" \
        "$repo/installer/package-test.sh" "$build_dir/packages"
}

case "${1:-}" in
    run)
        install_missing "${build_packages[@]}" "${test_packages[@]}"
        build
        run_main_job
        ;;
    test)
        install_missing "${build_packages[@]}" "${test_packages[@]}"
        build
        run_tests
        ;;
    deps)
        install_missing "${build_packages[@]}" "${test_packages[@]}"
        ;;
    build)
        build
        ;;
    package)
        install_missing "${build_packages[@]}"
        cmake --preset release -S "$repo" -DCMAKE_INSTALL_PREFIX=/usr
        cmake --build "$repo/build/release" --parallel "$(nproc)"
        make_packages "$repo/build/release"
        ;;
    *)
        echo "usage: installer/dev.sh run|test|package|deps|build" >&2
        echo "  run   install what is missing, build, and run the main job on the embedded demo school" >&2
        echo "  test  install what is missing, build, and run every test (needs root or sudo)" >&2
        echo "  package  build the Debian packages waymark and waymark-sdk-dev into build/release/packages" >&2
        exit 2
        ;;
esac
