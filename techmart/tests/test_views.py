import pytest
from django.urls import reverse

from techmart.models import Meeting

pytestmark = pytest.mark.django_db


def test_the_event_pages_show_exhibitors_and_their_offers(
    client, event, stand, published, django_assert_max_num_queries
):
    assert event.name in client.get(reverse("techmart:events")).text
    with django_assert_max_num_queries(15):
        page = client.get(event.get_absolute_url())
    assert published["offer"].title in page.text and "A01" in page.text


def test_the_grid_books_and_cancels_through_htmx(client, event, stand, slot, member_other):
    client.force_login(member_other)
    grid = client.get(reverse("techmart:booking", args=[event.pk]), headers={"HX-Request": "true"})
    assert grid.status_code == 200 and "<html" not in grid.text and "Đặt" in grid.text
    response = client.post(
        reverse("techmart:book", args=[event.pk]),
        {"exhibitor": stand.pk, "starts_at": slot.isoformat()},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200 and "Lịch của bạn" in response.text
    meeting = Meeting.objects.get()
    again = client.post(
        reverse("techmart:book", args=[event.pk]), {"exhibitor": stand.pk, "starts_at": slot.isoformat()}
    )
    assert again.status_code == 400 and "đã có lịch gặp" in again.text
    assert Meeting.objects.count() == 1
    assert "Techmart Hà Nội 2026" in client.get(reverse("techmart:mine")).text
    client.post(reverse("techmart:cancel", args=[meeting.pk]))
    assert Meeting.objects.get().status == "cancelled"


def test_bad_booking_input_answers_400_and_writes_nothing(client, event, stand, member_other):
    client.force_login(member_other)
    url = reverse("techmart:book", args=[event.pk])
    for starts_at in ("", "not-a-date", "2026-12-10T08:30:00", "2027-01-01T08:30:00+07:00"):
        assert client.post(url, {"exhibitor": stand.pk, "starts_at": starts_at}).status_code == 400
    assert client.get(reverse("techmart:booking", args=[event.pk]) + "?day=2030-01-01").status_code == 404
    assert not Meeting.objects.exists()


def test_a_third_party_cannot_cancel_someone_elses_meeting(client, event, stand, slot, member_other, outsider):
    from techmart import services

    meeting = services.meeting_book(event=event, exhibitor=stand, buyer=member_other, starts_at=slot)
    client.force_login(outsider)
    assert client.post(reverse("techmart:cancel", args=[meeting.pk])).status_code == 403
    assert Meeting.objects.get().status == "booked"


def test_anonymous_visitors_cannot_book(client, event, stand, slot):
    response = client.post(
        reverse("techmart:book", args=[event.pk]), {"exhibitor": stand.pk, "starts_at": slot.isoformat()}
    )
    assert response.status_code == 302 and not Meeting.objects.exists()
