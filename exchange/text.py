"""Folded Vietnamese text for search and matching.

Folding (core.text.fold) removes accents, lower-cases and maps đ → d, so "Công nghệ xử lý
nước thải" and "cong nghe xu ly nuoc thai" are the same words. Vietnamese words are mostly
two syllables ("xử lý", "nước thải"), so matching uses syllables and pairs of neighbouring
syllables (bigrams) as terms; a synonym table adds a shared concept term for phrases that
mean the same thing ("nước thải" ~ "chất thải lỏng").
"""

import math
import re
from collections import Counter

from research.models import search_text, search_words

__all__ = ["search_text", "search_words", "terms", "term_counts", "SYNONYMS", "STOPWORDS"]

# Folded syllables that carry no topic; they are neither terms nor the ends of bigrams.
STOPWORDS = frozenset(
    [
        "va",
        "cua",
        "cho",
        "cac",
        "nhung",
        "la",
        "co",
        "trong",
        "voi",
        "duoc",
        "de",
        "mot",
        "nay",
        "do",
        "tu",
        "tai",
        "theo",
        "den",
        "ve",
        "khi",
        "nhu",
        "hoac",
        "cung",
        "da",
        "se",
        "dang",
        "bang",
        "tren",
        "duoi",
        "sau",
        "truoc",
        "vao",
        "ra",
        "nen",
        "thi",
        "ma",
        "cu",
        "moi",
        "nhieu",
        "it",
        "hon",
        "rat",
        "the",
        "nao",
        "gi",
        "ai",
        "dau",
        "bi",
        "boi",
        "vi",
        "neu",
        "tuy",
        "phai",
        "can",
        "muon",
        "tim",
        "kiem",
        "nhu",
        "cau",
        "cong",
        "nghe",
        "giai",
        "phap",
        "ung",
        "dung",
        "he",
        "thong",
        "quy",
        "trinh",
        "san",
        "xuat",
        "thiet",
        "bi",
        "phuc",
        "vu",
        "nham",
        "dung",
        "viec",
        "su",
        "tung",
    ]
)
# Words kept as unigrams even though they are stopwords above would not be: none; but the
# bigram "cong nghe" is itself stop-listed (it appears in nearly every listing).
STOP_BIGRAMS = frozenset(["cong nghe", "giai phap", "nhu cau", "ung dung", "he thong", "quy trinh", "san xuat"])

# Concept → the folded phrases that name it. Each group adds the term "~concept" to a text.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "nuoc_thai": ("nuoc thai", "chat thai long", "xu ly nuoc", "wastewater"),
    "uav": ("may bay khong nguoi lai", "drone", "uav", "thiet bi bay khong nguoi lai", "flycam"),
    "ai": ("tri tue nhan tao", "ai", "hoc may", "machine learning", "hoc sau", "deep learning"),
    "iot": ("internet van vat", "iot", "internet of things", "cam bien ket noi"),
    "nang_luong_mat_troi": ("nang luong mat troi", "dien mat troi", "pin mat troi", "quang dien", "solar"),
    "chat_thai_ran": ("chat thai ran", "rac thai", "rac sinh hoat", "phan loai rac"),
    "phan_bon": ("phan bon", "phan huu co", "phan vi sinh"),
    "thuy_canh": ("thuy canh", "khi canh", "hydroponic"),
    "nha_kinh": ("nha kinh", "nha mang", "greenhouse"),
    "vi_sinh": ("vi sinh", "vi khuan", "che pham sinh hoc", "men vi sinh", "probiotic"),
    "bao_quan": ("bao quan", "sau thu hoach", "keo dai thoi gian", "bao quan lanh"),
    "y_te_so": ("y te so", "benh an dien tu", "kham benh tu xa", "telemedicine"),
    "chuyen_doi_so": ("chuyen doi so", "so hoa", "digital transformation"),
    "blockchain": ("blockchain", "chuoi khoi", "so cai phan tan"),
    "truy_xuat": ("truy xuat nguon goc", "truy xuat", "traceability", "ma qr"),
    "robot": ("robot", "nguoi may", "tay may"),
    "vat_lieu_xay_dung": ("vat lieu xay dung", "gach khong nung", "be tong", "xi mang"),
    "o_nhiem_khong_khi": ("o nhiem khong khi", "bui min", "pm2 5", "khi thai", "chat luong khong khi"),
    "tiet_kiem_nang_luong": ("tiet kiem nang luong", "hieu qua nang luong", "giam tieu thu dien"),
    "xe_dien": ("xe dien", "o to dien", "xe may dien", "electric vehicle"),
    "pin": ("pin lithium", "pin luu tru", "ac quy", "luu tru nang luong", "battery"),
    "duoc_lieu": ("duoc lieu", "thao duoc", "cay thuoc", "chiet xuat"),
    "thuc_pham_chuc_nang": ("thuc pham chuc nang", "thuc pham bao ve suc khoe"),
    "giao_thong_thong_minh": ("giao thong thong minh", "dieu khien den tin hieu", "camera giao thong"),
    "an_ninh_mang": ("an ninh mang", "an toan thong tin", "bao mat", "cybersecurity"),
    "ban_do_so": ("gis", "ban do so", "he thong thong tin dia ly", "vien tham"),
    "nuoc_ri_rac": ("nuoc ri rac", "nuoc rac", "leachate"),
    "asen": ("asen", "thach tin", "arsenic"),
    "tia_uv": ("tia cuc tim", "uv c", "uvc", "den uv", "ultraviolet"),
    "say_thang_hoa": ("say thang hoa", "say dong kho", "freeze drying"),
    "thuong_mai_dien_tu": ("thuong mai dien tu", "ban hang online", "ban hang truc tuyen", "san thuong mai dien tu"),
    "u_chua": ("u chua", "thuc an tho xanh", "thuc an xanh", "silage"),
    "quan_trac_ket_cau": ("quan trac ket cau", "suc khoe ket cau", "giam sat cau", "theo doi cau", "kiem dinh cau"),
    "sau_benh": ("sau benh", "sau hai", "dich hai", "bao ve thuc vat"),
    "khu_trung": ("khu trung", "diet khuan", "tiet trung", "sat khuan"),
}

