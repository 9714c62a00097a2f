#!/usr/bin/env bash
# Turns a Raspberry Pi OS Lite / Debian 12 board (arm64 or x86-64) into a Skylt screen.
# Idempotent: running it again updates the binary and assets and keeps the technician's config.
#
#   deploy/install.sh                  install (builds a self-contained release binary first)
#   deploy/install.sh --binary FILE    install a binary built elsewhere
#   deploy/install.sh --dry-run        print what would be done, change nothing
#   deploy/install.sh --destdir DIR    install into DIR (a staging root; no packages, no systemctl)
#   deploy/install.sh --uninstall      remove Skylt but keep the last good feed (--purge: that too)
#   deploy/install.sh --hub            make this machine the venue's hub instead (skylt-hub.service)
set -euo pipefail

prefix=/usr/local
destdir=""
dry_run=0
uninstall=0
purge=0
binary=""
packages=1
hub=0
source_dir=$(cd "$(dirname "$0")/.." && pwd)

usage() { sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; }
while (($#)); do
  case "$1" in
    --dry-run) dry_run=1 ;;
    --destdir) destdir=${2:?--destdir needs a folder}; shift ;;
    --prefix) prefix=${2:?--prefix needs a folder}; shift ;;
    --binary) binary=${2:?--binary needs a file}; shift ;;
    --uninstall) uninstall=1 ;;
    --purge) purge=1 ;;
    --no-packages) packages=0 ;;
    --hub) hub=1 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "install.sh: unknown option $1" >&2; usage >&2; exit 2 ;;
  esac
  shift
done
[ -n "$destdir" ] && packages=0

root="$destdir"
bin_dir="$root$prefix/bin"
share_dir="$root$prefix/share/skylt"
etc_dir="$root/etc/skylt"
unit="$root/etc/systemd/system/skylt.service"
hub_unit="$root/etc/systemd/system/skylt-hub.service"

# Every change goes through `run`, so --dry-run shows exactly what a real run does.
run() {
  if ((dry_run)); then printf 'would run: %s\n' "$*"; else "$@"; fi
}
note() { printf 'install.sh: %s\n' "$*"; }
systemd_here() { [ -z "$destdir" ] && command -v systemctl >/dev/null && [ -d /run/systemd/system ]; }

if ((uninstall)); then
  if systemd_here; then run systemctl disable --now skylt.service skylt-hub.service || true; fi
  run rm -f "$bin_dir/skylt" "$bin_dir/skylt-hub" "$unit" "$hub_unit"
  run rm -rf "$share_dir" "$etc_dir"
  if ((purge)); then
    run rm -rf "$root/var/lib/skylt" "$root/var/lib/private/skylt" "$root/var/lib/skylt-hub" "$root/var/lib/private/skylt-hub"
  else
    note "kept the last good feed in /var/lib/skylt (remove it with --uninstall --purge)"
  fi
  if systemd_here; then run systemctl daemon-reload; fi
  note "Skylt removed"
  exit 0
fi

