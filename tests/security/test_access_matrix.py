"""Who may reach what: every URL of the project, every role, every method.

The URLs come from the resolver (tests/security/urls.py), not from a list kept
by hand: a URL added anywhere, ours or a library's, has no row in the table
below and fails ``test_every_url_pattern_of_the_project_has_a_row_in_the_table``
until someone decides who may reach it.

The world (tests/security/conftest.py): couple {A, B} whose checkup is
complete (so its report exists) and who share it with "counsellor", couple
{C, D} with no checkup, a verified person with no couple ("solo"), a
counsellor nobody shares with, and an anonymous visitor. Path parameters are
filled from it: ``checkup_id`` is {A, B}'s checkup, ``section_key`` its private
safety section, the admin's ``object_id`` {A, B}'s couple.

The rule for everything that belongs to {A, B} (its checkup, section pages,
review, remind, hold-back, share, report): C and solo get 404, never 403
(a 403 would confirm that the checkup exists); anonymous gets the login page.
The counsellors get 404 there too: the counsellor reads {A, B}'s report only at
``counsellors:report``, and only while the share is active.
"""

import copy
from urllib.parse import urlsplit

import pytest
from django.urls import reverse

from assessments.models import Answer, SafetyAnswer
from tests.factories import UserFactory
from tests.security.conftest import ROLES, World, fresh
from tests.security.urls import Route, project_routes, route_url

pytestmark = pytest.mark.django_db

LOGIN = "login"  # 302 to allauth's login page
REAUTH = "reauth"  # 302 to allauth's reauthenticate page (the password again)
ADMIN = "admin_login"  # 302 to the admin's login (which sends on to allauth's, or 403s a non-staff person)
REDIRECT = "redirect"  # 302 anywhere else

