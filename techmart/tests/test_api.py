import pytest

pytestmark = pytest.mark.django_db


def test_events_are_public_with_exhibitors_and_offers(client, event, stand, published):
    body = client.get("/api/v1/techmart/events/").json()
    assert body["results"][0]["name"] == "Techmart Hà Nội 2026"
    assert body["results"][0]["exhibitors"] == [
        {"booth": "A01", "organisation": stand.organisation.name, "offers": [published["offer"].pk]}
    ]
    assert client.get(f"/api/v1/techmart/events/{event.pk}/").json()["slot_minutes"] == 30
    assert client.post("/api/v1/techmart/events/", {}).status_code in (401, 405)


@pytest.mark.usefixtures("real_cache")
def test_the_cached_list_of_events_shows_a_change_at_once(client, event, django_capture_on_commit_callbacks):
    url = "/api/v1/techmart/events/"
    assert [e["name"] for e in client.get(url).json()["results"]] == [event.name]
    with django_capture_on_commit_callbacks(execute=True):
        event.name = "Techmart Hà Nội 2026 (đổi tên)"
        event.save()
    assert [e["name"] for e in client.get(url).json()["results"]] == [event.name]
