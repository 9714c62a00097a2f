#!/usr/bin/env python3
"""The hub's staff pages in a real browser (Playwright driving Debian's Chromium, headless).

A hub with a three-room program, a door account for one room and a technician; three real
`skylt run --headless` screens follow it (two door signs and a lobby). Checked:
- a door account signs in on a phone, taps "Full": the screen of that room writes a frame with
  the full band (read back by OCR) within 1 s of the tap, and the page says every screen has it;
- it cannot change another room or raise an alert: the server refuses (403), nothing changes;
- the technician raises an emergency on a desktop: all three screens show it within 1 s;
- signed out, or with a forged form token or a replayed cookie, every write is refused;
- screenshots of every page, phone and desktop, go to SKYLT_BROWSER_OUT (default
  /tmp/skylt-browser) to be looked at (copies are in docs/images).

Run by .ci/browser-test (which .ci/test runs): python3 Tests/Browser/hub_pages.py
"""
import json, os, re, shutil, socket, subprocess, sys, tempfile, time
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[2]
BIN = ROOT / ".build" / "debug"
OUT = Path(os.environ.get("SKYLT_BROWSER_OUT", "/tmp/skylt-browser"))
FEED = ROOT / "assets" / "feeds" / "nordic-devdays-multi-room.json"
CLOCK = "2021-09-14T10:20"  # sessions on in every room
failures = []


def check(condition, what):
    print(("ok   " if condition else "FAIL ") + what, flush=True)
    if not condition:
        failures.append(what)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def frames(folder):
    return sorted(p for p in folder.glob("frame-*.png"))