# One row per (URL, method): the expected answer for each role, in the order of
# ROLES = anonymous, solo (verified, no couple), A and B of {A, B}, C of {C, D}, the counsellor
# {A, B} share with, and another counsellor nobody shares with (both verified, with no couple).
# A GET row also holds for HEAD, which is requested wherever GET is not 405.
# A key ending in "*" is a group of a library's URLs (by name, or "route:" and
# the route for the unnamed ones); a URL of ours always needs its own row.
#
#    url                                    method   anon      solo      A         B         C         counsellorother counsellor
EXPECTED: dict[tuple[str, str], tuple[int | str, ...]] = {
    # --- pages of our own ---------------------------------------------------------------------------
    ("landing", "GET"):                             (200,      REDIRECT, REDIRECT, REDIRECT, REDIRECT, REDIRECT, REDIRECT),
    ("landing", "POST"):                            (405,      405,      405,      405,      405,      405,      405),
    ("dashboard", "GET"):                           (LOGIN,    200,      200,      200,      200,      200,      200),
    ("dashboard", "POST"):                          (LOGIN,    405,      405,      405,      405,      405,      405),
    ("healthz", "GET"):                             (200,      200,      200,      200,      200,      200,      200),
    ("healthz", "POST"):                            (405,      405,      405,      405,      405,      405,      405),
    ("privacy", "GET"):                             (LOGIN,    200,      200,      200,      200,      200,      200),
    ("privacy", "POST"):                            (LOGIN,    405,      405,      405,      405,      405,      405),
    ("privacy_export", "GET"):                      (LOGIN,    405,      405,      405,      405,      405,      405),
    ("privacy_export", "POST"):                     (LOGIN,    REAUTH,   REAUTH,   REAUTH,   REAUTH,   REAUTH,   REAUTH),
    ("privacy_delete", "GET"):                      (LOGIN,    REAUTH,   REAUTH,   REAUTH,   REAUTH,   REAUTH,   REAUTH),
    ("privacy_delete", "POST"):                     (LOGIN,    REAUTH,   REAUTH,   REAUTH,   REAUTH,   REAUTH,   REAUTH),
    # Inviting: solo's POST sends an invitation; someone in a couple gets the form back with an error.
    ("couples:invite", "GET"):                      (LOGIN,    200,      200,      200,      200,      200,      200),
    ("couples:invite", "POST"):                     (LOGIN,    REDIRECT, 200,      200,      200,      REDIRECT, REDIRECT),
    # Resend and revoke name an invitation by id in the POST: A's invitation to B, A's alone.
    ("couples:invitation_resend", "GET"):           (LOGIN,    405,      405,      405,      405,      405,      405),
    ("couples:invitation_resend", "POST"):          (LOGIN,    404,      REDIRECT, 404,      404,      404,      404),
    ("couples:invitation_revoke", "GET"):           (LOGIN,    405,      405,      405,      405,      405,      405),
    ("couples:invitation_revoke", "POST"):          (LOGIN,    404,      REDIRECT, 404,      404,      404,      404),
    # The invitation pages work from the token in the session; nobody here has one.
    ("couples:invitation_open", "GET"):             (404,      404,      404,      404,      404,      404,      404),
    ("couples:invitation_open", "POST"):            (405,      405,      405,      405,      405,      405,      405),
    ("couples:invitation", "GET"):                  (404,      404,      404,      404,      404,      404,      404),
    ("couples:invitation", "POST"):                 (405,      405,      405,      405,      405,      405,      405),
    ("couples:invitation_accept", "GET"):           (405,      405,      405,      405,      405,      405,      405),
    # Someone already in a couple is told so (a second click on "accept" lands here).
    ("couples:invitation_accept", "POST"):          (LOGIN,    404,      REDIRECT, REDIRECT, REDIRECT, 404,      404),
    ("couples:invitation_decline", "GET"):          (405,      405,      405,      405,      405,      405,      405),
    ("couples:invitation_decline", "POST"):         (404,      404,      404,      404,      404,      404,      404),
    ("couples:leave", "GET"):                       (LOGIN,    404,      REAUTH,   REAUTH,   REAUTH,   404,      404),
    ("couples:leave", "POST"):                      (LOGIN,    404,      REAUTH,   REAUTH,   REAUTH,   404,      404),
    # Starting a checkup is for one's own couple (C starts one for {C, D}).
    ("assessments:start", "GET"):                   (LOGIN,    405,      405,      405,      405,      405,      405),
    ("assessments:start", "POST"):                  (LOGIN,    404,      REDIRECT, REDIRECT, REDIRECT, 404,      404),
    # {A, B}'s checkup, complete: its pages send A and B on to the report.
    ("assessments:checkup", "GET"):                 (LOGIN,    404,      REDIRECT, REDIRECT, 404,      404,      404),
    ("assessments:checkup", "POST"):                (LOGIN,    404,      REDIRECT, REDIRECT, 404,      404,      404),
    ("assessments:section", "GET"):                 (LOGIN,    404,      REDIRECT, REDIRECT, 404,      404,      404),
    ("assessments:section", "POST"):                (LOGIN,    404,      REDIRECT, REDIRECT, 404,      404,      404),
    ("assessments:review", "GET"):                  (LOGIN,    404,      REDIRECT, REDIRECT, 404,      404,      404),
    ("assessments:review", "POST"):                 (LOGIN,    404,      REDIRECT, REDIRECT, 404,      404,      404),
    ("assessments:remind", "GET"):                  (LOGIN,    405,      405,      405,      405,      405,      405),
    ("assessments:remind", "POST"):                 (LOGIN,    404,      REDIRECT, REDIRECT, 404,      404,      404),
    ("assessments:hold_back", "GET"):               (LOGIN,    405,      405,      405,      405,      405,      405),
    ("assessments:hold_back", "POST"):              (LOGIN,    404,      REDIRECT, REDIRECT, 404,      404,      404),
    ("assessments:release", "GET"):                 (LOGIN,    405,      405,      405,      405,      405,      405),
    ("assessments:release", "POST"):                (LOGIN,    404,      REDIRECT, REDIRECT, 404,      404,      404),
    ("assessments:report", "GET"):                  (LOGIN,    404,      200,      200,      404,      404,      404),
    # The report view takes any method and changes nothing.
    ("assessments:report", "POST"):                 (LOGIN,    404,      200,      200,      404,      404,      404),
    # --- counsellors: the counsellor's pages (a profile is needed; the couple is theirs only while shared)
    # Someone with no counsellor profile is sent to the profile form.
    ("counsellors:dashboard", "GET"):               (LOGIN,    REDIRECT, REDIRECT, REDIRECT, REDIRECT, 200,      200),
    ("counsellors:dashboard", "POST"):              (LOGIN,    405,      405,      405,      405,      405,      405),
    # Anyone signed in may declare (or update) a counsellor profile: the POST saves it.
    ("counsellors:profile", "GET"):                 (LOGIN,    200,      200,      200,      200,      200,      200),
    ("counsellors:profile", "POST"):                (LOGIN,    REDIRECT, REDIRECT, REDIRECT, REDIRECT, REDIRECT, REDIRECT),
    ("counsellors:invite", "GET"):                  (LOGIN,    405,      405,      405,      405,      405,      405),
    ("counsellors:invite", "POST"):                 (LOGIN,    404,      404,      404,      404,      REDIRECT, REDIRECT),
    # The counsellor's own link to a couple: nobody else can withdraw it.
    ("counsellors:invitation_withdraw", "GET"):     (LOGIN,    405,      405,      405,      405,      405,      405),
    ("counsellors:invitation_withdraw", "POST"):    (LOGIN,    404,      404,      404,      404,      REDIRECT, 404),
    # {A, B} as their counsellor sees them; the partners themselves read it at their own URLs.
    ("counsellors:couple", "GET"):                  (LOGIN,    404,      404,      404,      404,      200,      404),
    ("counsellors:couple", "POST"):                 (LOGIN,    405,      405,      405,      405,      405,      405),
    ("counsellors:report", "GET"):                  (LOGIN,    404,      404,      404,      404,      200,      404),
    # Like the partners' report view, it takes any method and changes nothing but the access log.
    ("counsellors:report", "POST"):                 (LOGIN,    404,      404,      404,      404,      200,      404),
    # --- counsellors: the couple's side (their own active couple only) ---------------------------------
    ("counsellors:sharing", "GET"):                 (LOGIN,    404,      200,      200,      200,      404,      404),
    ("counsellors:sharing", "POST"):                (LOGIN,    405,      405,      405,      405,      405,      405),
    # Proposing the counsellor {A, B} already share with: A and B get the form back with the reason;
    # C proposes them for {C, D}.
    ("counsellors:propose", "GET"):                 (LOGIN,    405,      405,      405,      405,      405,      405),
    ("counsellors:propose", "POST"):                (LOGIN,    404,      400,      400,      REDIRECT, 404,      404),
    # {A, B}'s active share: A and B are told it is already open (agree) or end it (stop).
    ("counsellors:agree", "GET"):                   (LOGIN,    405,      405,      405,      405,      405,      405),
    ("counsellors:agree", "POST"):                  (LOGIN,    404,      REDIRECT, REDIRECT, 404,      404,      404),
    ("counsellors:revoke", "GET"):                  (LOGIN,    405,      405,      405,      405,      405,      405),
    ("counsellors:revoke", "POST"):                 (LOGIN,    404,      REDIRECT, REDIRECT, 404,      404,      404),
    # A counsellor's link works from the token in it; nobody here has one.
    ("counsellors:invitation", "GET"):              (404,      404,      404,      404,      404,      404,      404),
    ("counsellors:invitation", "POST"):             (405,      405,      405,      405,      405,      405,      405),
    ("counsellors:invitation_accept", "GET"):       (405,      405,      405,      405,      405,      405,      405),
    ("counsellors:invitation_accept", "POST"):      (404,      404,      404,      404,      404,      404,      404),
    # The pause plan is always the person's own couple's (no id in the URL): solo has none (404);
    # C reaches {C, D}'s, which is not written yet: C may start it (an edit naming {A, B}'s version 1
    # is refused as bad input, 400), and there is nothing to accept, print, check in on or remind
    # about (404). A and B see and change {A, B}'s.
    ("practice:plan", "GET"):                       (LOGIN,    404,      200,      200,      200,      404,      404),
    ("practice:plan", "POST"):                      (LOGIN,    405,      405,      405,      405,      405,      405),
    ("practice:edit", "GET"):                       (LOGIN,    404,      200,      200,      200,      404,      404),
    ("practice:edit", "POST"):                      (LOGIN,    404,      REDIRECT, REDIRECT, 400,      404,      404),
    ("practice:accept", "GET"):                     (LOGIN,    405,      405,      405,      405,      405,      405),
    ("practice:accept", "POST"):                    (LOGIN,    404,      REDIRECT, REDIRECT, 404,      404,      404),
    ("practice:card", "GET"):                       (LOGIN,    404,      200,      200,      404,      404,      404),
    ("practice:card", "POST"):                      (LOGIN,    405,      405,      405,      405,      405,      405),
    ("practice:card_text", "GET"):                  (LOGIN,    404,      200,      200,      404,      404,      404),
    ("practice:card_text", "POST"):                 (LOGIN,    405,      405,      405,      405,      405,      405),
    ("practice:check_in", "GET"):                   (LOGIN,    404,      200,      200,      404,      404,      404),
    ("practice:check_in", "POST"):                  (LOGIN,    404,      REDIRECT, REDIRECT, 404,      404,      404),
    ("practice:reminders", "GET"):                  (LOGIN,    405,      405,      405,      405,      405,      405),
    ("practice:reminders", "POST"):                 (LOGIN,    404,      REDIRECT, REDIRECT, 404,      404,      404),
    # --- allauth ------------------------------------------------------------------------------------
    ("account_login", "GET"):                       (200,      REDIRECT, REDIRECT, REDIRECT, REDIRECT, REDIRECT, REDIRECT),
    ("account_login", "POST"):                      (200,      REDIRECT, REDIRECT, REDIRECT, REDIRECT, REDIRECT, REDIRECT),
    # GET only asks "log out?"; the POST logs out.
    ("account_logout", "GET"):                      (REDIRECT, 200,      200,      200,      200,      200,      200),
    ("account_logout", "POST"):                     (REDIRECT, REDIRECT, REDIRECT, REDIRECT, REDIRECT, REDIRECT, REDIRECT),
    ("account_inactive", "GET"):                    (200,      200,      200,      200,      200,      200,      200),
    ("account_inactive", "POST"):                   (405,      405,      405,      405,      405,      405,      405),
    ("account_signup", "GET"):                      (200,      REDIRECT, REDIRECT, REDIRECT, REDIRECT, REDIRECT, REDIRECT),
    ("account_signup", "POST"):                     (200,      REDIRECT, REDIRECT, REDIRECT, REDIRECT, REDIRECT, REDIRECT),
    ("account_reauthenticate", "GET"):              (LOGIN,    200,      200,      200,      200,      200,      200),
    ("account_reauthenticate", "POST"):             (LOGIN,    200,      200,      200,      200,      200,      200),
    ("account_email", "GET"):                       (LOGIN,    200,      200,      200,      200,      200,      200),
    ("account_email", "POST"):                      (LOGIN,    REDIRECT, REDIRECT, REDIRECT, REDIRECT, REDIRECT, REDIRECT),
    ("account_email_verification_sent", "GET"):     (LOGIN,    REDIRECT, REDIRECT, REDIRECT, REDIRECT, REDIRECT, REDIRECT),
    ("account_email_verification_sent", "POST"):    (LOGIN,    REDIRECT, REDIRECT, REDIRECT, REDIRECT, REDIRECT, REDIRECT),
    ("account_change_password", "GET"):             (LOGIN,    200,      200,      200,      200,      200,      200),
    ("account_change_password", "POST"):            (LOGIN,    200,      200,      200,      200,      200,      200),
    ("account_set_password", "GET"):                (LOGIN,    REDIRECT, REDIRECT, REDIRECT, REDIRECT, REDIRECT, REDIRECT),
    ("account_set_password", "POST"):               (LOGIN,    REDIRECT, REDIRECT, REDIRECT, REDIRECT, REDIRECT, REDIRECT),
    ("account_reset_password", "GET"):              (200,      200,      200,      200,      200,      200,      200),
    ("account_reset_password", "POST"):             (200,      200,      200,      200,      200,      200,      200),
    ("account_confirm_login_code", "GET"):          (LOGIN,    REDIRECT, REDIRECT, REDIRECT, REDIRECT, REDIRECT, REDIRECT),
    ("account_confirm_login_code", "POST"):         (LOGIN,    REDIRECT, REDIRECT, REDIRECT, REDIRECT, REDIRECT, REDIRECT),
    ("account_reset_password_from_key_done", "GET"):(200,      200,      200,      200,      200,      200,      200),
    ("account_reset_password_from_key_done", "POST"):(405,      405,      405,      405,      405,      405,      405),
    # A's real uid with a key nobody issued: the "bad link" page.
    ("account_reset_password_from_key", "GET"):     (200,      200,      200,      200,      200,      200,      200),
    ("account_reset_password_from_key", "POST"):    (200,      200,      200,      200,      200,      200,      200),
    ("account_reset_password_done", "GET"):         (200,      200,      200,      200,      200,      200,      200),
    ("account_reset_password_done", "POST"):        (405,      405,      405,      405,      405,      405,      405),
    ("usersessions_list", "GET"):                   (LOGIN,    200,      200,      200,      200,      200,      200),
    ("usersessions_list", "POST"):                  (LOGIN,    REDIRECT, REDIRECT, REDIRECT, REDIRECT, REDIRECT, REDIRECT),
    # --- Django's admin: nobody here is staff ---------------------------------------------------------
    ("admin:*", "GET"):                             (ADMIN,    ADMIN,    ADMIN,    ADMIN,    ADMIN,    ADMIN,    ADMIN),
    ("admin:*", "POST"):                            (ADMIN,    ADMIN,    ADMIN,    ADMIN,    ADMIN,    ADMIN,    ADMIN),
    ("route:admin/*", "GET"):                       (ADMIN,    ADMIN,    ADMIN,    ADMIN,    ADMIN,    ADMIN,    ADMIN),
    ("route:admin/*", "POST"):                      (ADMIN,    ADMIN,    ADMIN,    ADMIN,    ADMIN,    ADMIN,    ADMIN),
    # Staff sign in through allauth; a signed-in person who is not staff is refused.
    ("admin:login", "GET"):                         (LOGIN,    403,      403,      403,      403,      403,      403),
    ("admin:login", "POST"):                        (LOGIN,    403,      403,      403,      403,      403,      403),
    # A non-staff person "logging out" of the admin is sent to the admin's index, still signed in.
    ("admin:logout", "GET"):                        (REDIRECT, REDIRECT, REDIRECT, REDIRECT, REDIRECT, REDIRECT, REDIRECT),
    ("admin:logout", "POST"):                       (REDIRECT, REDIRECT, REDIRECT, REDIRECT, REDIRECT, REDIRECT, REDIRECT),
}  # fmt: skip

