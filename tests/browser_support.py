"""Fixtures for tests/browser/ (imported there, not a conftest: a second conftest module would
shadow tests/conftest.py for `from conftest import ...`).

A real headless browser for the HTML report: Debian's chromium driven by Playwright, never a
browser that Playwright downloads. Tests skip with the reason when either is missing.

Install: ``apt-get install -y chromium`` and ``pip install playwright`` (the dev extra).
``CONSILIENCE_CHROMIUM`` names another chromium binary.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import pytest

ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

# Records what the page tried: CSP violations (blocked script, style or load) and dialogs.
_WATCH = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", function (e) {
  window.__violations.push(e.violatedDirective + " " + e.blockedURI);
});
"""


def chromium_path() -> str | None:
    """Return the system chromium to drive, or None."""
    wanted = os.environ.get("CONSILIENCE_CHROMIUM")
    if wanted:
        return wanted if Path(wanted).exists() else None
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    return "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None


@pytest.fixture(scope="session")
def browser():  # noqa: ANN201
    sync_api = pytest.importorskip(
        "playwright.sync_api",
        reason="playwright is not installed (pip install playwright: it is in the dev extra)",
    )
    exe = chromium_path()
    if exe is None:
        pytest.skip("no chromium on this machine (apt-get install -y chromium)")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=exe, args=ARGS)
        yield b
        b.close()


@dataclass
class Opened:
    """A page with everything it requested and every dialog it opened."""

    page: object
    url: str
    requests: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def violations(self) -> list[str]:
        return self.page.evaluate("window.__violations")  # type: ignore[attr-defined]


@pytest.fixture
def open_report(browser):  # noqa: ANN001, ANN201
    """Open a report file in a fresh browser context; return an :class:`Opened`."""
    contexts = []

    def _open(path: Path, fragment: str = "") -> Opened:
        context = browser.new_context(viewport={"width": 1100, "height": 800})
        contexts.append(context)
        url = path.resolve().as_uri()
        opened = Opened(page=None, url=url)
        context.on("request", lambda r: opened.requests.append(r.url))
        # Anything but the file itself is refused, so a test can never reach a network.
        context.route(
            "**/*",
            lambda route: (
                route.continue_() if route.request.url.split("#")[0] == url else route.abort()
            ),
        )
        context.add_init_script(_WATCH)
        page = context.new_page()
        page.set_default_timeout(5000)
        page.on("dialog", lambda d: (opened.dialogs.append(d.message), d.dismiss()))
        page.on("pageerror", lambda e: opened.errors.append(str(e)))
        opened.page = page
        page.goto(url + fragment)
        page.wait_for_load_state("load")
        return opened

    yield _open
    for c in contexts:
        c.close()