def first_frame_after(folder, instant, seen, timeout=5.0):
    """The first frame written after `instant` that was not there before (path, its mtime)."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        new = [p for p in frames(folder) if p not in seen]
        if new:
            time.sleep(0.05)  # the file is renamed into place whole; its mtime is when it was written
            return new[0], new[0].stat().st_mtime
        time.sleep(0.02)
    return None, None


def ocr(path):
    result = subprocess.run(["tesseract", str(path), "-", "-l", "eng+swe", "--psm", "11"], capture_output=True, text=True)  # sparse text: bands and headings
    return result.stdout


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="skylt-browser-"))
    state = work / "hub"
    state.mkdir()
    shutil.copy(FEED, state / "feed.json")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    processes = []
    try:
        def user(name, *args):
            out = subprocess.run([str(BIN / "skylt"), "hub", "user", "add", name, *args, "--state-dir", str(state)],
                                 capture_output=True, text=True, check=True).stdout
            return re.search(r"password (\S+)", out).group(1)

        door_password = user("door-a", "--role", "door", "--rooms", "hall-a")
        tech_password = user("tech", "--role", "technician")
        hub = subprocess.Popen([str(BIN / "skylt"), "hub", "--state-dir", str(state), "--port", str(port)],
                               stdout=subprocess.PIPE, stderr=open(work / "hub.log", "w"), text=True)
        processes.append(hub)
        hub.stdout.readline()  # "listening on …": it serves now
        screens = {}
        for name, sign in [("door-a", ["--room", "hall-a"]), ("door-b", ["--room", "hall-b"]), ("lobby", ["--lobby"])]:
            folder = work / f"frames-{name}"
            screens[name] = folder
            processes.append(subprocess.Popen(
                [str(BIN / "skylt"), "run", "--headless", "--frames", str(folder), "--size", "1280x720", *sign,
                 "--hub", base, "--screen", name, "--hub-token-file", str(state / "fleet-token"), "--state-dir", str(work / f"state-{name}"),
                 "--clock", CLOCK], stdout=subprocess.DEVNULL, stderr=open(work / f"{name}.log", "w")))
        deadline = time.time() + 60
        while time.time() < deadline and not all(frames(f) for f in screens.values()):
            time.sleep(0.1)
        check(all(frames(f) for f in screens.values()), "every screen shows the hub's program")
        time.sleep(1.5)  # every screen's long-poll is held at the hub
        # Every screen has said what it shows (its first report comes at its start).
        import urllib.request
        token = (state / "fleet-token").read_text().strip()
        deadline = time.time() + 20
        while time.time() < deadline:
            status = json.loads(urllib.request.urlopen(urllib.request.Request(base + "/v1/status", headers={"Authorization": "Bearer " + token})).read())
            if len([s for s in status["screens"] if s.get("sign")]) == 3:
                break
            time.sleep(0.2)
        check(len([s for s in status["screens"] if s.get("sign")]) == 3, "every screen reported what it is: %r" % [s.get("sign") for s in status["screens"]])

        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
            phone = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True, has_touch=True,
                                        locale="sv-SE")
            page = phone.new_page()

            # Signed out: the pages send you to the login, and every write is refused.
            page.goto(base + "/door")
            check(page.url.endswith("/login"), "signed out, /door leads to the login")
            page.screenshot(path=str(OUT / "hub-login-phone.png"), full_page=True)
            before = (state / "live.json").read_bytes()
            for path, form in [("/door/hall-a", {"state": "full", "csrf": "x"}), ("/tech/alert", {"text": "x", "level": "emergency", "csrf": "x"})]:
                response = page.request.post(base + path, form=form, max_redirects=0)
                check(response.status == 403, f"signed out, POST {path} is refused ({response.status})")
            check((state / "live.json").read_bytes() == before, "signed out, nothing was written")

            # A wrong password says so, and nothing more.
            page.fill("#name", "door-a")
            page.fill("#password", "wrong-password")
            page.click("button.big")
            check(page.locator(".message").count() == 1 and "/login" in page.url, "a wrong password is refused with a message")
            page.screenshot(path=str(OUT / "hub-login-refused-phone.png"), full_page=True)

            # The door account signs in on a phone.
            page.fill("#name", "door-a")
            page.fill("#password", door_password)
            page.click("button.big")
            page.wait_for_url("**/door")
            check(page.locator("section.room").count() == 1, "the door account sees only its room")
            page.screenshot(path=str(OUT / "hub-door-phone.png"), full_page=True)
            cookie = [c for c in phone.cookies() if c["name"] == "skylt_session"][0]
            check(cookie["httpOnly"] and cookie["sameSite"] == "Strict", "the session cookie is HttpOnly and SameSite=Strict")

            # One tap: "Fullt". The room's screen has the full band within a second.
            seen = {name: set(frames(f)) for name, f in screens.items()}
            tapped = time.time()
            page.click("#room-hall-a button.state-full")
            path, written = first_frame_after(screens["door-a"], tapped, seen["door-a"])
            latency = (written - tapped) if written else None
            check(latency is not None and latency <= 1.0, f"door-a shows the change {latency if latency is None else round(latency, 3)} s after the tap")
            text = ocr(path) if path else ""
            check("FULL" in text.upper(), "door-a's new frame has the full band (OCR: %r)" % text.strip()[:120])
            page.wait_for_url("**/door#room-hall-a")
            page.wait_for_function("document.getElementById('ack').className.includes('done')", timeout=5000)
            check("3 av 3" in page.inner_text("#ack"), "the page says every screen has it: %r" % page.inner_text("#ack"))
            page.wait_for_function("document.querySelector('#room-hall-a .room-ack').className.includes('done')", timeout=5000)
            room_ack = page.inner_text("#room-hall-a .room-ack")
            check("2 av 2" in room_ack, "the room says both screens that show it have it (its door and the lobby): %r" % room_ack)
            check(page.locator("#room-hall-a button.state-full[aria-pressed=true]").count() == 1, "the Full button shows it is in force")
            page.screenshot(path=str(OUT / "hub-door-full-phone.png"), full_page=True)
            (shutil.copy(path, OUT / "hub-screen-door-a-full.png") if path else None)

            # The server, not the page, refuses another room and an alert.
            csrf = page.locator("input[name=csrf]").first.get_attribute("value")
            before = (state / "live.json").read_bytes()
            other = page.request.post(base + "/door/hall-b", form={"state": "closed", "csrf": csrf}, max_redirects=0)
            check(other.status == 403, f"a door account cannot change another room ({other.status})")
            alert = page.request.post(base + "/tech/alert", form={"text": "Nope", "level": "emergency", "csrf": csrf}, max_redirects=0)
            check(alert.status == 403, f"a door account cannot raise an alert ({alert.status})")
            forged = page.request.post(base + "/door/hall-a", form={"state": "closed", "csrf": "0" * 64}, max_redirects=0)
            check(forged.status == 403, f"a forged form token is refused ({forged.status})")
            huge = page.request.post(base + "/door/hall-a", form={"state": "closed", "csrf": csrf, "note": "x" * 40000}, max_redirects=0)
            check(huge.status == 413, f"an oversized form is refused ({huge.status})")
            control = page.request.post(base + "/door/nope", form={"state": "closed", "csrf": csrf}, max_redirects=0)
            check(control.status in (403, 404), f"an unknown room is refused ({control.status})")
            check((state / "live.json").read_bytes() == before, "refused writes changed nothing")
            # A form left open past a sign-out elsewhere (its token no longer valid) is refused with a page that says so.
            page.goto(base + "/door")
            page.eval_on_selector("#room-hall-a input[name=csrf]", "e => e.value = 'stale'")
            page.click("#room-hall-a button.state-closed")
            check("ladda om" in page.inner_text(".message"), "a stale form says to reload: %r" % page.inner_text(".message"))
            page.screenshot(path=str(OUT / "hub-refused-phone.png"), full_page=True)
            check((state / "live.json").read_bytes() == before, "the stale form changed nothing")

            # Signing out ends the session: the old cookie replayed is refused.
            page.goto(base + "/door")
            page.click("header form button")
            page.wait_for_url("**/login")
            replay = browser.new_context()
            replay.add_cookies([cookie])
            replayed = replay.request.post(base + "/door/hall-a", form={"state": "closed", "csrf": csrf}, max_redirects=0)
            check(replayed.status == 403, f"a replayed cookie after signing out is refused ({replayed.status})")

            # The technician, on a desktop, raises an emergency: all three screens within a second.
            desk = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB")
            tech = desk.new_page()
            tech.goto(base + "/login")
            tech.screenshot(path=str(OUT / "hub-login-desktop.png"), full_page=True)
            tech.fill("#name", "tech")
            tech.fill("#password", tech_password)
            tech.click("button.big")
            tech.wait_for_url("**/tech")
            tech.fill("#text", "Evacuate the building — use the nearest exit")
            tech.check("input[value=emergency]")
            seen = {name: set(frames(f)) for name, f in screens.items()}
            sent = time.time()
            tech.click(".alert-box form button.big")
            latencies = {}
            for name, folder in screens.items():
                path, written = first_frame_after(folder, sent, seen[name])
                latencies[name] = round(written - sent, 3) if written else None
                if path and name == "lobby":
                    shutil.copy(path, OUT / "hub-screen-lobby-emergency.png")
                    check("EVACUATE" in ocr(path).upper(), "the lobby's new frame is the emergency")
            check(all(v is not None and v <= 1.0 for v in latencies.values()), f"every screen shows the emergency within 1 s: {latencies}")
            tech.wait_for_function("document.getElementById('ack').className.includes('done')", timeout=5000)
            # Every screen has reported what it is and sent a thumbnail of what it shows (every 5 s when it changed).
            deadline = time.time() + 15
            while time.time() < deadline:
                tech.goto(base + "/tech")
                if tech.locator(".tiles img").count() == 3 and tech.evaluate(
                        "Array.from(document.querySelectorAll('.tiles img')).every(i => i.complete && i.naturalWidth === 320)"):
                    break
                time.sleep(1)
            check(tech.locator(".tiles img").count() == 3, "the fleet shows a thumbnail of each screen")
            tiles = tech.inner_text(".tiles")
            check("room hall-a" in tiles and "lobby" in tiles and "1280x720" in tiles and "screen on" in tiles, "each tile says what the screen is: %r" % tiles[:200])
            tech.screenshot(path=str(OUT / "hub-tech-desktop.png"), full_page=True)
            # The history says who did what; the phone view of the same page.
            check("door-a" in tech.inner_text("table.history") and "emergency" in tech.inner_text("table.history"), "the history lists both changes")
            tech_phone = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True, locale="en-GB")
            tech_phone.add_cookies(desk.cookies())
            tp = tech_phone.new_page()
            tp.goto(base + "/tech")
            tp.screenshot(path=str(OUT / "hub-tech-phone.png"), full_page=True)
            dp = desk.new_page()
            dp.goto(base + "/door")
            dp.screenshot(path=str(OUT / "hub-door-desktop.png"), full_page=True)
            # Undo the emergency from the history: the screens go back.
            seen = {name: set(frames(f)) for name, f in screens.items()}
            tech.goto(base + "/tech")
            tech.click("table.history form button")
            path, written = first_frame_after(screens["lobby"], time.time(), seen["lobby"])
            live = json.loads((state / "live.json").read_text())
            check(live.get("alert") is None and path is not None, "undo takes the emergency away on the screens")
            # The program desk: a new version of the program (a session moved to another hour) is checked, its change shown,
            # published (on every screen within a second) and rolled back.
            moved = json.loads(FEED.read_text())
            for session in moved["sessions"]:
                if session["title"] == "Closing panel":
                    session["title"] = "Closing panel (moved)"
            path_moved = work / "nordic-moved.json"
            path_moved.write_text(json.dumps(moved))
            broken = work / "broken.json"
            broken.write_text('{"skylt": 1, "event": {"name": "X", "timezone": "Europe/Stockholm"},\n "sessions": [{"id": "a", "title": "A", "start": "2021-09-14T10:00", "end": "2021-09-14T09:00"}]}\n')
            tech.goto(base + "/program")
            tech.set_input_files("#file", str(broken))
            tech.click("section form button.big")
            tech.wait_for_url("**/program?staged=*")
            check(tech.locator(".findings li.error").count() == 1 and "broken.json:2:" in tech.inner_text(".findings") and tech.locator("form[action='/program/publish']").count() == 0,
                  "a broken program shows its finding beside its line and cannot be published")
            tech.screenshot(path=str(OUT / "hub-program-refused-desktop.png"), full_page=True)
            tech.goto(base + "/program")
            tech.set_input_files("#file", str(path_moved))
            tech.click("section form button.big")
            tech.wait_for_url("**/program?staged=*")
            summary = tech.inner_text(".staged .now")
            check("1 retitled" in summary, "the change is summed up: %r" % summary)
            # Each screen's preview, at the hour of the changed session: the screen's own pixels, with the new title.
            tech.fill("#at", "2021-09-14T12:50")
            tech.click("form.at button")
            tech.wait_for_url("**/program?staged=*at=*")
            deadline = time.time() + 20
            while time.time() < deadline and not tech.evaluate(
                    "Array.from(document.querySelectorAll('.previews img')).length === 3 && "
                    "Array.from(document.querySelectorAll('.previews img')).every(i => i.complete && i.naturalWidth > 0)"):
                time.sleep(0.2)
            preview = tech.locator(".previews img").first.get_attribute("src")
            png = tech.request.get(base + preview).body()
            (OUT / "hub-preview-door-a.png").write_bytes(png)
            check("MOVED" in ocr(OUT / "hub-preview-door-a.png").upper(), "door-a's preview at 12:50 shows the new title")
            tech.screenshot(path=str(OUT / "hub-program-check-desktop.png"), full_page=True)
            seen = {name: set(frames(f)) for name, f in screens.items()}
            published = time.time()
            tech.click("form[action='/program/publish'] button")
            tech.wait_for_url("**/program")
            arrived, status_ok = None, False
            deadline = time.time() + 5
            while time.time() < deadline:
                status = json.loads(urllib.request.urlopen(urllib.request.Request(base + "/v1/status", headers={"Authorization": "Bearer " + token})).read())
                if all(s.get("program_version") == status["program_version"] for s in status["screens"]):
                    status_ok = True
                    arrived = round(time.time() - published, 3)
                    break
                time.sleep(0.02)
            check(status_ok and arrived <= 1.0, f"every screen has the published program {arrived} s after the click (reported by their requests)")
            path, written = first_frame_after(screens["door-a"], published, seen["door-a"])
            check(path is not None and written - published <= 1.0 and "MOVED" in ocr(path).upper(),
                  "door-a writes a frame with the new title %s s after the click" % (round(written - published, 3) if written else None))
            check(tech.locator("table.history tr").count() >= 2, "the versions list the program before and the published one")
            tech_phone_page = tech_phone.new_page()
            tech_phone_page.goto(base + "/program")
            tech_phone_page.screenshot(path=str(OUT / "hub-program-phone.png"), full_page=True)
            tech.click("form[action='/program/rollback'] button")
            tech.wait_for_url("**/program")
            check("moved" not in (state / "feed.json").read_text(), "roll back puts the earlier program back")
            browser.close()
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
        if failures:
            print(f"logs kept in {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    print(f"browser: {'FAILED ' + str(len(failures)) if failures else 'all passed'}; screenshots in {OUT}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