METHODS = ("GET", "POST")

# Every response to a signed-in person says Cache-Control: no-store, but for the
# one that signs them out (it is sent to someone no longer signed in).
SIGNS_OUT = {("account_logout", "POST")}


def _post_data(world: World) -> dict[str, dict[str, object]]:
    """What each POST sends: enough to reach the view's real work where there is any."""
    return {
        "couples:invite": {"email": "someone.new@example.org", "message": "Shall we?"},
        "couples:invitation_resend": {"invitation": world.invitation.pk},
        "couples:invitation_revoke": {"invitation": world.invitation.pk},
        "assessments:section": {"q_saf01": "5", "q_saf02": "5", "q_saf03": "5"},
        "assessments:review": {"share": "share"},
        "privacy_delete": {"confirm": "on"},
        # An edit from {A, B}'s version 1.
        "practice:edit": {
            "base_number": 1,
            "signal": "Time out",
            "pause_minutes": 45,
            "own_settle": "Tea.",
            "restarter": "either",
            "return_plan": "Back at the agreed time.",
            "waiting_plan": "Read instead of following.",
        },
        "practice:accept": {"number": 1},
        "practice:check_in": {"loop_count": "1", "signal_used": "yes", "returned": "yes", "feeling": "4"},
        "practice:reminders": {"reminders": "off"},
        "privacy_export": {"include_safety": "on"},
        "counsellors:profile": {"name": "Morgan Hale", "practice": "Hale Counselling", "website": ""},
        "counsellors:invite": {"email": "another.couple@example.org"},
        "counsellors:propose": {"email": world.counsellor.email if world.counsellor else ""},
    }


