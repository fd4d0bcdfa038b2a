"""Security headers on every page, cookies under the production names, CSRF, logout.

Every URL comes from the resolver (tests/security/urls.py): a page added
later is checked without anyone remembering to add it here.
"""

import copy
import re
from pathlib import Path

import pytest
from django.contrib.auth import SESSION_KEY
from django.http import HttpResponse
from django.test import Client
from django.urls import reverse

from tests.factories import PASSWORD, UserFactory
from tests.security.conftest import World, browser, fresh
from tests.security.urls import Route, project_routes, route_url
from tests.support.invitations import open_url

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
OUR_CODE = ("accounts", "couples", "assessments", "config")

# The invitation link's page (its URL holds the token) sends no Referer at all. The
# invitation page after it has no token in its URL and says "same-origin": a form
# POST from a no-referrer page carries "Origin: null", which the CSRF check refuses
# (couples/views.py, referrer_policy). Everything else: the site-wide default.
REFERRER_POLICY = {
    "couples:invitation_open": "no-referrer",
    "couples:invitation": "same-origin",
    "counsellors:invitation": "same-origin",
}
DEFAULT_REFERRER_POLICY = "strict-origin-when-cross-origin"
CSP_MUST_HAVE = ("default-src 'self'", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'")

ROUTES = project_routes()
BY_KEY = {route.key: route for route in ROUTES}


def _get(world: World, client: Client, route: Route, token: str) -> list[tuple[Route, str, HttpResponse]]:
    """GET ``route``: (route, url, response), with the step before it for the invitation page."""
    url = route_url(route, world.url_values)
    responses = []
    if route.key == "couples:invitation_open":
        url = open_url(token)
    elif route.key == "couples:invitation":
        # The invitation page works from the token that opening the link put into the session.
        responses.append((BY_KEY["couples:invitation_open"], open_url(token), client.get(open_url(token))))
    responses.append((route, url, client.get(url)))
    return responses


def _header_problems(route: Route, url: str, response, *, signed_in: bool) -> list[str]:
    problems = []
    where = f"{route.key} GET {url} ({response.status_code})"
    if signed_in and "no-store" not in response.get("Cache-Control", ""):
        problems.append(f"{where}: Cache-Control {response.get('Cache-Control')!r} lacks no-store")
    if not response.get("Content-Type", "").startswith("text/html"):
        return problems
    csp = response.get("Content-Security-Policy", "")
    problems += [f"{where}: CSP lacks {part!r}: {csp!r}" for part in CSP_MUST_HAVE if part not in csp]
    if "unsafe-inline" in csp:
        problems.append(f"{where}: CSP allows unsafe-inline: {csp!r}")
    if response.get("X-Content-Type-Options") != "nosniff":
        problems.append(f"{where}: X-Content-Type-Options {response.get('X-Content-Type-Options')!r}")
    if response.get("Cross-Origin-Opener-Policy") != "same-origin":
        problems.append(f"{where}: Cross-Origin-Opener-Policy {response.get('Cross-Origin-Opener-Policy')!r}")
    referrer = REFERRER_POLICY.get(route.key, DEFAULT_REFERRER_POLICY)
    if response.status_code == 404:
        referrer = DEFAULT_REFERRER_POLICY  # no invitation found: nothing of it on the page
    if response.get("Referrer-Policy") != referrer:
        problems.append(
            f"{where}: Referrer-Policy {response.get('Referrer-Policy')!r}, expected {referrer!r}"
        )
    return problems


def _check_every_page(world: World, role: str, token: str) -> tuple[list[str], int]:
    problems, html = [], 0
    for route in ROUTES:
        with fresh():
            for page, url, response in _get(world, world.client(role), route, token):
                html += response.get("Content-Type", "").startswith("text/html")
                problems += _header_problems(page, url, response, signed_in=role != "anon")
    return problems, html


@pytest.mark.parametrize("role", ["a", "anon"])
def test_every_page_carries_the_security_headers(world, send_invitation, role):
    """As partner A (every response must also be no-store) and as an anonymous visitor."""
    _, token = send_invitation(UserFactory(), "someone.invited@example.org")

    problems, html_pages = _check_every_page(world, role, token)

    assert html_pages > 50  # the loop really looked at pages
    assert not problems, "\n".join(problems)


def test_the_invitation_pages_really_are_checked_with_a_live_token(world, send_invitation):
    """Guard for the test above: with the token, the invitation pages answer for real (not 404)."""
    _, token = send_invitation(UserFactory(), "someone.invited@example.org")

    for role in ("a", "anon"):
        opened = _get(world, world.client(role), BY_KEY["couples:invitation_open"], token)
        shown = _get(world, world.client(role), BY_KEY["couples:invitation"], token)

        assert [r.status_code for _, _, r in opened] == [302]
        assert [r.status_code for _, _, r in shown] == [302, 200]
        policies = [r["Referrer-Policy"] for _, _, r in opened + shown]
        assert policies == ["no-referrer", "no-referrer", "same-origin"]
        assert token not in shown[-1][2].content.decode()


def test_a_login_sets_the_session_cookie_secure_httponly_samesite_lax_for_the_whole_site(settings):
    settings.SESSION_COOKIE_NAME = "__Host-sessionid"
    settings.SESSION_COOKIE_SECURE = True
    settings.CSRF_COOKIE_NAME = "__Host-csrftoken"
    settings.CSRF_COOKIE_SECURE = True
    settings.CSRF_COOKIE_HTTPONLY = True
    user = UserFactory()
    client = browser("cookies")

    page = client.get(reverse("account_login"))
    response = client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})

    assert response.status_code == 302
    assert client.get(reverse("dashboard")).status_code == 200
    session = response.cookies["__Host-sessionid"]
    assert session.value
    assert session["secure"] is True
    assert session["httponly"] is True
    assert session["samesite"] == "Lax"
    assert session["path"] == "/"
    assert not session["domain"]  # a __Host- cookie must not name a domain
    assert "sessionid" not in response.cookies
    csrf = page.cookies["__Host-csrftoken"]
    assert csrf["secure"] is True
    assert csrf["path"] == "/"
    assert not csrf["domain"]
    assert csrf["samesite"] == "Lax"


