#!/usr/bin/env python3
"""Skylt's system test in a virtual machine; see .ci/system-test. Each check prints one line;
the figures are printed at the end (and go into docs/BENCHMARKS.md by hand)."""
import argparse, datetime, json, os, random, re, shutil, subprocess, sys, time, zoneinfo
sys.path.insert(0, os.path.dirname(__file__))
from vm import VM, ocr

ZONE = zoneinfo.ZoneInfo("Europe/Stockholm")
CURRENT = "Skärmen startar av sig själv"
NEXT = "Strömavbrott utan förlust"
# The power-loss rounds rewrite the feed between the feed above and one with these titles.
CURRENT_B = "Reservkraften håller ljuset"
NEXT_B = "Kablarna dras om"
results = []


def check(name, ok, detail=""):
    results.append((name, ok))
    print(f"system-test: {'ok  ' if ok else 'FAIL'} {name}{': ' + detail if detail else ''}", flush=True)


def feed_around(now, titles=(CURRENT, NEXT)):
    """A one-room feed whose current session began 10 minutes before `now` and the next an hour on."""
    local = now.astimezone(ZONE).replace(second=0, microsecond=0)
    def t(minutes):
        return (local + datetime.timedelta(minutes=minutes)).strftime("%Y-%m-%dT%H:%M")
    return {"skylt": 1, "event": {"name": "Systemtest", "timezone": "Europe/Stockholm", "locale": "sv-SE", "venue": "Provrummet"},
            "sessions": [{"id": "now", "title": titles[0], "start": t(-10), "end": t(50)},
                         {"id": "next", "title": titles[1], "start": t(60), "end": t(120)}]}


def payload(args, work, settings):
    folder = os.path.join(work, "payload")
    shutil.rmtree(folder, ignore_errors=True)
    repo = os.path.join(folder, "skylt")
    os.makedirs(repo)
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    shutil.copy(args.binary, os.path.join(repo, "skylt"))
    for part in ("deploy", "assets"):
        shutil.copytree(os.path.join(root, part), os.path.join(repo, part))
    shutil.copy(os.path.join(root, "README.md"), repo)
    now = datetime.datetime.now(datetime.timezone.utc)
    json.dump(feed_around(now), open(os.path.join(folder, "feed.json"), "w"), ensure_ascii=False)
    json.dump(feed_around(now, (CURRENT_B, NEXT_B)), open(os.path.join(folder, "feed-b.json"), "w"), ensure_ascii=False)
    json.dump(settings, open(os.path.join(folder, "skylt.json"), "w"))
    image = os.path.join(work, "payload.img")
    if os.path.exists(image):
        os.unlink(image)
    subprocess.run(["mke2fs", "-q", "-t", "ext4", "-d", folder, image, "384M"], check=True)
    return image


SETTINGS = {"feed": "/etc/skylt/feed.json", "live": "/etc/skylt/live.json", "fullscreen": True, "state_dir": "/var/lib/skylt",
            "emergency_direction": "Nödutgång: trappan till vänster"}


def install(vm):
    vm.run("mount -o ro /dev/vdb /mnt")
    vm.run("/mnt/skylt/deploy/install.sh --binary /mnt/skylt/skylt", timeout=300)
    vm.run("cp /mnt/feed.json /etc/skylt/feed.json && cp /mnt/skylt.json /etc/skylt/skylt.json")


def frames_logged(vm):
    count = vm.run("journalctl -b -u skylt -o cat | grep -c 'first frame on screen' || true")
    return int(count) if count.isdigit() else 0