ROUTES = project_routes()
OWN = [route for route in ROUTES if route.is_own]
THIRD_PARTY = [route for route in ROUTES if not route.is_own]


def expected_for(route: Route, method: str) -> tuple[int | str, ...] | None:
    """The row for ``route``: its own, else (for a library's URL) the longest matching group."""
    if (route.key, method) in EXPECTED:
        return EXPECTED[route.key, method]
    if route.is_own:
        return None
    groups = [
        key for key, m in EXPECTED if m == method and key.endswith("*") and route.key.startswith(key[:-1])
    ]
    return EXPECTED[max(groups, key=len), method] if groups else None


def outcome(response) -> int | str:
    if response.status_code != 302:
        return response.status_code
    path = urlsplit(response["Location"]).path
    targets = {reverse("account_login"): LOGIN, reverse("account_reauthenticate"): REAUTH}
    targets[reverse("admin:login")] = ADMIN
    return targets.get(path, REDIRECT)


def _cells(world: World, route: Route, role: str, methods: tuple[str, ...] = METHODS) -> list[str]:
    """Request ``route`` as ``role`` with ``methods``; a line for each cell that differs from the table
    (or that a shared browser cache could keep).

    Each request starts from the world as built: a browser of its own (holding
    a copy of the role's session cookie), and a savepoint rolled back afterwards.
    """
    client = world.client(role)
    signed_in = copy.deepcopy(client.cookies)
    url = route_url(route, world.url_values)
    index = ROLES.index(role)
    wrong = []
    requests: list[tuple[str, int | str]] = []
    for method in methods:
        row = expected_for(route, method)
        if row is None:
            wrong.append(f"{route.key} {method}: no row in EXPECTED")
            continue
        requests.append((method, row[index]))
        if method == "GET" and row[index] != 405:
            requests.append(("HEAD", row[index]))
    for method, expected in requests:
        with fresh():
            client.cookies = copy.deepcopy(signed_in)
            if method == "POST":
                response = client.post(url, _post_data(world).get(route.key, {}))
            else:
                response = client.generic(method, url)
        got = outcome(response)
        if got != expected:
            where = f" -> {response['Location']}" if response.status_code == 302 else ""
            wrong.append(f"{route.key} {method} as {role} ({url}): expected {expected}, got {got}{where}")
        cache = response.get("Cache-Control", "")
        if role != "anon" and (route.key, method) not in SIGNS_OUT and "no-store" not in cache:
            wrong.append(f"{route.key} {method} as {role} ({url}): Cache-Control {cache!r} lacks no-store")
    return wrong


