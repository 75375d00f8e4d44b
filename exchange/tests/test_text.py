from exchange.highlight import find_original, highlight
from exchange.text import term_counts, terms


def test_terms_are_folded_syllables_bigrams_and_synonym_concepts():
    found = terms("Công nghệ xử lý chất thải lỏng; drone")
    assert "xu ly" in found and "thai long" in found
    assert "~nuoc_thai" in found and "~uav" in found
    assert "cong nghe" not in found and "nghe xu" not in found  # a stock phrase, and across two words


def test_bigrams_do_not_cross_punctuation():
    assert "thai drone" not in terms("nước thải, drone")


def test_title_and_keywords_weigh_more():
    counts = term_counts("mô tả về nước thải", title="Màng lọc", keywords="nước thải")
    assert counts["nuoc thai"] > counts.get("mo ta", 0)


def test_highlight_marks_the_accented_words_for_a_query_without_accents():
    html = highlight("Xử lý nước thải & bùn", ["xu", "nuoc"])
    assert html == "<mark>Xử</mark> lý <mark>nước</mark> thải &amp; bùn"


def test_highlight_cuts_a_window_around_the_first_match():
    text = "mở đầu " * 50 + "Đường ống dẫn nước"
    html = highlight(text, ["duong"], limit=60)
    assert html.startswith("… ") and "<mark>Đường</mark>" in html


def test_find_original_gives_the_words_as_written():
    assert find_original("Hệ thống XỬ LÝ nước", "xu ly") == "XỬ LÝ"
    assert find_original("Hệ thống", "xu ly") == ""
