"""Hand-written source of the technology matching evaluation set (see ../README.md).

Each `offers_*.py` module holds a list `OFFERS` of `offer(...)` records written by hand, one
technology each; `requests.py` holds the requests with the offers a broker would propose.
`../build_set.py` turns them into `listings.json` and `judgements.json`.
"""

from dataclasses import dataclass, field

# Mức độ sở hữu trí tuệ (exchange.Listing.IpStatus codes).
IP = {
    "none": "Chưa đăng ký bảo hộ",
    "patent_pending": "Đã nộp đơn đăng ký sáng chế",
    "patent": "Bằng độc quyền sáng chế",
    "utility_solution": "Bằng độc quyền giải pháp hữu ích",
    "secret": "Bí quyết kỹ thuật",
    "other": "Khác (quyền tác giả, bằng bảo hộ giống cây trồng...)",
}


@dataclass
class Offer:
    id: str
    field: str  # level-2 code of QĐ 12/2008/QĐ-BKHCN
    organisation: str
    title: str
    description: str
    keywords: list
    trl: int
    ip_status: str
    transfer_modes: list
    region: str = "Hà Nội"


@dataclass
class Request:
    id: str
    field: str
    organisation: str
    title: str
    description: str
    keywords: list
    trl: int | None  # minimum TRL wanted
    transfer_modes: list
    region: str
    relevant: dict  # offer id -> grade: 2 what the broker proposes first, 1 also worth proposing
    difficulty: list = field(default_factory=list)
    # Offers that share words with the request but a broker would NOT propose (documented, not scored).
    distractors: list = field(default_factory=list)
    split: str = "dev"  # "holdout": written after the first benchmark runs, kept out of sight until measured


def offer(oid, field_code, organisation, title, description, keywords, trl, ip_status, modes, region="Hà Nội"):
    return Offer(
        id="OF-" + oid,
        field=field_code,
        organisation=organisation,
        title=title,
        description=description,
        keywords=[k.strip() for k in keywords.split(";") if k.strip()],
        trl=trl,
        ip_status=ip_status,
        transfer_modes=modes.split(),
        region=region,
    )