def test_no_code_of_ours_turns_off_csrf_protection():
    files = [path for package in OUR_CODE for path in (ROOT / package).rglob("*.py")]
    exempt = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in files
        for number, line in enumerate(path.read_text().splitlines(), start=1)
        if re.search(r"csrf_exempt", line)
    ]

    assert len(files) > 20
    assert not exempt, exempt


def test_no_url_of_the_project_is_csrf_exempt():
    """The same, seen from the resolver: no view (ours or a library's) bypasses the CSRF check."""
    exempt = [route.key for route in ROUTES if getattr(route.callback, "csrf_exempt", False)]

    assert not exempt, exempt


def test_logout_by_get_does_not_log_out(world):
    client = world.client("a")

    assert client.get(reverse("account_logout")).status_code == 200  # "Log out?"
    assert client.session.get(SESSION_KEY) == str(world.a.pk)
    assert client.get(reverse("dashboard")).status_code == 200
    client.post(reverse("account_logout"))
    assert SESSION_KEY not in client.session
    assert client.get(reverse("dashboard")).status_code == 302


def test_no_get_anywhere_ends_the_session(world, send_invitation):
    """A link (an <img>, a prefetch, another site's page) must never sign someone out."""
    _, token = send_invitation(UserFactory(), "someone.invited@example.org")
    ended = []
    for route in ROUTES:
        with fresh():
            client = world.client("a")
            _get(world, client, route, token)
            if client.session.get(SESSION_KEY) != str(world.a.pk):
                ended.append(route.key)

    assert not ended, ended


def test_the_world_is_shared_but_each_page_starts_fresh(world):
    """Guard for the loops above: a POST inside ``fresh`` is undone (here: B logs out, A holds back)."""
    client = world.client("b")
    cookies = copy.deepcopy(client.cookies)
    with fresh():
        client.post(reverse("account_logout"))
        assert SESSION_KEY not in client.session
    client.cookies = cookies

    assert client.session.get(SESSION_KEY) == str(world.b.pk)