def test_every_url_pattern_of_the_project_has_a_row_in_the_table():
    keys = {route.key for route in ROUTES}
    missing = [
        f"{route.key} {method}"
        for route in ROUTES
        for method in METHODS
        if expected_for(route, method) is None
    ]
    stale = sorted(
        {key for key, _ in EXPECTED if not key.endswith("*") and key not in keys}
        | {key for key, _ in EXPECTED if key.endswith("*") and not any(k.startswith(key[:-1]) for k in keys)}
    )

    assert not missing, "URL patterns nobody has decided about:\n" + "\n".join(missing)
    assert not stale, f"rows for URLs that no longer exist: {stale}"


def test_each_url_of_ours_has_its_own_row_and_no_library_group_covers_it():
    own = {route.key for route in OWN}

    assert {"landing", "dashboard", "healthz", "privacy", "privacy_export", "privacy_delete"} <= own
    for namespace in ("couples:", "assessments:", "counsellors:", "practice:"):
        assert any(key.startswith(namespace) for key in own), namespace
    for route in OWN:
        assert route.name, f"unnamed URL pattern of ours: {route.route}"
        for method in METHODS:
            assert (route.key, method) in EXPECTED, f"{route.key} {method}"


def test_the_table_gives_outsiders_404_and_anonymous_the_login_for_everything_of_the_couple():
    """The table itself cannot drift from the rule: C and solo 404 (never 403), anonymous login."""
    checkup_routes = [route for route in OWN if "checkup_id" in route.params]

    assert {r.key for r in checkup_routes} >= {
        "assessments:checkup",
        "assessments:section",
        "assessments:review",
        "assessments:remind",
        "assessments:hold_back",
        "assessments:release",
        "assessments:report",
    }
    for route in checkup_routes:
        for method in METHODS:
            anon, solo, _, _, c, counsellor, other_counsellor = EXPECTED[route.key, method]
            assert anon == LOGIN, (route.key, method)
            # A GET to a POST-only URL may say 405 to anyone: that tells nothing about the checkup.
            assert (solo, c, other_counsellor) in {(404, 404, 404), (405, 405, 405)}, (route.key, method)
            assert method == "GET" or (solo, c) == (404, 404), (route.key, method)
            # The counsellor reads the report at their own URL, never at the couple's.
            if route.key != "counsellors:report":
                assert counsellor in {404, 405}, (route.key, method)


