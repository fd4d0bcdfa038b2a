"""Take the README's screenshots: `make screenshots`.

Builds a throwaway SQLite database with the demo couples (one pursuing and
one distancing, one caught in the private wait, one with no clear direction)
and, only here, a couple for each other outcome and one whose answers look
patterned; serves it with runserver, and drives Debian's Chromium with
Playwright into docs/screenshots/: the account pages and two account emails
(`scripts/screenshots.py accounts` takes only those), the landing page, a
question page, the waiting state, the report and the pause plan at desktop and
phone widths, the report for every outcome, and the print views of the report
and the plan's card (PDF, and the card as PNG).
"""

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"
DB = ROOT / "var" / "screenshots.sqlite3"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


PORT = _free_port()
BASE = f"http://127.0.0.1:{PORT}"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-gpu",
    "--no-first-run",
]
SIZES = {"desktop": (1280, 900), "phone": (390, 844)}

ENV = {
    **os.environ,
    "DJANGO_SETTINGS_MODULE": "config.settings.base",
    "DATABASE_URL": f"sqlite:///{DB}",
    "DEBUG": "true",
    "LOG_LEVEL": "WARNING",
    # Keep the demo's "report ready" mail out of the terminal.
    "EMAIL_URL": "dummymail://",
}


def build_database() -> None:
    # Temporary files live under var/ (ignored by git), never in the repository root.
    DB.parent.mkdir(parents=True, exist_ok=True)
    DB.unlink(missing_ok=True)
    os.environ.update(ENV)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("createcachetable")
    # The demo includes Jordan and Casey, whose checkup waits for Casey: the private wait.
    call_command("demo")
    add_outcome_couples()


# Every other outcome of the report, by the person who reads it (report-desktop.png
# and report-phone.png show Sam and Alex's: one pursuing, one distancing).
OUTCOMES = {
    "no-clear-direction": "robin@demo.attune.test",
    "both-pursuing": "pat@screenshots.attune.test",
    "both-distancing": "lee@screenshots.attune.test",
    "flexible": "ash@screenshots.attune.test",
    "patterned-answers": "max@screenshots.attune.test",
}


def add_outcome_couples() -> None:
    """Couples for the outcomes the public demo does not show, in the throwaway database only."""
    from assessments.selectors import checkup_instrument, checkup_open_for
    from assessments.services import answer_sheet_save_section, answer_sheet_submit, checkup_start
    from couples.selectors import couple_active_for
    from web.demo import PROFILES, DemoCouple, demo_answer_all, demo_couple_load

    PROFILES.update(
        {
            "pressing": {"pursuit": 5, "distance": 2, "partner_pursuit": 5, "partner_distance": 2,
                         "anxiety": 4, "avoidance": 2, "impact": 3, "repair": 3},
            "withdrawing": {"pursuit": 2, "distance": 5, "partner_pursuit": 2, "partner_distance": 5,
                            "anxiety": 2, "avoidance": 4, "impact": 3, "repair": 3},
            "calm": {"pursuit": 2, "distance": 2, "partner_pursuit": 2, "partner_distance": 2,
                     "anxiety": 3, "avoidance": 3, "impact": 2, "repair": 4},
        }
    )  # fmt: skip
    for first, second, profile in (
        ("pat", "noor", "pressing"),
        ("lee", "ren", "withdrawing"),
        ("ash", "avery", "calm"),
    ):
        demo_couple_load(
            DemoCouple(
                first=(f"{first}@screenshots.attune.test", first.title()),
                second=(f"{second}@screenshots.attune.test", second.title()),
                checkups=((0, profile, profile),),
            )
        )
    # Max ticks the top of the scale for everything, whichever way an item points.
    max_, jo = demo_couple_load(
        DemoCouple(first=("max@screenshots.attune.test", "Max"), second=("jo@screenshots.attune.test", "Jo"))
    )
    couple = couple_active_for(user=max_)
    if couple is not None and checkup_open_for(couple=couple) is None:
        checkup = checkup_start(couple=couple, user=max_)
        sheet = checkup.answer_sheets.get(user=max_)
        instrument = checkup_instrument(checkup=checkup)
        for section in instrument.sections:
            if not section.private:
                values = {item.id: 5 for item in instrument.section_items(section.key)}
                answer_sheet_save_section(sheet=sheet, section_key=section.key, values=values)
        answer_sheet_submit(sheet=sheet)
        demo_answer_all(checkup.answer_sheets.get(user=jo), "distancing_now")


def log_in(page, email: str) -> None:
    page.goto(f"{BASE}/accounts/login/")
    page.fill("#id_login", email)
    page.fill("#id_password", "attune-demo-2026")
    page.click("main button[type=submit]")
    page.wait_for_url(f"{BASE}/dashboard/")