_STOP_BIGRAM_STARTS = frozenset(b.split()[0] for b in STOP_BIGRAMS)
_STOP_BIGRAM_ENDS = frozenset(b.split()[1] for b in STOP_BIGRAMS)

_SYNONYM_PATTERNS = {
    concept: re.compile(r"(?:^| )(?:" + "|".join(re.escape(p) for p in phrases) + r")(?= |$)")
    for concept, phrases in SYNONYMS.items()
}
CONCEPT_PHRASES = {f"~{concept}": phrases for concept, phrases in SYNONYMS.items()}

MAX_TEXT_FOR_TERMS = 20_000


def _chunks(text: str) -> list[list[str]]:
    """Folded syllables in runs that punctuation does not cut (bigrams never cross a comma)."""
    runs = []
    for piece in re.split(r"[.,;:!?()\[\]{}\n/\\|\"'“”–—-]+", text[:MAX_TEXT_FOR_TERMS]):
        words = search_words(piece)
        if words:
            runs.append(words)
    return runs


def terms(text: str) -> list[str]:
    """The matching terms of a text, with repeats: syllables, bigrams and synonym concepts."""
    out: list[str] = []
    folded_runs = _chunks(text)
    for words in folded_runs:
        for word in words:
            if word not in STOPWORDS and (len(word) > 1 or word.isdigit()):
                out.append(word)
        for first, second in zip(words, words[1:], strict=False):
            bigram = f"{first} {second}"
            if bigram in STOP_BIGRAMS or (first in STOPWORDS and second in STOPWORDS):
                continue
            if first in _STOP_BIGRAM_ENDS or second in _STOP_BIGRAM_STARTS:
                continue  # "nghe xu" in "công nghệ xử lý" spans two words
            out.append(bigram)
    joined = " " + " | ".join(" ".join(words) for words in folded_runs) + " "
    for concept, pattern in _SYNONYM_PATTERNS.items():
        hits = len(pattern.findall(joined))
        out.extend([f"~{concept}"] * hits)
    return out


def term_counts(*parts: str, title: str = "", keywords: str = "") -> dict[str, float]:
    """Term → 1 + log(count); the title and keywords count twice (they say what it is about)."""
    counts = Counter(terms(" . ".join(p for p in parts if p)))
    for emphasised in (title, keywords):
        counts.update(terms(emphasised))
    return {term: 1.0 + math.log(n) for term, n in counts.items() if len(term) <= 120}
