"""Pages: public search and profiles in a fixed number of queries; profile editing and import
only for those permitted (the wrong user gets 403), bad input answered with 400."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext

from research.models import ImportBatch, Output

pytestmark = pytest.mark.django_db


def queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, response.content[:500]
    return len(captured)


def upload(client, read_data, name, **extra):
    return client.post("/research/import/", {"file": SimpleUploadedFile(name, read_data(name)), **extra})


# Public pages ---------------------------------------------------------------------------------


def test_the_top_navigation_links_to_the_research_database(client):
    response = client.get("/", follow=True)
    assert '<a href="/research/">Nghiên cứu</a>' in response.content.decode()


def test_search_without_accents_finds_a_publication(client, make_output, researcher_an):
    make_output("Nghiên cứu vật liệu nano bạc", authors=[researcher_an])
    make_output("Đánh giá chất lượng nước", authors=[researcher_an])

    response = client.get("/research/", {"q": "nghien cuu nano"})

    assert response.status_code == 200
    text = response.content.decode()
    assert "Nghiên cứu vật liệu nano bạc" in text
    assert "Đánh giá chất lượng nước" not in text
    assert 'value="nghien cuu nano"' in text


def test_search_facets_link_to_narrower_searches(client, make_output, researcher_an):
    make_output("Nghiên cứu A", year=2021, authors=[researcher_an])
    response = client.get("/research/", {"q": "nghien"})
    text = response.content.decode()
    assert 'href="?q=nghien&amp;kind=article"' in text
    assert 'href="?q=nghien&amp;year=2021"' in text
    assert 'href="?q=nghien&amp;organisation=hust"' in text


def test_a_bad_filter_is_answered_with_400_and_a_message(client):
    response = client.get("/research/", {"q": "x", "year": "abc"})
    assert response.status_code == 400
    assert "Năm" in response.content.decode()


def test_the_search_page_costs_the_same_queries_for_few_and_many_results(client, make_output, researcher_an):
    make_output("Nghiên cứu 1", authors=[researcher_an])
    few = queries(client, "/research/?q=nghien")
    for n in range(30):
        make_output(f"Nghiên cứu {n + 2}", authors=[researcher_an])
    assert queries(client, "/research/?q=nghien") == few == 4  # one statement, the page's rows, researchers, S&T tasks


def test_a_researcher_profile_lists_their_outputs_and_coauthors(client, make_output, researcher_an, researcher_binh):
    make_output("Bài chung", year=2023, authors=[researcher_an, researcher_binh])
    make_output("Bài riêng của Bình", authors=[researcher_binh])

    response = client.get(f"/research/researchers/{researcher_an.pk}/")

    text = response.content.decode()
    assert "Nguyễn Văn An" in text and "0000-0002-1825-0097" in text
    assert "Bài chung" in text and "Bài riêng của Bình" not in text
    assert f'href="/research/researchers/{researcher_binh.pk}/"' in text  # co-author
    assert "Sửa hồ sơ" not in text  # anonymous


def test_a_researcher_profile_costs_three_queries_whatever_the_number_of_outputs(
    client, make_output, researcher_an, researcher_binh
):
    make_output("Bài 1", authors=[researcher_an, researcher_binh])
    few = queries(client, f"/research/researchers/{researcher_an.pk}/")
    for n in range(20):
        make_output(f"Bài {n + 2}", authors=[researcher_an, researcher_binh])
    assert queries(client, f"/research/researchers/{researcher_an.pk}/") == few == 3


def test_an_organisation_page_lists_researchers_and_outputs_in_fixed_queries(client, make_output, researcher_an, hust):
    make_output("Bài của HUST", authors=[researcher_an])
    few = queries(client, "/research/organisations/hust/")
    for n in range(10):
        make_output(f"Bài {n}", authors=[researcher_an])
    assert queries(client, "/research/organisations/hust/") == few == 5
    text = client.get("/research/organisations/hust/").content.decode()
    assert "Đại học Bách khoa Hà Nội" in text and "Nguyễn Văn An" in text and "Bài của HUST" in text


def test_an_output_page_shows_its_authors_and_organisations_in_three_queries(client, make_output, researcher_an):
    output = make_output("Bài có DOI", authors=[researcher_an], doi="10.99999/x")
    assert queries(client, f"/research/outputs/{output.pk}/") == 3
    text = client.get(f"/research/outputs/{output.pk}/").content.decode()
    assert "https://doi.org/10.99999/x" in text and "Đại học Bách khoa Hà Nội" in text


def test_unknown_pages_are_404(client):
    assert client.get("/research/researchers/999999/").status_code == 404
    assert client.get("/research/organisations/nowhere/").status_code == 404
    assert client.get("/research/outputs/999999/").status_code == 404


# Profile editing --------------------------------------------------------------------------------


def test_a_researcher_edits_their_own_profile(client, researcher_an, vast):
    client.force_login(researcher_an.user)
    assert "Sửa hồ sơ" in client.get(f"/research/researchers/{researcher_an.pk}/").content.decode()

    response = client.post(
        f"/research/researchers/{researcher_an.pk}/edit/",
        {
            "full_name": "Nguyễn Văn An",
            "title": "GS.TS.",
            "orcid": "0000-0001-5109-3700",
            "organisation": vast.pk,
            "field": "Vật lý",
        },
    )

    assert response.status_code == 302
    researcher_an.refresh_from_db()
    assert (researcher_an.title, researcher_an.orcid, researcher_an.organisation) == (
        "GS.TS.",
        "0000-0001-5109-3700",
        vast,
    )


def test_a_bad_orcid_is_shown_next_to_the_field_with_400_and_nothing_changes(client, researcher_an):
    client.force_login(researcher_an.user)
    response = client.post(
        f"/research/researchers/{researcher_an.pk}/edit/", {"full_name": "Tên mới", "orcid": "0000-0001-5109-3701"}
    )
    assert response.status_code == 400
    assert "Mã ORCID “0000-0001-5109-3701” không hợp lệ" in response.content.decode()
    researcher_an.refresh_from_db()
    assert researcher_an.full_name == "Nguyễn Văn An"


def test_another_researcher_gets_403_on_the_edit_page(client, researcher_an, researcher_binh):
    client.force_login(researcher_binh.user)
    assert client.get(f"/research/researchers/{researcher_an.pk}/edit/").status_code == 403
    response = client.post(f"/research/researchers/{researcher_an.pk}/edit/", {"full_name": "Bị đổi"})
    assert response.status_code == 403
    researcher_an.refresh_from_db()
    assert researcher_an.full_name == "Nguyễn Văn An"


def test_an_anonymous_reader_is_sent_to_log_in(client, researcher_an):
    response = client.get(f"/research/researchers/{researcher_an.pk}/edit/")
    assert response.status_code == 302 and "/login/" in response["Location"]


# Import -------------------------------------------------------------------------------------------


def test_importing_shows_a_preview_and_writes_only_on_confirm(client, researcher_an, read_data):
    client.force_login(researcher_an.user)

    response = upload(client, read_data, "publications.bib")

    batch = ImportBatch.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/research/import/{batch.pk}/"
    assert not Output.objects.exists()
    text = client.get(f"/research/import/{batch.pk}/").content.decode()
    assert "dòng 26" in text and "Thiếu tên (title)." in text
    assert "dòng 45" in text and "Không đọc được mục này" in text
    assert "cùng DOI" in text and "cùng tên, năm và tác giả đầu" in text
    assert "Xác nhận nhập 3 mục" in text

    response = client.post(f"/research/import/{batch.pk}/confirm/")

    assert response.status_code == 302 and response["Location"] == f"/research/researchers/{researcher_an.pk}/"
    assert Output.objects.count() == 3
    assert "Đã nhập 3 kết quả nghiên cứu." in client.get(response["Location"]).content.decode()


def test_crossref_rejections_are_listed_by_index(client, researcher_an, read_data):
    client.force_login(researcher_an.user)
    upload(client, read_data, "crossref-items.json")
    text = client.get(f"/research/import/{ImportBatch.objects.get().pk}/").content.decode()
    assert "chỉ số [1]" in text and "Loại ấn phẩm “dataset” chưa được hỗ trợ." in text


def test_a_broken_file_is_answered_with_400_and_nothing_is_kept(client, researcher_an, read_data):
    client.force_login(researcher_an.user)
    response = upload(client, read_data, "broken.json")
    assert response.status_code == 400
    assert "Tệp JSON bị lỗi ở dòng 3, cột 3" in response.content.decode()
    assert not ImportBatch.objects.exists()


def test_a_binary_file_is_answered_with_400(client, researcher_an):
    client.force_login(researcher_an.user)
    response = client.post("/research/import/", {"file": SimpleUploadedFile("photo.bib", b"\x89PNG\x00\x00")})
    assert response.status_code == 400
    assert "không phải là tệp văn bản" in response.content.decode()


def test_a_user_without_researcher_profile_gets_403_on_import(client, public, read_data):
    client.force_login(public)
    assert client.get("/research/import/").status_code == 403
    assert upload(client, read_data, "publications.bib").status_code == 403
    assert not ImportBatch.objects.exists()


def test_the_search_page_offers_the_import_only_to_those_who_may_import(client, public, researcher_an):
    link = 'href="/research/import/"'
    client.force_login(public)
    assert link not in client.get("/research/").content.decode()
    client.force_login(researcher_an.user)
    assert link in client.get("/research/").content.decode()


def test_another_user_may_neither_see_nor_confirm_a_batch(client, researcher_an, researcher_binh, read_data):
    client.force_login(researcher_an.user)
    upload(client, read_data, "publications.bib")
    batch = ImportBatch.objects.get()

    client.force_login(researcher_binh.user)
    assert client.get(f"/research/import/{batch.pk}/").status_code == 403
    assert client.post(f"/research/import/{batch.pk}/confirm/").status_code == 403
    assert client.post(f"/research/import/{batch.pk}/cancel/").status_code == 403
    assert not Output.objects.exists()


def test_confirming_twice_is_answered_with_400(client, researcher_an, read_data):
    client.force_login(researcher_an.user)
    upload(client, read_data, "crossref-work.json")
    batch = ImportBatch.objects.get()
    client.post(f"/research/import/{batch.pk}/confirm/")
    response = client.post(f"/research/import/{batch.pk}/confirm/")
    assert response.status_code == 400
    assert "đã được xác nhận hoặc đã hủy" in response.content.decode()
    assert Output.objects.count() == 1


def test_staff_choose_the_organisation_and_land_on_its_page(client, staff, vast, read_data):
    client.force_login(staff)
    assert "Tổ chức" in client.get("/research/import/").content.decode()
    response = upload(client, read_data, "crossref-work.json", organisation=vast.pk)
    batch = ImportBatch.objects.get()
    assert batch.organisation == vast
    response = client.post(f"/research/import/{batch.pk}/confirm/")
    assert response["Location"] == "/research/organisations/vast/"
    assert list(Output.objects.get().organisations.all()) == [vast]


def test_cancelling_writes_nothing(client, researcher_an, read_data):
    client.force_login(researcher_an.user)
    upload(client, read_data, "publications.bib")
    batch = ImportBatch.objects.get()
    assert client.post(f"/research/import/{batch.pk}/cancel/").status_code == 302
    batch.refresh_from_db()
    assert batch.status == "cancelled" and not Output.objects.exists()
