#!/usr/bin/env bash
# Kanri's one entry point for people and CI on Debian 12:
#
#   packaging/kanri.sh setup   install the Debian packages Kanri needs (apt-get; root or sudo)
#   packaging/kanri.sh demo    setup, build, and start Kanri on the demo workspace
#   packaging/kanri.sh test    setup, build with -Werror under AddressSanitizer + UBSan and
#                              run every test (the fuzzers briefly among them)
#   packaging/kanri.sh deb     setup, build, and make the .deb with CPack (build/kanri_*.deb;
#                              install it with `sudo apt install ./build/kanri_*.deb`)
#   packaging/kanri.sh fuzz    build the libFuzzer targets (HCL files; HCL edit paths and
#                              values) with clang-16 (+ASan/UBSan) in build-fuzz and run each
#                              for KANRI_FUZZ_SECONDS (default 60)
#
# Environment: KANRI_JOBS (parallel jobs, default: nproc), KANRI_BUILD_DIR (default: build),
# KANRI_TEST_SANITIZE=0 to test a plain RelWithDebInfo build instead (in KANRI_BUILD_DIR).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$here"
jobs=${KANRI_JOBS:-$(nproc)}
build=${KANRI_BUILD_DIR:-build}

packages=(
    build-essential cmake ninja-build pkg-config git lld
    qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    qt6-translations-l10n # Qt's own strings in Japanese (qtbase_ja.qm: the wizards' buttons)
    libyaml-cpp-dev libyaml-dev libgit2-dev qtkeychain-qt6-dev libgl-dev
    fonts-dejavu-core
    openssh-server # tests/git: clone and push over ssh:// to a loopback sshd
    golang-go golang-github-hashicorp-hcl-v2-dev # tests/hcl: HashiCorp's HCL as the reference
)

# The distribution's validators (lintian alone brings ~30 MB of Perl): installed for the paths
# that make the package (deb) or test it (tst_package, in the plain test build) only.
validators=(lintian appstream desktop-file-utils)

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
    local launcher=()
    # ccache, when the machine has it, makes a second build of the same sources nearly free.
    if command -v ccache >/dev/null; then launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache); fi
    cmake -S . -B "$dir" -G Ninja "${launcher[@]}" "$@" >/dev/null
    cmake --build "$dir" -j "$jobs"
}

run_tests() { # DIR
    say "testing in $1"
    QT_QPA_PLATFORM=offscreen ctest --test-dir "$1" --output-on-failure -j "$jobs"
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
    if [ "${KANRI_TEST_SANITIZE:-1}" != 0 ]; then
        # One build of everything (the benchmarks too, so that they keep compiling), warnings
        # as errors, and every test under AddressSanitizer and UBSan. -Og (GCC's -O1 less a
        # dozen passes that hinder debugging, with the same inlining) compiles an instrumented
        # source in ~60% of -O1's CPU time (README, "Tests"); GCC documents false positives of
        # -Wmaybe-uninitialized at -Og, so that one warning stays a warning here (the plain
        # build keeps it an error). -g1 keeps file:line in the sanitizers' reports. The fuzz
        # targets' smoke runs are tests.
        configure_and_build build-asan -DCMAKE_BUILD_TYPE=RelWithDebInfo \
            -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-Og -g1 -Wno-error=maybe-uninitialized" \
            -DKANRI_SANITIZE=ON -DKANRI_WERROR=ON -DKANRI_FUZZ=ON
        run_tests build-asan
    else
        packages+=("${validators[@]}")
        setup
        configure_and_build "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DKANRI_WERROR=ON
        run_tests "$build"
    fi
    ;;
fuzz)
    # Debian 12's default clang (14) cannot compile std::expected; clang-16 can.
    setup
    packages=(clang-16 libclang-rt-16-dev)
    setup
    CXX=clang++-16 cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        -DKANRI_SANITIZE=ON -DKANRI_FUZZ=ON -DKANRI_BUILD_BENCHMARKS=OFF
    cmake --build build-fuzz -j "$jobs" --target fuzz_hcl fuzz_hcledit
    for target in fuzz_hcl fuzz_hcledit; do
        seeds=tests/fuzz/${target#fuzz_}_seeds
        mkdir -p "build-fuzz/corpus/$target"
        say "fuzzing $target for ${KANRI_FUZZ_SECONDS:-60} s"
        ASAN_OPTIONS=detect_leaks=0 "build-fuzz/tests/fuzz/$target" \
            -max_total_time="${KANRI_FUZZ_SECONDS:-60}" -max_len=4096 \
            -artifact_prefix="build-fuzz/$target-" "build-fuzz/corpus/$target" "$seeds"
    done
    ;;
deb)
    packages+=("${validators[@]}")
    setup
    configure_and_build "$build" -DCMAKE_BUILD_TYPE=Release -DKANRI_BUILD_TESTS=OFF
    (cd "$build" && cpack -G DEB)
    say "made $(ls "$build"/kanri_*.deb); install it with: sudo apt install ./$(ls "$build"/kanri_*.deb)"
    ;;
*)
    sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
    ;;
esac
