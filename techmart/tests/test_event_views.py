"""The pages that run an event: moderators only; anonymous visitors are sent to log in,
other users refused."""

import pytest
from django.urls import reverse

from techmart.models import Event, Exhibitor, Meeting

from .test_event_services import VALUES

pytestmark = pytest.mark.django_db


def _form(**changes):
    data = {**VALUES, **changes}
    return {name: value.isoformat() if hasattr(value, "isoformat") else value for name, value in data.items()}


def _pages(event, stand):
    """(method, url) of every moderator page."""
    return [
        ("get", reverse("techmart:create")),
        ("post", reverse("techmart:create")),
        ("get", reverse("techmart:edit", args=[event.pk])),
        ("post", reverse("techmart:edit", args=[event.pk])),
        ("get", reverse("techmart:exhibitor_add", args=[event.pk])),
        ("post", reverse("techmart:exhibitor_add", args=[event.pk])),
        ("get", reverse("techmart:exhibitor_edit", args=[stand.pk])),
        ("post", reverse("techmart:exhibitor_edit", args=[stand.pk])),
        ("post", reverse("techmart:exhibitor_remove", args=[stand.pk])),
    ]


def test_anonymous_visitors_are_sent_to_log_in(client, event, stand):
    for method, url in _pages(event, stand):
        response = getattr(client, method)(url, _form())
        assert response.status_code == 302 and response.url.startswith(reverse("login")), url


def test_members_and_other_users_are_refused(client, event, stand, member, member_other, outsider):
    for user in (member, member_other, outsider):
        client.force_login(user)
        for method, url in _pages(event, stand):
            assert getattr(client, method)(url, _form(organisation=stand.organisation.pk)).status_code == 403, url
    assert Event.objects.count() == 1 and Exhibitor.objects.get().booth == "A01"


def test_only_moderators_see_the_links_to_run_events(client, event, stand, member, moderator):
    links = (reverse("techmart:create"), reverse("techmart:edit", args=[event.pk]))
    for user, shown in ((None, False), (member, False), (moderator, True)):
        if user:
            client.force_login(user)
        pages = client.get(reverse("techmart:events")).text + client.get(event.get_absolute_url()).text
        assert all((link in pages) is shown for link in links), user
        assert (reverse("techmart:exhibitor_edit", args=[stand.pk]) in pages) is shown


def test_a_moderator_creates_and_edits_an_event(client, moderator):
    client.force_login(moderator)
    assert 'value="08:30"' in client.get(reverse("techmart:create")).text  # the model's default hours
    response = client.post(reverse("techmart:create"), _form())
    event = Event.objects.get()
    assert response.status_code == 302 and response.url == event.get_absolute_url()
    assert VALUES["name"] in client.get(event.get_absolute_url()).text
    response = client.post(reverse("techmart:edit", args=[event.pk]), _form(venue="Cung Thể thao Quần Ngựa"))
    event.refresh_from_db()
    assert response.status_code == 302 and event.venue == "Cung Thể thao Quần Ngựa"


def test_bad_event_input_shows_the_message_and_writes_nothing(client, moderator):
    client.force_login(moderator)
    for changes, message in (
        ({"name": ""}, "Hãy nhập tên sự kiện."),
        ({"ends_on": "2027-03-01"}, "Ngày kết thúc không được trước ngày bắt đầu."),
        ({"slot_minutes": "150"}, "không có khung giờ gặp nào"),
        ({"starts_on": "15/03"}, "Nhập một ngày hợp lệ."),
    ):
        response = client.post(reverse("techmart:create"), _form(**changes))
        assert response.status_code == 400 and message in response.text, changes
    assert not Event.objects.exists()


def test_choosing_an_organisation_lists_its_published_offers(client, moderator, event, published, member):
    client.force_login(moderator)
    university = member.exchange_memberships.get().organisation
    page = client.get(reverse("techmart:exhibitor_add", args=[event.pk])).text
    assert university.name in page and published["offer"].title not in page
    partial = client.get(
        reverse("techmart:exhibitor_add", args=[event.pk]),
        {"organisation": university.pk},
        headers={"HX-Request": "true"},
    )
    assert "<html" not in partial.text and published["offer"].title in partial.text
    assert published["request"].title not in partial.text


def test_a_moderator_adds_edits_and_removes_an_exhibitor(client, moderator, event, published, member):
    client.force_login(moderator)
    university = member.exchange_memberships.get().organisation
    url = reverse("techmart:exhibitor_add", args=[event.pk])
    response = client.post(url, {"organisation": university.pk, "booth": "B1", "offers": [published["offer"].pk]})
    stand = Exhibitor.objects.get()
    assert response.status_code == 302 and list(stand.offers.all()) == [published["offer"]]
    assert f'<option value="{university.pk}"' not in client.get(url).text  # not offered twice
    response = client.post(url, {"organisation": university.pk})
    assert response.status_code == 400 and "đã có gian hàng tại sự kiện này" in response.text
    edit = reverse("techmart:exhibitor_edit", args=[stand.pk])
    assert client.post(edit, {"booth": "B2"}).status_code == 302
    stand.refresh_from_db()
    assert stand.booth == "B2" and not stand.offers.exists()
    client.post(reverse("techmart:exhibitor_remove", args=[stand.pk]))
    assert not Exhibitor.objects.exists()


def test_a_foreign_offer_is_refused_on_the_page(client, moderator, event, published, member):
    client.force_login(moderator)
    university = member.exchange_memberships.get().organisation
    response = client.post(
        reverse("techmart:exhibitor_add", args=[event.pk]),
        {"organisation": university.pk, "offers": [published["request"].pk]},
    )
    assert response.status_code == 400 and "không phải công nghệ chào bán của tổ chức này" in response.text
    assert not Exhibitor.objects.exists()


def test_removing_an_exhibitor_with_meetings_is_refused_until_the_moderator_cancels_them(
    client, moderator, event, stand, slot, member_other
):
    from techmart import services

    meeting = services.meeting_book(event=event, exhibitor=stand, buyer=member_other, starts_at=slot)
    client.force_login(moderator)
    remove = reverse("techmart:exhibitor_remove", args=[stand.pk])
    edit = reverse("techmart:exhibitor_edit", args=[stand.pk])
    page = client.post(remove, follow=True)
    assert page.redirect_chain[-1][0] == edit and Exhibitor.objects.exists()
    assert "còn 1 cuộc gặp đã đặt" in page.text and "member_xanh" in page.text  # who booked, to tell them
    response = client.post(reverse("techmart:cancel", args=[meeting.pk]), {"next": edit})
    assert response.url == edit and Meeting.objects.get().status == "cancelled"
    client.post(remove)
    assert not Exhibitor.objects.exists()


def test_the_exhibitor_pages_cost_a_fixed_number_of_queries(
    client, moderator, event, stand, slot, member_other, outsider, django_assert_max_num_queries
):
    from techmart import services

    client.force_login(moderator)
    edit = reverse("techmart:exhibitor_edit", args=[stand.pk])
    add = reverse("techmart:exhibitor_add", args=[event.pk]) + f"?organisation={stand.organisation_id}"
    with django_assert_max_num_queries(20) as few:  # 9 a page today: session, user, perms, rows, notices
        client.get(edit)
        client.get(add)
    later = event.slots(event.starts_on)[1]
    for buyer, when in ((member_other, slot), (outsider, later)):
        services.meeting_book(event=event, exhibitor=stand, buyer=buyer, starts_at=when)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(edit)
        client.get(add)
