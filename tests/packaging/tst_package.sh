#!/usr/bin/env bash
# The Debian package, end to end: made from this build tree with cpack (as `packaging/kanri.sh
# deb` makes it), unpacked with `dpkg -x` into a scratch root, its control fields and files
# checked, the kanri in it run from there (`--version`, `render` of a demo overlay), and the
# distribution's validators run over it: lintian (no error), appstreamcli validate --pedantic
# and desktop-file-validate (clean). A validator whose Debian package is missing is skipped
# with a message; without cpack or dpkg the whole test is skipped (exit 77).
#
#   tst_package.sh BUILD_DIR SOURCE_DIR VERSION
#   KANRI_PACKAGE_DEB=build/kanri_0.1.0-1_amd64.deb tst_package.sh build . 0.1.0
set -uo pipefail

build=$1
source=$2
version=$3 # the project's, from CMake
id=io.github.kanri.kanri
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
pass() { echo "PASS: $*"; }
skip() { echo "SKIP: $*"; }

for tool in cpack dpkg dpkg-deb readelf; do
    if ! command -v "$tool" >/dev/null; then
        echo "SKIP: $tool is missing (apt-get install cmake dpkg binutils): no package to check"
        exit 77
    fi
done

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
export HOME=$scratch/home XDG_CONFIG_HOME=$scratch/home/.config XDG_DATA_HOME=$scratch/home/.local/share
mkdir -p "$HOME"

# 1. The package, from this build tree (its own scratch folder: the build's _CPack_Packages
#    is left alone); KANRI_PACKAGE_DEB=FILE checks that package instead (the one
#    `packaging/kanri.sh deb` made, say).
if [ -n "${KANRI_PACKAGE_DEB:-}" ]; then
    mkdir -p "$scratch/pkg"
    cp "$KANRI_PACKAGE_DEB" "$scratch/pkg/" || exit 1
elif ! cpack --config "$build/CPackConfig.cmake" -B "$scratch/pkg" -G DEB >"$scratch/cpack.log" 2>&1; then
    cat "$scratch/cpack.log"
    echo "FAIL: cpack could not make the package"
    exit 1
fi
deb=$(ls "$scratch"/pkg/kanri_*.deb 2>/dev/null | head -n 1)
[ -n "$deb" ] || { cat "$scratch/cpack.log"; echo "FAIL: cpack made no kanri_*.deb"; exit 1; }
pass "cpack made $(basename "$deb")"

# 2. Control fields.
field() { dpkg-deb -f "$deb" "$1"; }
[ "$(field Package)" = kanri ] || fail "Package is '$(field Package)'"
[ "$(field Version)" = "$version-1" ] || fail "Version is '$(field Version)', not $version-1"
[ "$(field Section)" = devel ] || fail "Section is '$(field Section)'"
[ "$(field Priority)" = optional ] || fail "Priority is '$(field Priority)'"
depends=$(field Depends)
for lib in libqt6core6 libqt6widgets6 libgit2 libyaml-cpp libqt6keychain git; do
    case "$depends" in *"$lib"*) ;; *) fail "Depends lacks $lib: $depends" ;; esac
done
description=$(field Description)
[ "$(printf '%s\n' "$description" | wc -l)" -ge 5 ] || fail "the extended description is empty"
pass "control: $(field Package) $(field Version), $(field Section)/$(field Priority), Depends: $depends"

# 3. The files, in a scratch root.
root=$scratch/root
dpkg -x "$deb" "$root"
for f in usr/bin/kanri usr/libexec/kanri/kanri-commands usr/libexec/kanri/kanri-gui \
    usr/share/applications/$id.desktop \
    usr/share/metainfo/$id.metainfo.xml \
    usr/share/icons/hicolor/scalable/apps/$id.svg \
    usr/share/doc/kanri/copyright \
    usr/share/doc/kanri/changelog.Debian.gz \
    usr/share/doc/kanri/changelog.gz; do
    [ -f "$root/$f" ] || fail "the package lacks /$f"
done
grep -q '^Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/' \
    "$root/usr/share/doc/kanri/copyright" || fail "the copyright file is not machine-readable (DEP-5)"
zcat "$root/usr/share/doc/kanri/changelog.Debian.gz" | head -n 1 | grep -q "^kanri ($version-1) " ||
    fail "changelog.Debian does not start with kanri ($version-1)"
grep -q "<release version=\"$version\"" "$root/usr/share/metainfo/$id.metainfo.xml" ||
    fail "the metainfo's releases lack $version"
grep -q "^## $version " "$source/packaging/CHANGELOG.md" ||
    fail "packaging/CHANGELOG.md has no section for $version"
