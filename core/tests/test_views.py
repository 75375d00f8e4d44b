def test_favicon_ico_redirects_to_the_site_icon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301 and response["Location"].endswith("favicon.svg")


def test_the_shared_header_and_footer_follow_the_language_and_leave_the_user_part_alone(client, django_user_model):
    from django.core.cache import caches

    caches["fragments"].clear()
    vietnamese = client.get("/exchange/").content.decode()
    client.cookies["django_language"] = "en"
    english = client.get("/exchange/").content.decode()
    assert "Chương trình</a>" in vietnamese and "Dữ liệu mở</a> ·" in vietnamese
    assert "Programmes</a>" in english and "Open data</a> ·" in english and "Chương trình</a>" not in english
    client.force_login(django_user_model.objects.create_user("reader", password="x" * 12))
    signed_in = client.get("/exchange/").content.decode()
    assert "Programmes</a>" in signed_in and "(reader)" in signed_in and "Log in</a>" not in signed_in
