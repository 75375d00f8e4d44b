"""Search: accents and case aside, every word must match, best match first; the same on SQLite
and PostgreSQL."""

import pytest

from research.models import Researcher
from research.search import Filters, Hit, parse_query, ranked, register_source, search, search_outputs

pytestmark = pytest.mark.django_db


def titles(rows):
    return [row.title for row in rows]


def test_a_query_is_folded_like_the_keys():
    assert parse_query("  NGHIÊN   cứu, Đà-Nẵng!! nghien ").words == ("nghien", "cuu", "da", "nang")


def test_nghien_cuu_without_accents_finds_nghien_cuu_with_accents(make_output):
    make_output("Nghiên cứu vật liệu nano tại Hà Nội")
    make_output("Đánh giá chất lượng nước")

    assert titles(search_outputs("nghien cuu")) == ["Nghiên cứu vật liệu nano tại Hà Nội"]
    assert titles(search_outputs("NGHIÊN CỨU")) == ["Nghiên cứu vật liệu nano tại Hà Nội"]
    assert titles(search_outputs("ha noi")) == ["Nghiên cứu vật liệu nano tại Hà Nội"]


def test_d_with_stroke_is_searched_as_d(make_output):
    make_output("Đô thị thông minh ở Đông Anh")

    assert titles(search_outputs("do thi dong anh")) == ["Đô thị thông minh ở Đông Anh"]
    assert titles(search_outputs("ĐÔ THỊ")) == ["Đô thị thông minh ở Đông Anh"]
    assert titles(search_outputs("đông")) == ["Đô thị thông minh ở Đông Anh"]


def test_every_word_must_match_at_the_start_of_a_word(make_output):
    make_output("Vật liệu nano bạc")
    make_output("Bạc hà và tinh dầu")

    assert titles(search_outputs("nano bac")) == ["Vật liệu nano bạc"]
    assert titles(search_outputs("ano")) == []  # inside a word: no match
    assert titles(search_outputs("tinh d")) == ["Bạc hà và tinh dầu"]  # the start of a word does


def test_title_matches_rank_above_author_matches_and_phrases_above_scattered_words(make_output, researcher_an):
    author_only = make_output("Thiết bị lọc nước", year=2025, authors=[researcher_an])  # "Nguyễn Văn An"
    scattered = make_output("Văn hóa Nguyễn và lịch sử", year=2020)
    phrase = make_output("Tư liệu về Nguyễn Văn An", year=2019)

    assert list(search_outputs("nguyen van")) == [phrase, scattered, author_only]


def test_recency_breaks_ties(make_output):
    old = make_output("Nghiên cứu cũ", year=2015)
    new = make_output("Nghiên cứu mới", year=2024)
    assert list(search_outputs("nghien cuu")) == [new, old]


def test_whole_words_rank_above_word_starts(make_output):
    whole = make_output("Giải pháp an ninh mạng", year=2020)  # "an" is a word here
    start = make_output("Nghiên cứu ảnh hưởng", year=2024)  # "an" only starts "anh"
    assert list(search_outputs("an")) == [whole, start]


def test_filters_and_facets(make_output, researcher_an, researcher_cuong):
    make_output("Nghiên cứu A", year=2021, authors=[researcher_an])
    make_output("Nghiên cứu B", year=2022, authors=[researcher_an], kind="patent")
    make_output("Nghiên cứu C", year=2022, authors=[researcher_cuong])
    make_output("Không liên quan", year=2022, authors=[researcher_cuong])

    results = search("nghien cuu")
    assert results.total == 3
    assert results.kinds == [("article", "Bài báo khoa học", 2), ("patent", "Sáng chế", 1)]
    assert results.years == [(2022, 2), (2021, 1)]
    assert [(slug, n) for slug, _name, n in results.organisations] == [("hust", 2), ("vast", 1)]

    narrowed = search("nghien cuu", filters=Filters(kind="article", organisation="hust"))
    assert (narrowed.total, titles(narrowed.outputs)) == (1, ["Nghiên cứu A"])
    assert search("nghien cuu", filters=Filters(year=2022)).total == 2