# 1. Debian packages: what Skylt needs at run time, and (when building here) to build it.
if ((packages)); then
  # schedule.xml (libxml2), QR codes (libqrencode), hyphenation (libhyphen with the Swedish, English and German dictionaries).
  wanted=(libsdl2-2.0-0 libsdl2-ttf-2.0-0 libsdl2-image-2.0-0 libdrm2 libcurl4 zlib1g fonts-dejavu-core fontconfig
          libxml2 libqrencode4 libhyphen0 hyphen-sv hyphen-en-us hyphen-de)
  [ -z "$binary" ] && wanted+=(pkg-config libsdl2-dev libsdl2-ttf-dev libsdl2-image-dev libdrm-dev libcurl4-openssl-dev libxml2-dev zlib1g-dev
                               libqrencode-dev libhyphen-dev)
  missing=()
  for package in "${wanted[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
  done
  if ((${#missing[@]})); then
    run apt-get update -qq
    run env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
  fi
fi

# 2. The binary: self-contained (the Swift runtime linked in), so the board needs no toolchain.
if [ -z "$binary" ]; then
  command -v swift >/dev/null || { echo "install.sh: swift is not installed here; build elsewhere and pass --binary FILE" >&2; exit 1; }
  run swift build --package-path "$source_dir" -c release --static-swift-stdlib --scratch-path "$source_dir/.build-release"
  binary="$source_dir/.build-release/release/skylt"
fi
hub_binary="$(dirname "$binary")/skylt-hub"
[ -e "$binary" ] || ((dry_run)) || { echo "install.sh: no binary at $binary" >&2; exit 1; }

# 3. Files: binary, assets, unit; the config only if there is none (it is the technician's).
run install -d -m 0755 "$bin_dir" "$share_dir" "$share_dir/feeds" "$share_dir/themes" "$etc_dir" "$(dirname "$unit")"
run install -m 0755 "$binary" "$bin_dir/skylt"
run install -m 0644 "$source_dir"/assets/feeds/*.json "$share_dir/feeds/"
run install -m 0644 "$source_dir"/assets/themes/*.json "$share_dir/themes/"
run install -m 0644 "$source_dir/assets/feed.schema.json" "$source_dir/assets/live.schema.json" "$source_dir/README.md" "$share_dir/"
run install -m 0644 "$source_dir/deploy/README.md" "$share_dir/DEPLOY.md"
if ((hub)); then
  # The hub: its binary beside skylt (`skylt hub` runs it), its pages' templates, its unit. Its
  # state (program, live file, accounts, fleet token) is made in /var/lib/skylt-hub at first start.
  [ -e "$hub_binary" ] || ((dry_run)) || { echo "install.sh: no hub binary at $hub_binary (build the skylt-hub product)" >&2; exit 1; }
  run install -m 0755 "$hub_binary" "$bin_dir/skylt-hub"
  run install -d -m 0755 "$share_dir/hub"
  run install -m 0644 "$source_dir"/assets/hub/* "$share_dir/hub/"
  if ((dry_run)); then
    printf 'would write: %s (ExecStart=%s/bin/skylt-hub …)\n' "$hub_unit" "$prefix"
  else
    sed "s#/usr/local/bin/skylt#$prefix/bin/skylt#; s#/usr/local/share/skylt#$prefix/share/skylt#" "$source_dir/deploy/skylt-hub.service" > "$hub_unit"
    chmod 0644 "$hub_unit"
  fi
  if systemd_here; then
    run systemctl daemon-reload
    run systemctl enable --now skylt-hub.service
  else
    note "not enabling the hub (no running systemd, or installing into --destdir)"
  fi
  note "done: the hub listens on port 8080; add the first account with: sudo $prefix/bin/skylt hub user add NAME --role technician --state-dir /var/lib/skylt-hub"
  exit 0
fi

if [ -e "$etc_dir/skylt.json" ]; then
  note "kept the existing $etc_dir/skylt.json"
else
  run install -m 0644 "$source_dir/deploy/skylt.json" "$etc_dir/skylt.json"
fi
# The technician's live file (delays, full rooms, alerts), empty: `skylt live --config
# /etc/skylt/skylt.json …` writes it, and screens show each edit within a second.
if [ -e "$etc_dir/live.json" ]; then
  note "kept the existing $etc_dir/live.json"
elif ((dry_run)); then
  printf 'would write: %s (nothing in force)\n' "$etc_dir/live.json"
else
  printf '{"skylt_live": 1}\n' > "$etc_dir/live.json"
  chmod 0644 "$etc_dir/live.json"
fi
if ((dry_run)); then
  printf 'would write: %s (ExecStart=%s/bin/skylt …)\n' "$unit" "$prefix"
else
  sed "s#/usr/local/bin/skylt#$prefix/bin/skylt#; s#/usr/local/share/skylt#$prefix/share/skylt#" "$source_dir/deploy/skylt.service" > "$unit"
  chmod 0644 "$unit"
fi

# 4. The console: no blanking, no cursor (Raspberry Pi OS keeps the kernel command line here).
for cmdline in "$root/boot/firmware/cmdline.txt" "$root/boot/cmdline.txt"; do
  if [ -f "$cmdline" ] && ! grep -q "consoleblank=0" "$cmdline"; then
    run sed -i '1 s/$/ consoleblank=0 vt.global_cursor_default=0/' "$cmdline"
    break
  fi
done

# 5. Start at boot, restart on failure (the unit says how).
if systemd_here; then
  run systemctl daemon-reload
  run systemctl enable --now skylt.service
else
  note "not enabling the service (no running systemd, or installing into --destdir)"
fi
note "done: check the settings with: $prefix/bin/skylt check-config /etc/skylt/skylt.json"
