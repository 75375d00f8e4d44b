import importlib

import pytest
from django.apps import apps


@pytest.fixture
def reference(db):
    """Fields and transfer modes (a browser test's flush removes migration data)."""
    from exchange.models import Field

    if not Field.objects.exists():
        importlib.import_module("exchange.migrations.0002_reference_data").load_rows(apps)


@pytest.fixture
def university(db):
    from research.models import Organisation

    return Organisation.objects.create(name="Trường Đại học Bách khoa Hà Nội", short_name="ĐHBK HN", slug="hust")


@pytest.fixture
def enterprise(db):
    from research.models import Organisation

    return Organisation.objects.create(name="Công ty CP Môi trường Xanh", slug="moi-truong-xanh", kind="enterprise")


def _user(username):
    from accounts.models import User

    return User.objects.create_user(username=username, password="pass-12345", email=f"{username}@example.vn")


@pytest.fixture
def member(university, reference):
    from exchange.models import Member

    user = _user("member_hust")
    Member.objects.create(user=user, organisation=university)
    return user


@pytest.fixture
def member_other(enterprise, reference):
    from exchange.models import Member

    user = _user("member_xanh")
    Member.objects.create(user=user, organisation=enterprise)
    return user


@pytest.fixture
def moderator(reference):
    from django.contrib.auth.models import Group

    from exchange.models import MODERATORS_GROUP

    user = _user("moderator")
    user.groups.add(Group.objects.get(name=MODERATORS_GROUP))
    return user


OFFER = {
    "title": "Công nghệ xử lý nước thải sinh hoạt bằng màng lọc MBR",
    "description": "Hệ thống xử lý nước thải quy mô nhỏ cho khu dân cư, bệnh viện; màng vi lọc và vi sinh hiếu khí.",
    "field": "207",
    "keywords": "nước thải, MBR, màng lọc",
    "trl": 7,
    "transfer_modes": ["licence", "consulting"],
    "region": "ha-noi",
}
REQUEST = {
    "title": "Cần công nghệ xử lý chất thải lỏng cho làng nghề",
    "description": "Doanh nghiệp cần giải pháp xử lý chất thải lỏng công suất 200 m3/ngày cho làng nghề chế biến nông sản.",
    "field": "207",
    "trl": 6,
    "transfer_modes": ["licence"],
    "region": "ha-noi",
}


@pytest.fixture
def published(member, member_other, moderator, django_capture_on_commit_callbacks):
    """A published offer of the university and a published request of the enterprise."""
    from exchange import services

    listings = {}
    for kind, actor, org, values in (
        ("offer", member, member.exchange_memberships.get().organisation, OFFER),
        ("request", member_other, member_other.exchange_memberships.get().organisation, REQUEST),
    ):
        listing = services.listing_create(actor=actor, organisation=org, kind=kind, **values)
        services.listing_submit(listing=listing, actor=actor)
        with django_capture_on_commit_callbacks(execute=True):
            listings[kind] = services.listing_publish(listing=listing, actor=moderator)
    return listings