def test_researchers_are_found_by_name_without_accents(researcher_an, researcher_binh, researcher_cuong):
    assert [r.full_name for r in search("tran thi binh").researchers] == ["Trần Thị Bình"]
    assert [r.full_name for r in search("VĂN").researchers] == ["Lê Văn Cường", "Nguyễn Văn An"]


def test_the_results_are_paged_in_a_fixed_number_of_queries(make_output, django_assert_num_queries):
    for n in range(25):
        make_output(f"Nghiên cứu số {n}", year=2000 + n)
    with django_assert_num_queries(4):  # facets, total and page ids in one; the page's rows; researchers; S&T tasks
        search("nghien", page=1)
    with django_assert_num_queries(2):  # researchers are listed on the first page only
        results = search("nghien", page=2)
    assert (results.total, results.pages, results.page) == (25, 2, 2)
    assert titles(results.outputs) == [f"Nghiên cứu số {n}" for n in range(4, -1, -1)]


def test_a_page_past_the_last_shows_the_last(make_output):
    for n in range(25):
        make_output(f"Nghiên cứu số {n}", year=2000 + n)
    results = search("nghien", page=9)
    assert (results.total, results.pages, results.page) == (25, 2, 2)
    assert titles(results.outputs) == [f"Nghiên cứu số {n}" for n in range(4, -1, -1)]
    assert search("khong co", page=3).page == 1


def test_the_page_holds_the_same_rows_in_the_same_order_as_the_ranked_list(make_output, researcher_an):
    """The one-statement page (ids ranked in SQL) agrees with `search_outputs` row for row."""
    make_output("Thiết bị lọc nước", year=2025, authors=[researcher_an])
    for n in range(30):
        title = ["Văn hóa Nguyễn", "Tư liệu về Nguyễn Văn An", "Nguyễn Văn", "Văn bản"][n % 4]
        make_output(f"{title} {n}", year=2015 + n % 5)
    expected = list(search_outputs("nguyen van"))
    assert len(expected) == 24  # "Văn bản" lacks "nguyen"
    pages = [search("nguyen van", page=page, page_size=7) for page in (1, 2, 3, 4)]
    assert [row for page in pages for row in page.outputs] == expected
    assert {page.total for page in pages} == {24}


def test_an_empty_query_lists_everything_newest_first(make_output):
    make_output("A", year=2020)
    make_output("B", year=2024)
    results = search("")
    assert (results.total, titles(results.outputs)) == (2, ["B", "A"])


def test_other_apps_add_their_rows_through_a_registered_source(researcher_an):
    def find_people(query, limit):
        rows = ranked(Researcher.objects.all(), query)[:limit]
        return [Hit(title=r.full_name, url=f"/x/{r.pk}/") for r in rows]

    register_source("test-people", "Người", find_people)
    try:
        [(source, hits, total)] = [s for s in search("nguyen an").sections if s[0].name == "test-people"]
    finally:
        from research import search as module

        module._SOURCES.pop("test-people")
    assert hits == [Hit(title="Nguyễn Văn An", url=f"/x/{researcher_an.pk}/")]
    assert total == 1  # a plain list: its length


def test_the_full_text_index_matches_exactly_what_like_matches(make_output):
    """On PostgreSQL outputs are matched through a full-text index, elsewhere with LIKE: the
    same rows either way."""
    from django.db.models import Q

    from research.models import Output
    from research.search import matching

    for title in ["Hà Nội 2024: PM2.5 và h5n1", "Covid-19 ở Hà Đông", "Đánh giá e2e", "Vật liệu nano-bạc 10.99999/x.1"]:
        make_output(title)
    for text in ["ha", "ha noi", "pm2 5", "h5n", "covid 19", "e2", "nano bac", "10 99999", "x 1", "d"]:
        words = parse_query(text).words
        like = Output.objects.filter(Q(*[Q(search_key__contains=f" {w}") for w in words]))
        assert set(matching(Output.objects.all(), text)) == set(like), text


