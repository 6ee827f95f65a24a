"""A real `pmark3 serve` subprocess and Debian's Chromium driven by Playwright, for the portal tests.

The server runs on a copy of the suite's seeded demo plant (tests/conftest.py ``seeded_dir``,
3,000 work orders), so it starts without seeding or indexing again. Chromium is the system's
(`/usr/bin/chromium`, or env ``PMARK3_CHROMIUM``); Playwright never downloads a browser here.
When Chromium or Playwright is missing the tests fail if ``CI`` is set and are skipped otherwise.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.support.server import free_port

REPO = Path(__file__).resolve().parents[2]
SCREENSHOTS = REPO / "test-output" / "screenshots"
CHROMIUM = Path(os.environ.get("PMARK3_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
# The first start of a server on fresh data seeds and indexes; on the copied seed it is seconds.
STARTUP_TIMEOUT_S = float(os.environ.get("PMARK3_WEB_STARTUP_TIMEOUT", "300"))


def _unavailable(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"browser tests cannot run in CI: {reason}", pytrace=False)
    pytest.skip(f"browser tests skipped: {reason}")


@pytest.fixture(scope="module")
def live_server(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`python -m pmark3 serve` on a free loopback port, over a fresh copy of the seeded data.

    For working on the page, env ``PMARK3_WEB_TEST_SERVER=http://127.0.0.1:PORT`` points the tests
    at a server that is already running instead (its data is changed by the feedback test).
    """
    external = os.environ.get("PMARK3_WEB_TEST_SERVER")
    if external:
        yield external.rstrip("/")
        return
    seeded_dir: Path = request.getfixturevalue("seeded_dir")
    root = tmp_path_factory.mktemp("web-server")
    data_dir = root / "data"
    shutil.copytree(seeded_dir, data_dir)
    port = free_port()
    # The developer's PMARK3_* settings (an LLM endpoint, Azure names) must not reach this server.
    env = {k: v for k, v in os.environ.items() if not k.startswith("PMARK3_")}
    env.update(PMARK3_DATA_DIR=str(data_dir), PMARK3_SEED_WORK_ORDERS="3000", PYTHONUNBUFFERED="1")
    log_path = root / "server.log"
    with log_path.open("wb") as log:
        proc = subprocess.Popen(
            [sys.executable, "-m", "pmark3", "serve", "--host", "127.0.0.1", "--port", str(port)],
            cwd=root,  # no .env from the working tree
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + STARTUP_TIMEOUT_S
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"pmark3 serve exited with {proc.returncode}:\n{log_path.read_text()[-4000:]}")
            try:
                if httpx.get(f"{base}/api/health", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(
                    f"pmark3 serve not healthy after {STARTUP_TIMEOUT_S:.0f} s:\n{log_path.read_text()[-4000:]}"
                )
            time.sleep(0.25)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=5)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        _unavailable(f"no Chromium at {CHROMIUM} (install Debian's `chromium`: make system-deps)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("the playwright Python package is not installed (pip install -e '.[dev]')")
    with sync_playwright() as pw:
        # launch() gives each run a fresh temporary profile; each test gets its own context.
        launched = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        try:
            yield launched
        finally:
            launched.close()


@pytest.fixture
def screenshot_dir() -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS
