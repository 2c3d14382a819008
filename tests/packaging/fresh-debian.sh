#!/usr/bin/env bash
# The README's two commands on a truly fresh Debian 12: a minimal debootstrap root that has
# nothing but a clone of this repository, then `packaging/quickstart.sh test` in it with chroot,
# then `packaging/quickstart.sh demo` under xvfb-run, with a screenshot of what it opened.
# Too slow for every change (about 15 minutes on 2 cores, most of it the build), so it is not
# part of .ci/run: run it by hand, as root, before resolving anything that touches the install
# steps.
#   tests/packaging/fresh-debian.sh [WORK_DIR]   (default: a new folder under /var/tmp)
# Leaves WORK_DIR/root (the chroot), WORK_DIR/test.log, WORK_DIR/demo.log, WORK_DIR/demo.png.
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$PWD
[[ $(id -u) -eq 0 ]] || { echo "Run as root (debootstrap and chroot need it)." >&2; exit 1; }
work=${1:-$(mktemp -d /var/tmp/rmsam-fresh.XXXXXX)}
mkdir -p "$work"
root=$work/root
mirror=${RMSAM_DEBIAN_MIRROR:-$(sed -n 's/^URIs: \(http[^ ]*debian\)$/\1/p' /etc/apt/sources.list.d/*.sources 2>/dev/null | head -n 1)}
mirror=${mirror:-http://deb.debian.org/debian}

command -v debootstrap >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap

if [[ ! -x "$root/bin/bash" ]]; then
    echo "== debootstrap --variant=minbase bookworm from $mirror"
    debootstrap --variant=minbase bookworm "$root" "$mirror" >"$work/debootstrap.log" 2>&1 ||
        { tail -20 "$work/debootstrap.log" >&2; exit 1; }
fi
# A clone of what is committed, as a user would have it: no sibling folders, no build.
rm -rf "$root/root/roadmunk-sam"
git clone -q --no-hardlinks "$repo" "$root/root/roadmunk-sam"

mounts=(proc sys dev dev/pts)
cleanup() {
    for ((i = ${#mounts[@]} - 1; i >= 0; i--)); do umount -l "$root/${mounts[i]}" 2>/dev/null || true; done
}
trap cleanup EXIT
mount -t proc proc "$root/proc"
mount --rbind /sys "$root/sys"
mount --rbind /dev "$root/dev"
mount -t devpts devpts "$root/dev/pts" 2>/dev/null || true
cp /etc/resolv.conf "$root/etc/resolv.conf" 2>/dev/null || true
in_root() { chroot "$root" /usr/bin/env -i HOME=/root PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 "$@"; }

echo "== packaging/quickstart.sh test (log: $work/test.log)"
rc=0
in_root bash -c 'cd /root/roadmunk-sam && bash packaging/quickstart.sh test' >"$work/test.log" 2>&1 || rc=$?
grep -E "tests passed|tests failed|Could not find|could not be found|FAIL" "$work/test.log" | tail -15
if ((rc != 0)); then
    echo "FAIL: packaging/quickstart.sh test exited $rc in the fresh root" >&2
    exit 1
fi

echo "== packaging/quickstart.sh demo under xvfb-run, in a D-Bus session with gnome-keyring"
# The screenshot tool is the harness's, not the app's: ImageMagick's import (xwd shows the
# wizard, a dialog, as a black box).
in_root bash -c 'DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends imagemagick >/dev/null'
in_root bash -c '
    cd /root/roadmunk-sam
    export XDG_RUNTIME_DIR=$(mktemp -d) && chmod 700 "$XDG_RUNTIME_DIR"
    dbus-run-session -- bash -c "
        eval \$(printf demo | gnome-keyring-daemon --unlock --components=secrets)
        xvfb-run -a -s \"-screen 0 1400x900x24\" bash -c \"
            (bash packaging/quickstart.sh demo &) ; sleep 25
            import -window root /root/demo.png
            pkill -f \\\"roadmunk-sam --demo\\\" || true\"
    "' >"$work/demo.log" 2>&1 || true
cp "$root/root/demo.png" "$work/demo.png"
echo "Fresh-machine run passed; the demo's screen is in $work/demo.png (log: $work/demo.log)."