def test_the_organisation_facet_counts_the_best_results_when_there_are_many(
    monkeypatch, make_output, researcher_an, researcher_cuong
):
    """Beyond ORGANISATION_FACET_SAMPLE results the organisation facet counts the best of them
    (and says so); the kind and year facets and the total still count every result."""
    from research import search as module

    for n in range(3):
        make_output(f"Nghiên cứu vật liệu {n}", year=2024, authors=[researcher_an])  # HUST, best (title phrase)
    for n in range(3):
        make_output(f"Vật liệu và nghiên cứu {n}", year=2020, authors=[researcher_cuong])  # VAST
    everything = search("nghien cuu vat lieu")
    assert {slug: n for slug, _name, n in everything.organisations} == {"hust": 3, "vast": 3}
    assert everything.organisations_sampled is None

    monkeypatch.setattr(module, "ORGANISATION_FACET_SAMPLE", 4)
    sampled = search("nghien cuu vat lieu")
    assert [(slug, n) for slug, _name, n in sampled.organisations] == [("hust", 3), ("vast", 1)]
    assert sampled.organisations_sampled == 4
    assert (sampled.total, sampled.years) == (6, [(2024, 3), (2020, 3)])
    newest = search("")
    assert [(slug, n) for slug, _name, n in newest.organisations] == [("hust", 3), ("vast", 1)]
    assert (newest.total, newest.organisations_sampled) == (6, 4)


def test_the_search_page_says_when_the_organisation_facet_is_counted_in_the_best_results(
    client, monkeypatch, make_output, researcher_an
):
    from research import search as module

    for n in range(3):
        make_output(f"Nghiên cứu {n}", authors=[researcher_an])
    assert "kết quả phù hợp nhất" not in client.get("/research/?q=nghien").content.decode()
    monkeypatch.setattr(module, "ORGANISATION_FACET_SAMPLE", 2)
    assert "Đếm trong 2 kết quả phù hợp nhất." in client.get("/research/?q=nghien").content.decode()


def test_scores_follow_the_documented_weights(make_output, researcher_an):
    """3 per whole title word, 2 per title word start, 1 elsewhere; +4 phrase in the title,
    +2 phrase anywhere (the shortcut for a title phrase gives the same score)."""
    make_output("Nghiên cứu vật liệu", year=2024)  # phrase in the title: 3 + 3 + 4 + 2
    make_output("Cứu hộ và nghiên thêm", year=2024)  # whole words, no phrase: 3 + 3
    make_output("Nghiên cứuu", year=2024)  # a whole word and a word start: 3 + 2
    make_output("Thiết bị", year=2024, abstract="Nghiên cứu tại Hà Nội")  # elsewhere, phrase: 1 + 1 + 2
    scores = {o.title: o.search_rank for o in search_outputs("nghien cuu")}
    assert scores == {"Nghiên cứu vật liệu": 12, "Cứu hộ và nghiên thêm": 6, "Nghiên cứuu": 5, "Thiết bị": 4}


def test_an_edited_output_is_found_by_its_new_words_and_no_longer_by_its_old(make_output, researcher_an):
    from research import services

    output = make_output("Nghiên cứu giống lúa chịu mặn", authors=[researcher_an])
    services.output_update(
        output=output, actor=researcher_an.user, title="Đánh giá chất lượng không khí Hà Nội", abstract="Bụi mịn PM2.5"
    )

    assert search("giong lua").total == 0
    found = search("chat luong khong khi bui min")
    assert (found.total, found.outputs) == (1, [output])
    assert [slug for slug, _name, _n in found.organisations] == ["hust"]


def test_outputs_imported_in_bulk_are_searchable_at_once(researcher_an, researcher_binh, read_data):
    """The import writes with bulk_create (no save()): its rows carry their search keys all the same."""
    from research import services

    batch = services.import_batch_preview(
        actor=researcher_an.user, data=read_data("publications.bib"), filename="publications.bib", format=""
    )
    services.import_batch_confirm(batch=batch, actor=researcher_an.user)

    found = search("tong hop vat lieu nano bac")
    assert [o.title for o in found.outputs] == ["Nghiên cứu tổng hợp vật liệu nano bạc ứng dụng xử lý nước thải"]
    assert [(slug, n) for slug, _name, n in found.organisations] == [("hust", 1)]
    by_author = search("NGUYỄN VĂN AN")  # written "Nguyễn, Văn An" in the file
    assert [o.doi for o in by_author.outputs] == ["10.99999/test.bib.1"]
    assert by_author.researchers == [researcher_an]
