#!/usr/bin/env bash
# Kanri's one entry point for people and CI on Debian 12:
#
#   packaging/kanri.sh setup   install the Debian packages Kanri needs (apt-get; root or sudo)
#   packaging/kanri.sh demo    setup, build, and start Kanri on the demo workspace
#   packaging/kanri.sh test    setup, build with -Werror and run every test; then the same
#                              under AddressSanitizer + UBSan; then the fuzzers briefly
#   packaging/kanri.sh deb     setup, build, and make the .deb with CPack
#
# Environment: KANRI_JOBS (parallel jobs, default: nproc), KANRI_BUILD_DIR (default: build),
# KANRI_TEST_SANITIZE=0 to skip the sanitizer pass, KANRI_FUZZ_SECONDS (default 20 per target).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$here"
jobs=${KANRI_JOBS:-$(nproc)}
build=${KANRI_BUILD_DIR:-build}

packages=(
    build-essential cmake ninja-build pkg-config git
    qt6-base-dev qt6-base-dev-tools libqt6svg6-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    libyaml-cpp-dev libgit2-dev qtkeychain-qt6-dev libgl-dev
    clang libclang-rt-14-dev fonts-dejavu-core
)

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

setup() {
    local missing=()
    for p in "${packages[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
    done
    if [ ${#missing[@]} -eq 0 ]; then
        return
    fi
    say "installing ${missing[*]}"
    local sudo=()
    [ "$(id -u)" -eq 0 ] || sudo=(sudo)
    "${sudo[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

configure_and_build() { # DIR [cmake options...]
    local dir=$1
    shift
    say "building in $dir"
    cmake -S . -B "$dir" -G Ninja "$@" >/dev/null
    cmake --build "$dir" -j "$jobs"
}

run_tests() { # DIR
    say "testing in $1"
    QT_QPA_PLATFORM=offscreen ctest --test-dir "$1" --output-on-failure -j "$jobs"
}

run_fuzzers() {
    local dir=build-fuzz seconds=${KANRI_FUZZ_SECONDS:-20}
    if ! command -v clang++ >/dev/null; then
        say "clang++ not found: fuzzers skipped"
        return
    fi
    CC=clang CXX=clang++ configure_and_build "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        -DKANRI_FUZZ=ON -DKANRI_BUILD_TESTS=ON -DKANRI_BUILD_BENCHMARKS=OFF
    local found=0
    while IFS= read -r fuzzer; do
        found=1
        say "fuzzing $(basename "$fuzzer") for ${seconds}s"
        "$fuzzer" -max_total_time="$seconds" -rss_limit_mb=2048 -print_final_stats=1 2>&1 | tail -n 3
    done < <(find "$dir/tests/fuzz" -maxdepth 2 -type f -name 'fuzz_*' -perm -u+x 2>/dev/null)
    [ $found = 1 ] || say "no fuzz targets built"
}

case "${1:-}" in
setup)
    setup
    ;;
demo)
    setup
    configure_and_build "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo
    if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
        say "no display: writing a screenshot of the demo workspace to $build/kanri-demo.png instead"
        exec "$build/app/kanri" --screenshot "$build/kanri-demo.png"
    fi
    exec "$build/app/kanri"
    ;;
test)
    setup
    configure_and_build "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DKANRI_WERROR=ON
    run_tests "$build"
    if [ "${KANRI_TEST_SANITIZE:-1}" != 0 ]; then
        configure_and_build build-asan -DCMAKE_BUILD_TYPE=Debug -DKANRI_SANITIZE=ON \
            -DKANRI_WERROR=ON -DKANRI_BUILD_BENCHMARKS=OFF
        run_tests build-asan
    fi
    run_fuzzers
    ;;
deb)
    setup
    configure_and_build "$build" -DCMAKE_BUILD_TYPE=Release -DKANRI_BUILD_TESTS=OFF
    (cd "$build" && cpack -G DEB)
    ;;
*)
    sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
    ;;
esac
