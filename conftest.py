"""Shared fixtures: the seed programme and one named user per role."""

from pathlib import Path

import pytest
import yaml

pytest_plugins = ["core.tests.browser_fixtures"]

PROGRAMME_FILE = Path(__file__).parent / "programmes" / "data" / "programme-07-ctr-tu.yaml"


@pytest.fixture(scope="session")
def programme_data():
    return yaml.safe_load(PROGRAMME_FILE.read_text(encoding="utf-8"))


def _load(data):
    from indicators.services import indicators_load
    from programmes.services import programme_load

    loaded = programme_load(data=data)
    indicators_load(programme=loaded, definitions=data["indicators"])
    return loaded


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker, programme_data):
    """Load the seed programme once into the test database; each test rolls back its changes."""
    with django_db_blocker.unblock():
        _load(programme_data)


@pytest.fixture
def programme(db, programme_data):
    from programmes.models import Programme

    # A transactional (browser) test empties the tables when it ends; load again then.
    return Programme.objects.filter(slug=programme_data["programme"]["slug"]).first() or _load(programme_data)


@pytest.fixture
def agency(db):
    def get(name):
        from agencies.models import Agency

        return Agency.objects.find(name)

    return get


def _user(username, **extra):
    from accounts.models import User

    return User.objects.create_user(username=username, password="pass-12345", **extra)


@pytest.fixture
def admin_user_(db):
    return _user("admin", is_superuser=True, is_staff=True)


@pytest.fixture
def secretariat(programme):
    user = _user("secretariat", first_name="Thư ký")
    programme.secretariat.add(user)
    return user


@pytest.fixture
def reporter_sokhcn(programme, agency):
    return _user("reporter_sokhcn", agency=agency("Sở Khoa học và Công nghệ"))


@pytest.fixture
def reporter_other(programme, agency):
    return _user("reporter_other", agency=agency("Sở Nội vụ"))


@pytest.fixture
def reporter_skhdt(programme, agency):
    return _user("reporter_skhdt", agency=agency("Sở Kế hoạch và Đầu tư"))


@pytest.fixture
def public(db):
    return _user("public_viewer")


@pytest.fixture
def real_cache(settings):
    """A working cache (the test settings have none), empty before and after the test."""
    from django.core.cache import cache

    settings.CACHES = {
        **settings.CACHES,
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "test"},
    }
    cache.clear()
    yield cache
    cache.clear()


@pytest.fixture(autouse=True)
def fresh_exchange_reference():
    """The exchange keeps its fields and transfer modes a minute in the process; a browser
    test's flush gives those rows new ids, so each test starts without them."""
    from exchange.selectors import forget_reference_data

    forget_reference_data()
