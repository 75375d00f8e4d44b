"""Browser fixtures: one Debian Chromium per session, a fresh context (cookies, storage) per test.

Playwright's sync API runs an asyncio loop in the test thread; Django refuses database
work from a thread with a running loop unless told that this is safe here.
"""

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
PASSWORD = "pass-12345"
BASE_DIR = Path(__file__).resolve().parents[2]
PROGRAMME_FILE = BASE_DIR / "programmes" / "data" / "programme-07-ctr-tu.yaml"
ENGLISH_PO = BASE_DIR / "locale" / "en" / "LC_MESSAGES" / "django.po"


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def seed_restored_after_module(django_db_blocker):
    """Each browser test ends with the tables emptied (live_server is transactional); put the
    seed programme back once the module is done so later test modules find it as they expect."""
    yield
    from django.db import connections

    from indicators.services import indicators_load
    from programmes.services import programme_load

    data = yaml.safe_load(PROGRAMME_FILE.read_text(encoding="utf-8"))
    with django_db_blocker.unblock():
        indicators_load(programme=programme_load(data=data), definitions=data["indicators"])
        # This teardown opens a connection of its own (not the tests' one, seen on PostgreSQL);
        # left open, it kept the test database from being dropped at the end of the run.
        connections.close_all()


@pytest.fixture(scope="session")
def english_catalogue(tmp_path_factory):
    """The English .po compiled afresh (the .mo is not in git and may be stale or missing)."""
    msgfmt = shutil.which("msgfmt")
    assert msgfmt, "msgfmt (Debian package gettext) is needed; `make test` installs it"
    assert ENGLISH_PO.exists(), f"{ENGLISH_PO} is missing: the English interface cannot be checked"
    root = tmp_path_factory.mktemp("locale")
    target = root / "en" / "LC_MESSAGES" / "django.mo"
    target.parent.mkdir(parents=True)
    result = subprocess.run([msgfmt, "-o", str(target), str(ENGLISH_PO)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return root


@pytest.fixture
def english_served(english_catalogue):
    """The live server translates with the English catalogue compiled from the .po."""
    from django.test import override_settings

    with override_settings(LOCALE_PATHS=[english_catalogue]):
        yield


@pytest.fixture
def context(browser, live_server):
    # An English-speaking browser: the platform must still answer in Vietnamese by default.
    ctx = browser.new_context(
        base_url=live_server.url,
        locale="en-US",
        timezone_id="Asia/Ho_Chi_Minh",
        viewport={"width": 1280, "height": 900},
    )
    ctx.set_default_timeout(10_000)
    yield ctx
    ctx.close()


@pytest.fixture
def page(context):
    """A page that fails the test on a JavaScript error, a server error or a missing static file."""
    tab = context.new_page()
    problems = []
    tab.on("pageerror", lambda exc: problems.append(f"JavaScript error: {exc}"))
    tab.on(
        "response",
        lambda r: (
            (r.status >= 500 or (r.status == 404 and "/static/" in r.url))
            and problems.append(f"HTTP {r.status} {r.request.method} {r.url}")
        ),
    )
    yield tab
    if problems:
        pytest.fail("The browser saw problems:\n" + "\n".join(problems))


@pytest.fixture
def login(page):
    """Log in through the login form, as a person would."""
    from playwright.sync_api import expect

    def log_in(user):
        page.goto("/login/")
        page.get_by_label("Tên đăng nhập").fill(user.username)
        page.get_by_label("Mật khẩu").fill(PASSWORD)
        page.get_by_role("button", name="Đăng nhập").click()
        expect(
            page.get_by_role("button", name=re.compile(rf"Đăng xuất \({re.escape(user.username)}\)"))
        ).to_be_visible()

    return log_in
