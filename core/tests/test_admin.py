"""Reference data is managed in the admin; non-staff users are kept out."""


def test_an_administrator_opens_the_reference_data_lists(client, admin_user_, programme):
    client.force_login(admin_user_)
    for url in [
        "/admin/agencies/agency/",
        "/admin/indicators/indicator/",
        "/admin/programmes/keytask/",
        "/admin/programmes/programme/",
        "/admin/accounts/user/",
    ]:
        assert client.get(url).status_code == 200, url


def test_a_reporter_is_kept_out_of_the_admin(client, reporter_sokhcn):
    client.force_login(reporter_sokhcn)
    response = client.get("/admin/agencies/agency/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_the_forbidden_page_is_translated(client, reporter_other, programme):
    client.force_login(reporter_other)
    response = client.post("/p/07-ctr-tu/tasks/1/updates/", {})
    assert response.status_code == 403
    assert "Không có quyền thực hiện thao tác này" in response.content.decode()