# The man page and the completions are installed by app/CMakeLists.txt when this tree has them
# (issue 20, item 1); checked where the build installs them.
if grep -qs 'man1' "$build/app/cmake_install.cmake"; then
    ls "$root"/usr/share/man/man1/kanri.1* >/dev/null 2>&1 || fail "the man page is not installed"
    ls "$root"/usr/share/bash-completion/completions/kanri >/dev/null 2>&1 ||
        fail "the bash completion is not installed"
    ls "$root"/usr/share/zsh/vendor-completions/_kanri >/dev/null 2>&1 ||
        fail "the zsh completion is not installed"
else
    skip "this tree installs no man page or completions yet (app/CMakeLists.txt)"
fi
# Stripped, and no RUNPATH into the build tree: they must run from any root.
for program in usr/bin/kanri usr/libexec/kanri/kanri-commands usr/libexec/kanri/kanri-gui; do
    [ -f "$root/$program" ] || continue
    if readelf -S "$root/$program" | grep -qE '\.debug_info|\.symtab'; then
        fail "/$program is not stripped"
    fi
    if readelf -d "$root/$program" | grep -qE 'RUNPATH|RPATH'; then
        fail "/$program has a RUNPATH: $(readelf -d "$root/$program" | grep -E 'RUNPATH|RPATH')"
    fi
done
# The command line never needs the GUI libraries (app/CMakeLists.txt): kanri does not link them.
if readelf -d "$root/usr/bin/kanri" | grep -qE 'NEEDED.*(libQt6Gui|libQt6Widgets|libgit2)'; then
    fail "/usr/bin/kanri links a GUI or git library: $(readelf -d "$root/usr/bin/kanri" | grep NEEDED)"
fi
pass "files unpacked, programs stripped, $(du -k "$root/usr/bin/kanri" | cut -f1) KiB"

# 4. The kanri in the scratch root runs there: --version, and render of a demo overlay.
export QT_QPA_PLATFORM=offscreen
out=$("$root/usr/bin/kanri" --version 2>&1)
status=$?
[ $status -eq 0 ] || fail "kanri --version exited $status: $out"
case "$out" in *"$version"*) ;; *) fail "kanri --version does not print $version: $out" ;; esac
overlay=$source/resources/demo/manifests/services/payment-api/overlays/prd
out=$("$root/usr/bin/kanri" render "$overlay" 2>"$scratch/render.err")
status=$?
[ $status -eq 0 ] || fail "kanri render exited $status: $(cat "$scratch/render.err")"
case "$out" in *"kind: Deployment"*"name: payment-api"*) ;; *) fail "kanri render printed no payment-api Deployment" ;; esac
# The window's program, found from the installed layout: only kanri-gui knows the views.
out=$("$root/usr/bin/kanri" --view no-such-view 2>&1)
status=$?
[ $status -eq 2 ] || fail "kanri --view no-such-view exited $status (not 2): $out"
case "$out" in *"unknown view 'no-such-view'"*) ;; *) fail "kanri did not start kanri-gui: $out" ;; esac
pass "the unpacked kanri runs: --version, render and the window's program"

# 5. The distribution's validators.
if command -v desktop-file-validate >/dev/null; then
    out=$(desktop-file-validate "$root/usr/share/applications/$id.desktop" 2>&1)
    [ $? -eq 0 ] && [ -z "$out" ] && pass "desktop-file-validate: clean" ||
        fail "desktop-file-validate: $out"
else
    skip "desktop-file-validate is missing (apt-get install desktop-file-utils)"
fi
if command -v appstreamcli >/dev/null; then
    out=$(appstreamcli validate --pedantic --no-net --no-color "$root/usr/share/metainfo/$id.metainfo.xml" 2>&1)
    status=$?
    if [ $status -eq 0 ] && ! printf '%s\n' "$out" | grep -qE '^[EWIP]: '; then
        pass "appstreamcli validate --pedantic: clean"
    else
        fail "appstreamcli validate --pedantic: $out"
    fi
else
    skip "appstreamcli is missing (apt-get install appstream)"
fi
if command -v lintian >/dev/null; then
    lintian --fail-on error --tag-display-limit 0 "$deb" >"$scratch/lintian.log" 2>&1
    status=$?
    grep -v '^running with root privileges' "$scratch/lintian.log"
    if [ $status -eq 0 ] && ! grep -q '^E: ' "$scratch/lintian.log"; then
        pass "lintian: no error ($(grep -c '^W: ' "$scratch/lintian.log") warning(s))"
    else
        fail "lintian reported errors (exit $status)"
    fi
else
    skip "lintian is missing (apt-get install lintian)"
fi

if [ $failures -gt 0 ]; then
    echo "$failures check(s) failed"
    exit 1
fi
echo "all package checks passed"
