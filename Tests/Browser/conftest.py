"""Fixtures of the widget's browser tests: a real `second-opinion serve` and headless Chromium.

The server is the built binary (`.build/debug/second-opinion`, or $SECOND_OPINION_BINARY) with the
memory store on a free loopback port; the browser is Debian's Chromium (/usr/bin/chromium, or
$CHROMIUM) driven by Playwright, which downloads nothing.
"""

import os
import signal
import socket
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[2]
BINARY = Path(os.environ.get("SECOND_OPINION_BINARY", ROOT / ".build" / "debug" / "second-opinion"))
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")


def free_port():
    """A port nobody listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Server:
    """One `second-opinion serve --store memory` process, started and stopped by a test."""

    def __init__(self, *flags, port=None):
        self.flags = list(flags)
        self.port = port or free_port()
        self.process = None
        self.log = tempfile.NamedTemporaryFile(prefix="widget-server-", suffix=".log", delete=False)

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"

    def start(self):
        assert BINARY.exists(), f"{BINARY} is missing; run `swift build` first"
        command = [str(BINARY), "serve", "--store", "memory", "--host", "127.0.0.1", "--port", str(self.port),
                   "--log-level", "warning", *self.flags]
        # Popen runs the binary itself (no shell in between), so `process` is the server and stop() ends it.
        self.process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=self.log, cwd=ROOT)
        # Polled, not timed: a busy 2-core machine may take a while to start it.
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"the server exited with {self.process.returncode}:\n{self.output()}")
            try:
                with urllib.request.urlopen(f"{self.url}/readyz", timeout=2) as answer:
                    if answer.status == 200:
                        return self
            except OSError:
                time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"the server did not become ready:\n{self.output()}")

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None

    def output(self):
        return Path(self.log.name).read_text(errors="replace")


@pytest.fixture(scope="session")
def server():
    """The server most tests share; each test starts its own conversation in a fresh browser context."""
    running = Server().start()
    yield running
    running.stop()


@pytest.fixture
def own_server(request):
    """A server for one test alone, with the flags of `@pytest.mark.server_flags(...)`; stopped afterwards."""
    marker = request.node.get_closest_marker("server_flags")
    running = Server(*(marker.args if marker else ())).start()
    yield running
    running.stop()


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, headless=True)
        yield chromium
        chromium.close()


@pytest.fixture
def viewport():
    return {"width": 1280, "height": 800}


@pytest.fixture
def page(browser, viewport):
    """A fresh tab (own sessionStorage) that fails the test on any script error of the page."""
    context = browser.new_context(viewport=viewport)
    tab = context.new_page()
    errors = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    yield tab
    context.close()
    assert errors == [], f"script errors on the page: {errors}"


def pytest_configure(config):
    config.addinivalue_line("markers", "server_flags(*flags): flags for the own_server fixture")
