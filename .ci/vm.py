#!/usr/bin/env python3
"""A Debian guest under QEMU (software emulation) for Skylt's system test: boots the image that
.ci/vm-image built, types commands on its serial console, takes screendumps of its panel
through the QEMU monitor, and pulls the plug. Used by .ci/system-test; nothing here is Skylt's
product code."""
import os, re, socket, struct, subprocess, time, zlib


class VM:
    def __init__(self, image_dir, work, display="virtio", rtc=None, payload=None, overlay=True):
        self.work = work
        os.makedirs(work, exist_ok=True)
        self.serial_path = os.path.join(work, "serial.sock")
        self.monitor_path = os.path.join(work, "monitor.sock")
        self.log_path = os.path.join(work, "serial.log")
        disk = os.path.join(work, "disk.qcow2")
        if overlay or not os.path.exists(disk):
            subprocess.run(["qemu-img", "create", "-q", "-f", "qcow2", "-b", os.path.join(image_dir, "base.img"), "-F", "raw", disk], check=True)
        for path in (self.serial_path, self.monitor_path):
            if os.path.exists(path):
                os.unlink(path)
        gpu = ["-vga", "none", "-device", "virtio-gpu-pci,xres=1920,yres=1080"] if display == "virtio" \
            else ["-vga", "none", "-device", "VGA,xres=1920,yres=1080,edid=on"]
        command = ["qemu-system-x86_64", "-accel", "tcg,thread=multi", "-smp", "2", "-m", "1024",
                   "-kernel", os.path.join(image_dir, "vmlinuz"), "-initrd", os.path.join(image_dir, "initrd.img"),
                   "-append", "root=/dev/vda rw console=ttyS0 quiet systemd.show_status=0 consoleblank=0",
                   "-drive", f"file={disk},if=virtio,format=qcow2"]
        if payload:
            command += ["-drive", f"file={payload},if=virtio,format=raw,readonly=on"]
        command += gpu + ["-display", "none", "-nic", "none",
                          "-monitor", f"unix:{self.monitor_path},server,nowait",
                          "-chardev", f"socket,id=s0,path={self.serial_path},server=on,wait=off,logfile={self.log_path}",
                          "-serial", "chardev:s0"]
        if rtc:
            command += ["-rtc", f"base={rtc}"]
        self.started = time.monotonic()
        self.process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=open(os.path.join(work, "qemu.err"), "w"))
        self.serial = self._connect(self.serial_path)
        self.buffer = b""
        self.counter = 0

    def _connect(self, path, timeout=30):
        deadline = time.monotonic() + timeout
        while True:
            try:
                sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
                sock.connect(path)
                return sock
            except OSError:
                if time.monotonic() > deadline or self.process.poll() is not None:
                    raise RuntimeError("QEMU did not start: " + open(os.path.join(self.work, "qemu.err")).read())
                time.sleep(0.2)

    def _read_until(self, pattern, timeout):
        regex = re.compile(pattern)
        deadline = time.monotonic() + timeout
        while True:
            match = regex.search(self.buffer)
            if match:
                self.buffer = self.buffer[match.end():]
                return match
            remaining = deadline - time.monotonic()
            if remaining <= 0 or self.process.poll() is not None:
                raise TimeoutError(f"no {pattern!r} on the serial console within {timeout} s; last output: {self.buffer[-600:]!r}")
            self.serial.settimeout(min(remaining, 1))
            try:
                chunk = self.serial.recv(65536)
            except socket.timeout:
                continue
            if not chunk:
                raise RuntimeError(f"the serial console closed (QEMU exited: {self.process.poll()}); last output: {self.buffer[-600:]!r}")
            self.buffer += chunk

    def wait_for_shell(self, timeout=240):
        """Waits for the auto-login shell; returns the seconds since QEMU started."""
        self._read_until(rb"root@skylt-vm[^\n]*# ", timeout)
        self.serial.sendall(b'stty -echo cols 300; export PS1= SYSTEMD_PAGER= SYSTEMD_COLORS=0 TERM=dumb; echo __SKYLT_""READY__\n')
        self._read_until(rb"__SKYLT_READY__", 60)  # The echo of the command itself reads __SKYLT_""READY__.
        return time.monotonic() - self.started

    def run(self, command, timeout=120, check=True):
        """Runs a shell command in the guest; returns its output (stdout and stderr)."""
        self.counter += 1
        marker = f"__SKYLT_{self.counter}__"
        self.serial.sendall((f"( {command} ) 2>&1; echo {marker}$?{marker}\n").encode())
        match = self._read_until(rf"(?s)(.*?){marker}(\d+){marker}".encode(), timeout)
        output = match.group(1).decode(errors="replace").replace("\r", "")
        status = int(match.group(2))
        if check and status != 0:
            raise RuntimeError(f"guest command failed ({status}): {command}\n{output}")
        return output.strip()

    def monitor(self, command):
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        sock.connect(self.monitor_path)
        sock.settimeout(10)
        def until_prompt():
            data = b""
            while b"(qemu)" not in data:
                chunk = sock.recv(4096)
                if not chunk:
                    raise RuntimeError(f"the QEMU monitor closed (QEMU exited: {self.process.poll()})")
                data += chunk
            return data
        until_prompt()
        sock.sendall((command + "\n").encode())
        data = until_prompt()
        sock.close()
        return data.decode(errors="replace")

    def screendump(self, png_path):
        """Writes what the panel shows as PNG (and PPM beside it, for OCR); returns the PPM path."""
        ppm = png_path[:-4] + ".ppm"
        if os.path.exists(ppm):
            os.unlink(ppm)
        self.monitor(f"screendump {ppm}")
        for _ in range(50):
            if os.path.exists(ppm) and os.path.getsize(ppm) > 0:
                break
            time.sleep(0.1)
        time.sleep(0.3)
        ppm_to_png(ppm, png_path)
        return ppm

    def power_cut(self):
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait()
        self.serial.close()

    def shutdown(self):
        if self.process.poll() is None:
            try:
                self.monitor("quit")
            except (OSError, RuntimeError):
                pass  # QEMU closes the monitor as it quits.
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
        self.serial.close()


def ppm_to_png(ppm, png):
    data = open(ppm, "rb").read()
    header = re.match(rb"P6\s+(\d+)\s+(\d+)\s+(\d+)\s", data)  # One white-space byte ends the header.
    assert header, "screendump is not a P6 PPM"
    width, height = int(header.group(1)), int(header.group(2))
    pixels = data[header.end():header.end() + width * height * 3]
    rows = b"".join(b"\x00" + pixels[y * width * 3:(y + 1) * width * 3] for y in range(height))

    def chunk(kind, body):
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)

    with open(png, "wb") as out:
        out.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
                  + chunk(b"IDAT", zlib.compress(rows, 6)) + chunk(b"IEND", b""))
    return width, height


def ocr(image):
    result = subprocess.run(["tesseract", image, "-", "-l", "swe+eng", "--psm", "11"], capture_output=True, text=True)
    return " ".join(result.stdout.split())