def wait_for(condition, timeout, step=1.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(step)
    return condition()


def panel_shows(vm, out, name, *words, timeout=60):
    """Takes screendumps until OCR finds every word (or time runs out); returns the text read."""
    text = ""
    deadline = time.monotonic() + timeout
    while True:
        ppm = vm.screendump(os.path.join(out, name + ".png"))
        text = ocr(ppm)
        if all(word.lower() in text.lower() for word in words) or time.monotonic() > deadline:
            return text
        time.sleep(2)


def journal_seconds(vm, pattern):
    """The guest's monotonic time (seconds since the kernel started) of the first journal line matching."""
    line = vm.run(f"journalctl -b -o short-monotonic --no-hostname | grep -m1 -E '{pattern}' || true")
    match = re.match(r"\[\s*([\d.]+)\]", line)
    return float(match.group(1)) if match else None


def boot_to_sign(args, figures):
    work = os.path.join(args.out, "boot")
    image = payload(args, work, SETTINGS)
    vm = VM(args.image, work, payload=image)
    try:
        figures["first boot to a shell (s, TCG)"] = round(vm.wait_for_shell(), 1)
        install(vm)
        vm.run("systemctl restart skylt")
        check("install: deploy/install.sh in the guest, the unit started", wait_for(lambda: frames_logged(vm) >= 1, 120))
        vm.run("sync")
    finally:
        vm.power_cut()
    # Boot again from the same disk, as a board does every morning: the figures come from this boot.
    vm = VM(args.image, work, payload=image, overlay=False)
    try:
        vm.wait_for_shell()
        ok = wait_for(lambda: frames_logged(vm) >= 1, 120)
        text = panel_shows(vm, args.out, "boot-to-sign", "startar", "avbrott")
        check("boot to sign: current and next titles on the panel", "startar" in text and "avbrott" in text.lower(), text[:160])
        check("boot to sign: the unit logged its first frame", ok)
        ready = journal_seconds(vm, "Started skylt.service")
        starting = journal_seconds(vm, "Starting skylt.service")
        first = journal_seconds(vm, "first frame on screen")
        figures["kernel start → READY=1 (s, TCG)"] = ready
        figures["unit start → first frame (s, TCG)"] = round(first - starting, 2) if first and starting else None
        pid = vm.run("systemctl show -p MainPID --value skylt")
        rollup = vm.run(f"cat /proc/{pid}/smaps_rollup")
        for key in ("Rss", "Pss"):
            match = re.search(rf"^{key}:\s+(\d+) kB", rollup, re.M)
            figures[f"{key} of skylt (MB)"] = round(int(match.group(1)) / 1024, 1) if match else None
        gl = vm.run(f"grep -E 'libEGL|libGL|_dri\\.so|libgallium|libLLVM' /proc/{pid}/maps | awk '{{print $6}}' | sort -u || true")
        check("no GL driver mapped", gl == "", gl)
        journal = vm.run("journalctl -b -u skylt -o cat")
        noisy = [line for line in journal.splitlines() if re.search(r"XDG_RUNTIME_DIR|ALSA|pulse|audio|SDL|EGL|Mesa|thread priority", line, re.I)]
        check("journal has no library noise", not noisy, "; ".join(noisy[:3]))
        open(os.path.join(args.out, "journal-boot.txt"), "w").write(journal)
        # CPU over a stretch of signage (minute updates).
        before = vm.run(f"cut -d' ' -f14,15 /proc/{pid}/stat")
        time.sleep(args.cpu_seconds)
        after = vm.run(f"cut -d' ' -f14,15 /proc/{pid}/stat")
        ticks = sum(map(int, after.split())) - sum(map(int, before.split()))
        figures[f"CPU-s per hour (from {args.cpu_seconds} s, TCG-emulated)"] = round(ticks / 100 / args.cpu_seconds * 3600, 2)
        live_operations(vm, args)
        emergency_without_program(vm, args)
        if args.only != "boot":
            watchdog(vm, args)
            hotplug(vm, args)
            screen_power(vm, args)
    finally:
        vm.shutdown()


def live_operations(vm, args):
    """The technician's live file on the booted guest: `skylt live --config` (as root) writes the
    /etc/skylt/live.json the installer made; the service (as its dynamic user) shows each edit."""
    live = "/usr/local/bin/skylt live --config /etc/skylt/skylt.json"
    out = vm.run(f"{live} room main full --note 'Överflöde i foajén'")
    check("live: skylt live in the guest says what the screens show", "FULLT" in out, out[:200])
    text = panel_shows(vm, args.out, "live-full", "fullt", "foaj", timeout=30)
    check("live: the door sign says the room is full", "fullt" in text.lower(), text[:160])
    vm.run(f"{live} alert 'Utrym byggnaden nu' --level emergency")
    text = panel_shows(vm, args.out, "live-emergency", "utrym", "trappan", timeout=30)
    check("live: an emergency takes the panel, with the screen's own direction line",
          "utrym" in text.lower() and "trappan" in text.lower(), text[:160])
    started = frames_logged(vm)
    vm.run("systemctl restart skylt")
    wait_for(lambda: frames_logged(vm) > started, 120)
    text = panel_shows(vm, args.out, "live-emergency-after-restart", "utrym", timeout=60)
    check("live: the emergency is still there after a restart", "utrym" in text.lower(), text[:160])
    status = vm.run("cat /var/lib/skylt/status.json")
    check("live: status.json says what is in force", '"in_force"' in status and "emergency" in status, status[-300:])
    vm.run(f"{live} clear all")
    text = panel_shows(vm, args.out, "live-cleared", "startar", timeout=30)
    check("live: cleared, the board is back", "startar" in text and "utrym" not in text.lower(), text[:160])


def emergency_without_program(vm, args):
    """A first boot while the feed's URL is down: no program, no saved copy, and an emergency in
    the live file. The emergency is on the panel all the same (it names no room, needs no program)."""
    vm.run("systemctl stop skylt && rm -rf /var/lib/skylt/* && cp /etc/skylt/skylt.json /root/skylt.json.saved")
    vm.run("sed -i 's#\"/etc/skylt/feed.json\"#\"http://127.0.0.1:9/feed.json\"#' /etc/skylt/skylt.json")
    vm.run("printf '%s' '{\"skylt_live\": 1, \"alert\": {\"text\": \"Utrym byggnaden nu\", \"level\": \"emergency\"}}' > /etc/skylt/live.json")
    vm.run("systemctl start skylt")
    text = panel_shows(vm, args.out, "emergency-without-program", "utrym", "trappan", timeout=90)
    status = vm.run("cat /var/lib/skylt/status.json || true")
    check("first boot, feed unreachable, no saved copy: the emergency is on the panel",
          "utrym" in text.lower() and '"session_count" : 0' in status.replace('": ', '" : '), text[:160])
    vm.run("systemctl stop skylt && cp /root/skylt.json.saved /etc/skylt/skylt.json && /usr/local/bin/skylt live --config /etc/skylt/skylt.json clear all")
    started = frames_logged(vm)
    vm.run("systemctl start skylt")
    wait_for(lambda: frames_logged(vm) > started, 120)
    text = panel_shows(vm, args.out, "program-back", "startar", timeout=60)
    check("feed back, emergency cleared: the board is back", "startar" in text and "utrym" not in text.lower(), text[:160])


def watchdog(vm, args):
    restarts = int(vm.run("systemctl show -p NRestarts --value skylt"))
    pid = vm.run("systemctl show -p MainPID --value skylt")
    vm.run(f"kill -STOP {pid}")
    limit = 60
    came_back = wait_for(lambda: vm.run("systemctl show -p MainPID --value skylt") not in (pid, "0")
                         and int(vm.run("systemctl show -p NRestarts --value skylt")) > restarts, limit)
    check("watchdog: a stopped process is killed and restarted", came_back)
    text = panel_shows(vm, args.out, "after-watchdog", "startar")
    check("watchdog: the sign is back on the panel", "startar" in text, text[:120])


def hotplug(vm, args):
    """The panel unplugged and plugged in again: the connector forced off and back through sysfs,
    which the kernel reports to userspace as it does a real hotplug."""
    status = vm.run("ls /sys/class/drm/ | grep -E '^card[0-9]+-' | head -1")
    vm.run(f"echo off > /sys/class/drm/{status}/status")
    lost = wait_for(lambda: "no output connected" in vm.run("journalctl -b -u skylt -o cat | tail -5"), 30)
    check("hotplug: the unplugged panel is noticed", lost)
    vm.run(f"echo detect > /sys/class/drm/{status}/status")
    found = wait_for(lambda: "output found again" in vm.run("journalctl -b -u skylt -o cat | tail -5"), 30)
    text = panel_shows(vm, args.out, "after-hotplug", "startar", timeout=30)
    check("hotplug: the sign comes back on the panel when it is plugged in again", found and "startar" in text, text[:120])


def screen_power(vm, args):
    """Outside the screen's hours: the connector's DPMS off, and a TV on HDMI-CEC sent to standby;
    at the on-time both on again. vivid's first CEC adapter plays the TV (physical address 0.0.0.0)
    and logs what it receives; Skylt uses the second (1.0.0.0), as a board's HDMI output would."""
    vm.run("modprobe vivid && udevadm settle && cec-ctl -d /dev/cec0 --tv >/dev/null")
    vm.run("(cec-ctl -d /dev/cec0 -m > /root/cec.log 2>&1 &)")
    local = datetime.datetime.now(ZONE)
    on = (local + datetime.timedelta(minutes=2)).strftime("%H:%M")
    off = (local - datetime.timedelta(minutes=30)).strftime("%H:%M")
    settings = dict(SETTINGS, screen_hours={"on": on, "off": off})
    vm.run(f"echo '{json.dumps(settings)}' > /etc/skylt/skylt.json && systemctl restart skylt")
    dpms = lambda: vm.run("cat /sys/class/drm/card*-*/dpms | sort -u | tr '\\n' ' '")
    cec = lambda: vm.run("cat /root/cec.log")
    off_seen = wait_for(lambda: "Off" in dpms(), 60)
    status = vm.run("cat /var/lib/skylt/status.json")
    check("screen power: off outside the screen's hours (connector DPMS)", off_seen, dpms())
    check("screen power: the status says off on purpose", '"off-on-purpose"' in status)
    check("screen power: HDMI-CEC Standby sent to the TV", wait_for(lambda: "STANDBY" in cec(), 30), cec()[-300:])
    on_seen = wait_for(lambda: "On" in dpms(), 200, step=3)
    check(f"screen power: on again at {on}", on_seen, dpms())
    woken = wait_for(lambda: "IMAGE_VIEW_ON" in cec() and "ACTIVE_SOURCE" in cec(), 30)
    check("screen power: HDMI-CEC Image View On and Active Source at the on-time", woken, cec()[-300:])
    open(os.path.join(args.out, "cec.log"), "w").write(cec())
    journal = vm.run("journalctl -b -u skylt -o cat | grep -i cec || true")
    check("screen power: the journal says what HDMI-CEC did", "TV sent to standby" in journal and "TV woken" in journal, journal[-300:])


def no_clock(args, figures):
    work = os.path.join(args.out, "no-clock")
    vm = VM(args.image, work, payload=payload(args, work, SETTINGS), rtc="2000-01-01T08:00:00")
    try:
        vm.wait_for_shell()
        install(vm)
        vm.run("systemctl restart skylt")
        text = panel_shows(vm, args.out, "waiting-for-clock", "klockan")
        check("no clock at boot: the panel says it is waiting for the clock", "klockan" in text.lower(), text[:120])
        now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M:%S")
        # The guest's uptime when the clock is set, and when the sign decided to show the board
        # (the monotonic clock does not jump with the wall clock).
        set_at = float(vm.run(f"cut -d' ' -f1 /proc/uptime; date -u -s '{now}' >/dev/null").split()[0])
        # "slutar om" (ends in) is only on the board with the current session, not on the waiting screen.
        text = panel_shows(vm, args.out, "clock-set", "slutar", timeout=30)
        decided = journal_seconds(vm, "system clock is plausible")
        figures["clock set → board decided (s, guest's monotonic clock, TCG)"] = round(decided - set_at, 2) if decided else None
        check("no clock at boot: the board appears once the clock is set", "slutar" in text, text[:120])
    finally:
        vm.shutdown()


WRITER = ("while true; do cat /root/feed-a.json > /etc/skylt/feed.json; sleep 0.4; "
          "cp /root/feed-b.json /etc/skylt/feed.new && mv /etc/skylt/feed.new /etc/skylt/feed.json; sleep 0.4; done")


def power_loss(args, figures):
    """The plug pulled while the technician's feed is being rewritten (in place, and by rename)
    again and again; after each boot the saved last good feed must be whole and on the panel."""
    work = os.path.join(args.out, "power-loss")
    image = payload(args, work, SETTINGS)
    vm = VM(args.image, work, payload=image)
    feeds = {}
    lost, broken_sources, rounds = 0, 0, args.power_rounds
    try:
        vm.wait_for_shell()
        install(vm)
        vm.run("cp /mnt/feed.json /root/feed-a.json && cp /mnt/feed-b.json /root/feed-b.json && sync")
        vm.run("systemctl restart skylt")
        wait_for(lambda: frames_logged(vm) >= 1, 120)
        for name in ("a", "b"):
            feeds[vm.run(f"sha256sum < /root/feed-{name}.json | cut -c1-64")] = name
        for round in range(1, rounds + 1):
            vm.run(f"(nohup sh -c '{WRITER}' >/dev/null 2>&1 &)")
            time.sleep(random.uniform(3, 8))
            vm.power_cut()
            vm = VM(args.image, work, payload=image, overlay=False)
            vm.wait_for_shell()
            vm.run("mount -o ro /dev/vdb /mnt || true")
            cache = vm.run("sha256sum < /var/lib/skylt/last-good-feed | cut -c1-64; "
                           "/usr/local/bin/skylt validate /var/lib/skylt/last-good-feed >/dev/null && echo valid || echo INVALID")
            digest, verdict = (cache.split() + ["", ""])[:2]
            source = vm.run("sha256sum < /etc/skylt/feed.json | cut -c1-64")
            if source not in feeds:
                broken_sources += 1
            shown = wait_for(lambda: frames_logged(vm) >= 1, 120)
            text = panel_shows(vm, args.out, f"power-loss-{round}", "startar" if feeds.get(digest) == "a" else "Reservkraften", timeout=40)
            ok = digest in feeds and verdict == "valid" and shown and ("startar" in text or "Reservkraften" in text)
            if not ok:
                lost += 1
                print(f"system-test: power loss round {round}: cache {digest[:12]} {verdict}, panel: {text[:100]}", flush=True)
    finally:
        vm.shutdown()
    figures[f"power-loss rounds (technician's file left torn in {broken_sources})"] = rounds
    check(f"power loss: {rounds} plugs pulled mid-edit, {lost} lost or corrupt caches, the sign back each time", lost == 0)


def second_display(args, figures):
    work = os.path.join(args.out, "bochs")
    vm = VM(args.image, work, display="std", payload=payload(args, work, SETTINGS))
    try:
        vm.wait_for_shell()
        install(vm)
        vm.run("systemctl restart skylt")
        text = panel_shows(vm, args.out, "bochs", "startar", "avbrott")
        check("QEMU standard VGA (bochs-drm): the sign on the panel", "startar" in text, text[:120])
    finally:
        vm.shutdown()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--image", required=True)
    parser.add_argument("--binary", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--cpu-seconds", type=int, default=120)
    parser.add_argument("--power-rounds", type=int, default=10)
    parser.add_argument("only", nargs="?", default="all", choices=["all", "boot", "no-clock", "bochs", "power-loss"],
                        help="boot: boot to sign only (what CI runs); the others: that part alone (for working on it)")
    args = parser.parse_args()
    figures = {}
    started = time.monotonic()
    parts = {"boot": [boot_to_sign], "no-clock": [no_clock], "bochs": [second_display], "power-loss": [power_loss]}
    for part in parts.get(args.only, [boot_to_sign, no_clock, second_display, power_loss]):
        part(args, figures)
    for name, value in figures.items():
        print(f"system-test: figure: {name}: {value}")
    failed = [name for name, ok in results if not ok]
    print(f"system-test: {len(results) - len(failed)} passed, {len(failed)} failed in {time.monotonic() - started:.0f} s")
    sys.exit(1 if failed else 0)


main()
