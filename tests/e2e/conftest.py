"""Browser tests: Debian's Chromium, driven by Playwright, against the live server.

Every test here gets a fresh database (the live server needs real commits, so
pytest-django runs these tests transactionally), an empty cache and an empty
outbox. People are separate browser contexts: separate cookies, like two phones.
"""

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from django.core.cache import cache
from playwright.sync_api import BrowserContext
from pytest_django.live_server_helper import LiveServer

from tests.e2e.helpers import PageChecks, Person

# Playwright's sync API keeps an asyncio event loop running in the main thread,
# so Django's async-safety check would refuse every ORM call the test code makes
# (SynchronousOnlyOperation). The test thread really is synchronous; the live
# server answers from its own thread.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

# Debian's Chromium: Playwright's own browser download is not used (and does not
# work on the CI machines). .ci/run installs the package.
CHROMIUM = Path(os.environ.get("ATTUNE_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",  # the tests run as root, where Chromium's sandbox cannot start
    "--disable-background-networking",  # no calls home: the tests must run offline
    "--disable-component-update",
    "--disable-sync",
    "--disable-gpu",  # no GPU in containers
    "--no-first-run",
]
# Fail fast: every page here answers in milliseconds.
TIMEOUT_MS = 10_000


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "e2e: drives Chromium against the live server (tests/e2e)")


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    if not CHROMIUM.exists():
        pytest.fail(
            f"Chromium is not at {CHROMIUM}: `apt-get install chromium` "
            "(never `playwright install`), or set ATTUNE_CHROMIUM"
        )
    # pytest-playwright's own options (e.g. --headed) still apply; headless otherwise.
    return {
        "headless": True,
        **browser_type_launch_args,
        "executable_path": str(CHROMIUM),
        "args": CHROMIUM_ARGS,
    }


@pytest.fixture(scope="session")
def base_url(live_server: LiveServer) -> str:
    """pytest-playwright gives every context this base, so tests say page.goto("/dashboard/")."""
    return live_server.url


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args: dict[str, Any]) -> dict[str, Any]:
    return {**browser_context_args, "locale": "en-GB", "timezone_id": "UTC"}


@pytest.fixture(autouse=True)
def _fresh_site(live_server: LiveServer, transactional_db: None) -> None:
    # allauth keeps its rate-limit counters in the database cache table, which
    # the flush after a transactional test does not empty: without this, sign-ups
    # and logins from earlier tests would count against this one.
    cache.clear()


@pytest.fixture
def open_device(new_context: Callable[..., BrowserContext]) -> Callable[[], BrowserContext]:
    """A new browser context: one more person's phone, with its own cookies."""

    def open_() -> BrowserContext:
        context = new_context()
        context.set_default_timeout(TIMEOUT_MS)
        return context

    return open_


@pytest.fixture
def person(open_device: Callable[[], BrowserContext]) -> Callable[[str, str], Person]:
    """Someone with a name and an email address, at a fresh, logged-out browser."""

    def make(name: str, email: str) -> Person:
        return Person(name=name, email=email, page=open_device().new_page())

    return make


@pytest.fixture
def checks(request: pytest.FixtureRequest) -> Iterator[PageChecks]:
    """axe and the Nu HTML checker for every page the test hands to `checks.check`."""
    page_checks = PageChecks()
    yield page_checks
    # A test that checked pages must also validate them, at its end, so that a
    # failure is reported as the test's own. (`rep_call` is set by
    # pytest-playwright; a test that already failed is not blamed twice.)
    call = getattr(request.node, "rep_call", None)
    if call is not None and call.passed:
        assert page_checks.validated == len(page_checks.documents), (
            "call checks.assert_html_valid() at the end of the test"
        )