def test_the_table_gives_solo_404_and_anonymous_the_login_for_every_page_of_the_pause_plan():
    practice_routes = [route for route in OWN if route.key.startswith("practice:")]

    assert len(practice_routes) == 7
    for route in practice_routes:
        for method in METHODS:
            anon, solo, *_ = EXPECTED[route.key, method]
            assert anon == LOGIN, (route.key, method)
            assert solo in {404, 405}, (route.key, method)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("method", METHODS)
@pytest.mark.parametrize("route", OWN, ids=lambda route: route.key)
def test_each_url_of_ours_answers_each_role_as_the_table_says(world, route, method, role):
    """One case per cell (GET with its HEAD); every request starts from the world as built."""
    wrong = _cells(world, route, role, (method,))

    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("route", THIRD_PARTY, ids=lambda route: route.key)
def test_each_library_url_answers_each_role_as_the_table_says(world, route):
    wrong = [line for role in ROLES for line in _cells(world, route, role)]

    assert not wrong, "\n".join(wrong)


def test_outsiders_get_404_on_every_page_of_a_checkup_still_in_progress_and_change_nothing(
    couple_of, checkup_for
):
    """The table's world has a complete checkup; here {A, B}'s checkup is still open."""
    couple, a, b = couple_of()
    checkup, _, _ = checkup_for(couple, a, b)
    _, c, d = couple_of()
    world = World(solo=UserFactory(), a=a, b=b, c=c, d=d, couple=couple, checkup=checkup, invitation=None)
    checkup_routes = [route for route in OWN if "checkup_id" in route.params]
    answers = {"q_saf01": "5", "q_pur01": "5", "share": "hold"}

    for role in ("anon", "solo", "c"):
        client = world.client(role)
        for route in checkup_routes:
            url = route_url(route, world.url_values)
            for method in METHODS:
                expected = EXPECTED[route.key, method][ROLES.index(role)]
                response = client.post(url, answers) if method == "POST" else client.get(url)
                assert outcome(response) == expected, (role, route.key, method, response.status_code)

    assert not Answer.objects.filter(sheet__checkup=checkup).exists()
    assert not SafetyAnswer.objects.filter(sheet__checkup=checkup).exists()
    checkup.refresh_from_db()
    assert checkup.completed_at is None
    assert not checkup.answer_sheets.filter(submitted_at__isnull=False).exists()
    # ...while A, a member, reaches the same pages.
    client = world.client("a")
    section = reverse("assessments:section", args=[checkup.pk, world.url_values["section_key"]])
    assert client.get(section).status_code == 200
    assert client.get(reverse("assessments:review", args=[checkup.pk])).status_code == 200