def shoot_accounts(browser) -> None:
    """The account pages (phone and desktop) and two account emails, as a person gets them."""
    from datetime import UTC, datetime

    from core.mail import email_render

    for size, (width, height) in SIZES.items():
        context = browser.new_context(viewport={"width": width, "height": height})
        page = context.new_page()
        page.goto(f"{BASE}/accounts/login/")
        page.screenshot(path=OUT / f"account-login-{size}.png", full_page=True)
        page.goto(f"{BASE}/accounts/signup/")
        page.screenshot(path=OUT / f"account-signup-{size}.png", full_page=True)
        page.fill("#id_email", f"new-{size}@screenshots.attune.test")
        page.fill("#id_display_name", "Zoë")
        page.fill("#id_password1", "a-long-screenshot-passphrase")
        page.fill("#id_password2", "a-long-screenshot-passphrase")
        page.click("main button[type=submit]")
        page.wait_for_url(f"{BASE}/accounts/confirm-email/")
        page.screenshot(path=OUT / f"account-code-{size}.png", full_page=True)
        context.close()

        context = browser.new_context(viewport={"width": width, "height": height})
        page = context.new_page()
        log_in(page, "sam@demo.attune.test")
        for name, path in (
            ("email", "/accounts/email/"),
            ("password", "/accounts/password/change/"),
            ("sessions", "/accounts/sessions/"),
            ("reauthenticate", "/accounts/reauthenticate/?next=/account/privacy/export/"),
        ):
            page.goto(f"{BASE}{path}")
            page.screenshot(path=OUT / f"account-{name}-{size}.png", full_page=True)
        context.close()

    when = datetime(2026, 11, 26, 9, 30, tzinfo=UTC)
    for name, prefix, extra in (
        ("code", "account/email/email_confirmation_signup", {"code": "K7QP-2MXD"}),
        (
            "change-requested",
            "account/email/email_change_requested",
            {"to_email": "sam.new@example.org", "ip": "203.0.113.7", "user_agent": "Firefox on Android"},
        ),
    ):
        context = {"site_url": "https://attune.example.org", "timestamp": when, **extra}
        subject, _text, html = email_render(template_prefix=prefix, context=context)
        page = browser.new_page(viewport={"width": 640, "height": 700})
        page.set_content(f"<p style='font:14px sans-serif;color:#555'>Subject: {subject}</p>{html}")
        page.screenshot(path=OUT / f"account-mail-{name}.png", full_page=True)
        page.close()


def shoot(*, only_accounts: bool = False) -> None:
    from playwright.sync_api import sync_playwright

    OUT.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        shoot_accounts(browser)
        if only_accounts:
            browser.close()
            return
        for size, (width, height) in SIZES.items():
            context = browser.new_context(viewport={"width": width, "height": height})
            page = context.new_page()
            page.goto(f"{BASE}/")
            page.screenshot(path=OUT / f"landing-{size}.png", full_page=True)
            log_in(page, "casey@demo.attune.test")
            page.click("text=Begin the checkup")
            page.screenshot(path=OUT / f"question-{size}.png")
            context.close()

            context = browser.new_context(viewport={"width": width, "height": height})
            page = context.new_page()
            log_in(page, "jordan@demo.attune.test")
            page.click("text=See the details")
            page.screenshot(path=OUT / f"waiting-{size}.png", full_page=True)
            context.close()

            context = browser.new_context(viewport={"width": width, "height": height})
            page = context.new_page()
            log_in(page, "sam@demo.attune.test")
            page.click("text=Read your shared report")
            page.screenshot(path=OUT / f"report-{size}.png", full_page=True)
            if size == "desktop":
                page.emulate_media(media="print")
                page.pdf(path=OUT / "report-print.pdf", format="A4", print_background=True)
                page.emulate_media(media="screen")
            # Sam and Alex's pause plan, agreed, with week 1 answered by both; and its card as printed.
            page.goto(f"{BASE}/practice/")
            page.screenshot(path=OUT / f"plan-{size}.png", full_page=True)
            if size == "desktop":
                page.goto(f"{BASE}/practice/card/")
                page.emulate_media(media="print")
                page.screenshot(path=OUT / "plan-card.png", full_page=True)
                page.pdf(path=OUT / "plan-card.pdf", format="A4", print_background=True)
            context.close()

            # Morgan, the demo counsellor: the couples who share with them (Sam and Alex).
            context = browser.new_context(viewport={"width": width, "height": height})
            page = context.new_page()
            log_in(page, "morgan@demo.attune.test")
            page.goto(f"{BASE}/counsellors/")
            page.screenshot(path=OUT / f"counsellor-dashboard-{size}.png", full_page=True)
            context.close()

        for outcome, email in OUTCOMES.items():
            context = browser.new_context(
                viewport={"width": SIZES["desktop"][0], "height": SIZES["desktop"][1]}
            )
            page = context.new_page()
            log_in(page, email)
            page.click("text=Read your shared report")
            page.screenshot(path=OUT / f"report-{outcome}.png", full_page=True)
            context.close()
        browser.close()


def main() -> None:
    build_database()
    server = subprocess.Popen(  # noqa: S603 - our own manage.py with fixed arguments
        [sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{PORT}"],
        cwd=ROOT,
        env=ENV,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(50):
            try:
                urllib.request.urlopen(f"{BASE}/healthz", timeout=1)  # noqa: S310 - a fixed local URL
                break
            except OSError:
                time.sleep(0.2)
        shoot(only_accounts="accounts" in sys.argv[1:])
    finally:
        server.terminate()
        server.wait(timeout=10)
    print(f"screenshots written to {OUT.relative_to(ROOT)}/")


if __name__ == "__main__":
    main()
