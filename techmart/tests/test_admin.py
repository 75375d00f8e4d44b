"""The admin asks the same rules as the moderators' pages, and only cancels meetings."""

import pytest
from django.urls import reverse

from techmart.models import Event, Exhibitor, Meeting

from .test_event_views import _form

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, reference):
    from accounts.models import User

    client.force_login(User.objects.create_superuser("root", "root@example.vn", "pass-12345"))
    return client


def _with_stand(organisation, offers=(), **changes):
    return {
        **_form(**changes),
        "exhibitors-TOTAL_FORMS": "1",
        "exhibitors-INITIAL_FORMS": "0",
        "exhibitors-MIN_NUM_FORMS": "0",
        "exhibitors-MAX_NUM_FORMS": "1000",
        "exhibitors-0-organisation": organisation.pk,
        "exhibitors-0-booth": "C1",
        "exhibitors-0-offers": ",".join(str(offer.pk) for offer in offers),
    }


def test_the_admin_adds_an_event_with_an_exhibitor(admin_client, published, member):
    university = member.exchange_memberships.get().organisation
    response = admin_client.post(reverse("admin:techmart_event_add"), _with_stand(university, [published["offer"]]))
    assert response.status_code == 302
    assert list(Exhibitor.objects.get(event=Event.objects.get()).offers.all()) == [published["offer"]]


def test_the_admin_refuses_what_the_services_refuse(admin_client, published, member):
    from research.models import Organisation

    university = member.exchange_memberships.get().organisation
    stranger = Organisation.objects.create(name="Viện Cơ học", slug="imech")
    for data, message in (
        (_with_stand(university, slot_minutes="150"), "không có khung giờ gặp nào"),
        (_with_stand(stranger), "chưa là thành viên sàn"),
        (_with_stand(university, [published["request"]]), "không phải công nghệ chào bán"),
    ):
        response = admin_client.post(reverse("admin:techmart_event_add"), data)
        assert response.status_code == 200 and message in response.text
    assert not Event.objects.exists()


def test_the_admin_lists_meetings_read_only_and_cancels_them_through_the_service(
    admin_client, event, stand, slot, member_other
):
    from techmart import services

    meeting = services.meeting_book(event=event, exhibitor=stand, buyer=member_other, starts_at=slot)
    listing = admin_client.get(reverse("admin:techmart_meeting_changelist"), {"status__exact": "booked"})
    assert listing.status_code == 200 and "member_xanh" in listing.text and stand.organisation.name in listing.text
    assert admin_client.get(reverse("admin:techmart_meeting_add")).status_code == 403
    admin_client.post(
        reverse("admin:techmart_meeting_changelist"), {"action": "cancel_meetings", "_selected_action": [meeting.pk]}
    )
    assert Meeting.objects.get().status == "cancelled"
