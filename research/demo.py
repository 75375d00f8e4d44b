"""Illustrative research data for Hanoi: organisations, researchers, publications, patents.

Everything made here is marked `is_demo` (shown as "dữ liệu minh họa" on every page); DOIs
use the prefix 10.99999/demo. (no such registrant), ORCID iDs the block 0000-0000-…
(valid checksums, outside the blocks ORCID issues), patent numbers start "MH-" (minh họa).

    from research.demo import load_research_demo
    load_research_demo(seed=1)      # ~20 organisations, 300 researchers, ~3,000 outputs

`generate()` makes the same kind of data at any size (see generate_research_scale).
Deterministic for a seed; loading again replaces the earlier demo rows.
"""

import random
from collections import Counter
from dataclasses import dataclass

from django.db import connection, transaction

from core.cache import public_data_changed

from .models import Authorship, Organisation, Output, Researcher

K = Output.Kind

# name, English name, short name, slug, kind, fields (keys of FIELDS)
ORGANISATIONS = [
    (
        "Đại học Quốc gia Hà Nội",
        "Vietnam National University, Hanoi",
        "ĐHQGHN",
        "vnu-hanoi",
        "university",
        ["it", "materials", "physics", "economics", "environment"],
    ),
    (
        "Trường Đại học Khoa học Tự nhiên, ĐHQGHN",
        "VNU University of Science",
        "VNU-HUS",
        "vnu-hus",
        "university",
        ["chemistry", "physics", "maths", "environment", "biotech"],
    ),
    (
        "Trường Đại học Công nghệ, ĐHQGHN",
        "VNU University of Engineering and Technology",
        "VNU-UET",
        "vnu-uet",
        "university",
        ["it", "electronics", "materials"],
    ),
    (
        "Đại học Bách khoa Hà Nội",
        "Hanoi University of Science and Technology",
        "HUST",
        "hust",
        "university",
        ["it", "electronics", "materials", "chemistry", "mechanical"],
    ),
    ("Trường Đại học Y Hà Nội", "Hanoi Medical University", "HMU", "hmu", "university", ["medicine", "biotech"]),
    (
        "Trường Đại học Xây dựng Hà Nội",
        "Hanoi University of Civil Engineering",
        "HUCE",
        "huce",
        "university",
        ["construction", "environment"],
    ),
    ("Trường Đại học Kinh tế Quốc dân", "National Economics University", "NEU", "neu", "university", ["economics"]),
    (
        "Học viện Nông nghiệp Việt Nam",
        "Vietnam National University of Agriculture",
        "VNUA",
        "vnua",
        "university",
        ["agriculture", "biotech", "environment"],
    ),
    (
        "Học viện Công nghệ Bưu chính Viễn thông",
        "Posts and Telecommunications Institute of Technology",
        "PTIT",
        "ptit",
        "university",
        ["it", "electronics"],
    ),
    ("Trường Đại học Thủy lợi", "Thuyloi University", "TLU", "tlu", "university", ["environment", "construction"]),
    (
        "Viện Hàn lâm Khoa học và Công nghệ Việt Nam",
        "Vietnam Academy of Science and Technology",
        "VAST",
        "vast",
        "institute",
        ["physics", "chemistry", "materials", "biotech"],
    ),
    (
        "Viện Hóa học, Viện Hàn lâm KH&CN Việt Nam",
        "Institute of Chemistry, VAST",
        "ICH",
        "vast-ich",
        "institute",
        ["chemistry", "materials"],
    ),
    (
        "Viện Vật lý, Viện Hàn lâm KH&CN Việt Nam",
        "Institute of Physics, VAST",
        "IOP",
        "vast-iop",
        "institute",
        ["physics", "materials"],
    ),
    (
        "Viện Toán học, Viện Hàn lâm KH&CN Việt Nam",
        "Institute of Mathematics, VAST",
        "VIM",
        "vast-vim",
        "institute",
        ["maths"],
    ),
    (
        "Viện Công nghệ sinh học, Viện Hàn lâm KH&CN Việt Nam",
        "Institute of Biotechnology, VAST",
        "IBT",
        "vast-ibt",
        "institute",
        ["biotech", "agriculture"],
    ),
    (
        "Viện Khoa học vật liệu, Viện Hàn lâm KH&CN Việt Nam",
        "Institute of Materials Science, VAST",
        "IMS",
        "vast-ims",
        "institute",
        ["materials", "physics"],
    ),
    ("Bệnh viện Bạch Mai", "Bach Mai Hospital", "BVBM", "bach-mai", "other", ["medicine"]),
    (
        "Tập đoàn Công nghiệp - Viễn thông Quân đội",
        "Viettel Group",
        "Viettel",
        "viettel",
        "enterprise",
        ["electronics", "it"],
    ),
    ("Công ty Cổ phần FPT", "FPT Corporation", "FPT", "fpt", "enterprise", ["it"]),
    ("Tập đoàn Công nghệ CMC", "CMC Corporation", "CMC", "cmc", "enterprise", ["it", "electronics"]),
    (
        "Viện Nghiên cứu Phát triển Kinh tế - Xã hội Hà Nội",
        "Hanoi Institute for Socio-Economic Development Studies",
        "HISEDS",
        "hiseds",
        "agency",
        ["economics", "environment"],
    ),
]


@dataclass(frozen=True)
class Field:
    label: str
    topics_vi: tuple
    topics_en: tuple
    venues: tuple  # (venue, international)


FIELDS = {
    "it": Field(
        "Khoa học máy tính",
        (
            "học sâu",
            "xử lý ngôn ngữ tự nhiên tiếng Việt",
            "thị giác máy tính",
            "an toàn thông tin",
            "Internet vạn vật",
            "dữ liệu lớn",
            "nhận dạng tiếng nói tiếng Việt",
            "hệ thống gợi ý",
        ),
        (
            "deep learning",
            "Vietnamese natural language processing",
            "computer vision",
            "network intrusion detection",
            "Internet of Things",
            "federated learning",
            "speech recognition",
            "graph neural networks",
        ),
        (
            ("Tạp chí Khoa học ĐHQGHN: Khoa học Máy tính và Truyền thông", False),
            ("IEEE Access", True),
            ("International Conference on Knowledge and Systems Engineering (KSE)", True),
            ("NAFOSTED Conference on Information and Computer Science (NICS)", True),
            ("Expert Systems with Applications", True),
        ),
    ),
    "electronics": Field(
        "Điện tử - Viễn thông",
        (
            "mạng 5G",
            "ăng-ten mảng pha",
            "thiết kế vi mạch",
            "radar thụ động",
            "truyền thông vệ tinh",
            "định vị trong nhà",
        ),
        (
            "5G networks",
            "phased array antennas",
            "low-power integrated circuits",
            "passive radar",
            "satellite communications",
            "indoor positioning",
        ),
        (
            ("Tạp chí Khoa học và Công nghệ Thông tin và Truyền thông", False),
            ("International Conference on Advanced Technologies for Communications (ATC)", True),
            ("Sensors", True),
            ("REV Journal on Electronics and Communications", False),
        ),
    ),
    "materials": Field(
        "Khoa học vật liệu",
        ("vật liệu nano", "màng mỏng perovskite", "graphene", "vật liệu từ", "hạt nano bạc", "vật liệu composite"),
        (
            "perovskite thin films",
            "graphene oxide",
            "magnetic nanoparticles",
            "silver nanoparticles",
            "polymer composites",
            "photocatalytic materials",
        ),
        (
            ("Vietnam Journal of Science and Technology", False),
            ("Journal of Alloys and Compounds", True),
            ("Applied Surface Science", True),
            ("Materials Today Communications", True),
        ),
    ),
    "chemistry": Field(
        "Hóa học",
        ("hợp chất thiên nhiên", "xúc tác quang", "chất ức chế ăn mòn", "tinh dầu", "hóa học xanh", "polyme sinh học"),
        (
            "natural products",
            "photocatalysis",
            "corrosion inhibitors",
            "essential oils",
            "green chemistry",
            "biopolymers",
        ),
        (
            ("Tạp chí Hóa học", False),
            ("Vietnam Journal of Chemistry", True),
            ("RSC Advances", True),
            ("Journal of Molecular Structure", True),
        ),
    ),
    "physics": Field(
        "Vật lý",
        ("quang tử", "vật liệu bán dẫn", "vật lý hạt nhân", "laser xung cực ngắn", "siêu dẫn"),
        ("photonics", "semiconductor heterostructures", "nuclear physics", "ultrafast lasers", "superconductivity"),
        (("Communications in Physics", False), ("Physical Review B", True), ("Optics Express", True)),
    ),
    "maths": Field(
        "Toán học",
        ("phương trình đạo hàm riêng", "tối ưu hóa", "lý thuyết đồ thị", "giải tích phức", "thống kê ứng dụng"),
        (
            "partial differential equations",
            "nonconvex optimization",
            "graph theory",
            "complex analysis",
            "applied statistics",
        ),
        (
            ("Acta Mathematica Vietnamica", True),
            ("Vietnam Journal of Mathematics", True),
            ("Journal of Optimization Theory and Applications", True),
        ),
    ),
    "biotech": Field(
        "Công nghệ sinh học",
        (
            "giống lúa chịu mặn",
            "vi khuẩn lactic",
            "chỉ thị phân tử",
            "enzym tái tổ hợp",
            "vắc-xin thú y",
            "nấm dược liệu",
        ),
        (
            "salt-tolerant rice",
            "lactic acid bacteria",
            "molecular markers",
            "recombinant enzymes",
            "veterinary vaccines",
            "medicinal mushrooms",
        ),
        (("Tạp chí Công nghệ Sinh học", False), ("Scientific Reports", True), ("PLOS ONE", True)),
    ),
    "medicine": Field(
        "Y học",
        (
            "ung thư gan",
            "đái tháo đường type 2",
            "kháng kháng sinh",
            "bệnh tim mạch",
            "COVID-19",
            "sức khỏe tâm thần",
            "đột quỵ não",
        ),
        (
            "hepatocellular carcinoma",
            "type 2 diabetes",
            "antimicrobial resistance",
            "cardiovascular disease",
            "COVID-19",
            "mental health",
            "ischaemic stroke",
        ),
        (
            ("Tạp chí Y học Việt Nam", False),
            ("Tạp chí Nghiên cứu Y học", False),
            ("BMC Public Health", True),
            ("The Lancet Regional Health – Western Pacific", True),
        ),
    ),
    "environment": Field(
        "Môi trường",
        (
            "ô nhiễm không khí",
            "bụi mịn PM2.5",
            "xử lý nước thải",
            "rác thải nhựa",
            "biến đổi khí hậu",
            "chất lượng nước sông Tô Lịch",
            "ngập úng đô thị",
        ),
        (
            "air pollution",
            "PM2.5",
            "wastewater treatment",
            "plastic waste",
            "climate change adaptation",
            "urban flooding",
        ),
        (
            ("Tạp chí Khoa học Tài nguyên và Môi trường", False),
            ("Science of the Total Environment", True),
            ("Environmental Pollution", True),
        ),
    ),
    "economics": Field(
        "Kinh tế",
        (
            "kinh tế số",
            "doanh nghiệp nhỏ và vừa",
            "đổi mới sáng tạo",
            "chuyển đổi số",
            "du lịch bền vững",
            "làng nghề truyền thống",
        ),
        (
            "digital economy",
            "small and medium enterprises",
            "innovation",
            "digital transformation",
            "sustainable tourism",
            "craft villages",
        ),
        (
            ("Tạp chí Kinh tế và Phát triển", False),
            ("Tạp chí Nghiên cứu Kinh tế", False),
            ("Journal of Asian Business and Economic Studies", True),
        ),
    ),
    "construction": Field(
        "Xây dựng - Giao thông",
        ("bê tông cường độ cao", "đường sắt đô thị", "nhà cao tầng", "quy hoạch đô thị", "nền đất yếu"),
        ("high-strength concrete", "urban railways", "high-rise buildings", "urban planning", "soft soil foundations"),
        (("Tạp chí Khoa học Công nghệ Xây dựng", False), ("Construction and Building Materials", True)),
    ),
    "agriculture": Field(
        "Nông nghiệp",
        ("rau an toàn", "nông nghiệp công nghệ cao", "phân bón hữu cơ", "cây ăn quả", "chăn nuôi lợn"),
        ("safe vegetables", "high-tech agriculture", "organic fertilisers", "fruit trees", "pig farming"),
        (
            ("Tạp chí Khoa học Nông nghiệp Việt Nam", False),
            ("Tạp chí Nông nghiệp và Phát triển nông thôn", False),
            ("Agronomy", True),
        ),
    ),
    "mechanical": Field(
        "Cơ khí - Tự động hóa",
        ("robot công nghiệp", "điều khiển thông minh", "máy CNC", "năng lượng tái tạo"),
        ("industrial robots", "intelligent control", "CNC machining", "renewable energy systems"),
        (("Tạp chí Cơ khí Việt Nam", False), ("Applied Sciences", True)),
    ),
}

CONTEXTS_VI = ("tại Hà Nội", "trên địa bàn thành phố Hà Nội", "ở đồng bằng sông Hồng", "ở Việt Nam", "", "")
CONTEXTS_EN = ("in Hanoi", "in Vietnam", "in the Red River Delta", "", "")
TEMPLATES_VI = (
    "Nghiên cứu {topic} {context}",
    "Đánh giá thực trạng {topic} {context}",
    "Ứng dụng {other} trong nghiên cứu {topic}",
    "Một số giải pháp phát triển {topic} {context}",
    "Nghiên cứu đặc điểm {topic} và đề xuất giải pháp",
    "Xây dựng mô hình {topic} {context}",
)
TEMPLATES_EN = (
    "A study of {topic} {context}",
    "{Other}-based approach to {topic}",
    "Assessment of {topic} {context}",
    "Towards {topic}: evidence {context}",
    "On {topic} and {other}",
    "Improving {topic} with {other}",
)
BOOK_PUBLISHERS = (
    "NXB Đại học Quốc gia Hà Nội",
    "NXB Khoa học tự nhiên và Công nghệ",
    "NXB Bách khoa Hà Nội",
    "NXB Y học",
)

SURNAMES = [
    ("Nguyễn", 38),
    ("Trần", 11),
    ("Lê", 9),
    ("Phạm", 7),
    ("Hoàng", 5),
    ("Vũ", 4),
    ("Phan", 3),
    ("Đặng", 2),
    ("Bùi", 2),
    ("Đỗ", 2),
    ("Hồ", 1),
    ("Ngô", 1),
    ("Dương", 1),
    ("Đinh", 1),
    ("Đào", 1),
    ("Trịnh", 1),
    ("Lương", 1),
]
MIDDLE_MALE = ("Văn", "Đức", "Minh", "Quang", "Hữu", "Thanh", "Xuân", "Mạnh", "Tiến", "Công", "Ngọc")
MIDDLE_FEMALE = ("Thị", "Thu", "Thanh", "Ngọc", "Minh", "Hồng", "Phương", "Thị Thu", "Thị Minh")
GIVEN_MALE = (
    "An",
    "Bình",
    "Cường",
    "Dũng",
    "Đức",
    "Hải",
    "Hùng",
    "Huy",
    "Khánh",
    "Long",
    "Nam",
    "Phong",
    "Quân",
    "Sơn",
    "Thắng",
    "Tuấn",
    "Việt",
    "Hiếu",
    "Trung",
    "Đạt",
    "Kiên",
    "Tùng",
)
GIVEN_FEMALE = (
    "Anh",
    "Hà",
    "Hạnh",
    "Hằng",
    "Hoa",
    "Hương",
    "Lan",
    "Linh",
    "Mai",
    "Ngọc",
    "Nhung",
    "Phương",
    "Thảo",
    "Trang",
    "Vân",
    "Yến",
    "Huyền",
    "Giang",
)
TITLES = (("GS.TS.", 4), ("PGS.TS.", 14), ("TS.", 45), ("ThS.", 30), ("TSKH.", 1), ("", 6))
FOREIGN_AUTHORS = (
    "Tanaka, Hiroshi",
    "Kim, Min-jun",
    "Müller, Anna",
    "Dupont, Jean",
    "Smith, John",
    "Lee, Sang-hoon",
    "Wang, Li",
    "Nielsen, Ole",
)


def orcid_with_checksum(digits15: str) -> str:
    total = 0
    for char in digits15:
        total = (total + int(char)) * 2
    check = (12 - total % 11) % 11
    digits = digits15 + ("X" if check == 10 else str(check))
    return "-".join(digits[i : i + 4] for i in range(0, 16, 4))


def _weighted(rng, pairs):
    return rng.choices([value for value, _w in pairs], weights=[w for _v, w in pairs])[0]


def _name(rng) -> str:
    female = rng.random() < 0.45
    middle = rng.choice(MIDDLE_FEMALE if female else MIDDLE_MALE)
    given = rng.choice(GIVEN_FEMALE if female else GIVEN_MALE)
    return f"{_weighted(rng, SURNAMES)} {middle} {given}"


def _organisations(count: int) -> list[Organisation]:
    """The real Hanoi organisations first (reused when they already exist, not marked demo),
    then generated research centres when more are asked for."""
    specs = list(ORGANISATIONS[:count])
    field_keys = list(FIELDS)
    for n in range(len(specs), count):
        key = field_keys[n % len(field_keys)]
        label = FIELDS[key].label
        specs.append(
            (
                f"Trung tâm Nghiên cứu {label} Hà Nội số {n + 1}",
                "",
                f"TT{n + 1}",
                f"demo-centre-{n + 1}",
                "institute",
                [key],
            )
        )
    existing = {o.slug: o for o in Organisation.objects.filter(slug__in=[s[3] for s in specs])}
    by_name = {o.name: o for o in Organisation.objects.filter(name__in=[s[0] for s in specs])}
    created = []
    for name, name_en, short, slug, kind, _fields in specs:
        if slug not in existing and name not in by_name:
            org = Organisation(name=name, name_en=name_en, short_name=short, slug=slug, kind=kind, is_demo=True)
            org.fill_keys()
            created.append(org)
    Organisation.objects.bulk_create(created)
    rows = {o.slug: o for o in Organisation.objects.filter(slug__in=[s[3] for s in specs])}
    rows.update({o.slug: o for o in Organisation.objects.filter(name__in=[s[0] for s in specs])})
    organisations = []
    for spec in specs:
        org = existing.get(spec[3]) or by_name.get(spec[0]) or rows.get(spec[3])
        org.demo_fields = spec[5]
        organisations.append(org)
    return organisations


def _researchers(rng, organisations, count: int, seed: int) -> list[Researcher]:
    people = []
    turns = Counter()
    for n in range(count):
        org = (
            organisations[min(int(rng.paretovariate(1.2)) - 1, len(organisations) - 1)]
            if n % 3
            else organisations[n // 3 % len(organisations)]  # every organisation in turn
        )
        field_key = rng.choice(org.demo_fields)
        if not n % 3:  # in turn, so that every field of every organisation has researchers
            field_key = org.demo_fields[turns[org.slug] % len(org.demo_fields)]
            turns[org.slug] += 1
        orcid = None
        if rng.random() < 0.35:
            orcid = orcid_with_checksum(f"00000000{seed % 100:02d}{n:05d}")
        person = Researcher(
            full_name=_name(rng),
            title=_weighted(rng, TITLES),
            organisation=org,
            field=FIELDS[field_key].label,
            orcid=orcid,
            is_demo=True,
        )
        person.demo_field = field_key
        person.fill_keys()
        people.append(person)
    Researcher.objects.bulk_create(people, batch_size=2000)
    return people


def _title(rng, field: Field, english: bool) -> str:
    if english:
        template = rng.choice(TEMPLATES_EN)
        topic, other = rng.sample(field.topics_en, 2)
        text = template.format(
            topic=topic, other=other, Other=other[:1].upper() + other[1:], context=rng.choice(CONTEXTS_EN)
        )
    else:
        template = rng.choice(TEMPLATES_VI)
        topic, other = rng.sample(field.topics_vi, 2)
        text = template.format(topic=topic, other=other, context=rng.choice(CONTEXTS_VI))
    text = " ".join(text.split())
    return text[:1].upper() + text[1:]


def _output(rng, n, seed, lead, field: Field, by_org, researchers) -> tuple[Output, list[Researcher]]:
    roll = rng.random()
    kind = (
        K.ARTICLE
        if roll < 0.72
        else K.CONFERENCE
        if roll < 0.88
        else K.BOOK
        if roll < 0.94
        else K.POLICY_REPORT
        if roll < 0.96
        else K.SOFTWARE
        if roll < 0.98
        else K.PROTOTYPE
    )
    international = kind in (K.ARTICLE, K.CONFERENCE) and rng.random() < 0.45
    journals = [v for v, intl in field.venues if intl == international and "Conference" not in v]
    conferences = [v for v, intl in field.venues if "Conference" in v] if international else []
    if kind == K.BOOK:
        venue = rng.choice(BOOK_PUBLISHERS)
    elif kind == K.ARTICLE:
        venue = rng.choice(journals or [v for v, _i in field.venues if "Conference" not in v])
    elif kind == K.CONFERENCE:
        venue = rng.choice(
            conferences or [f"Hội nghị Khoa học toàn quốc về {field.label.lower()}"]
            if not international
            else [f"International Conference on {rng.choice(field.topics_en).title()}"]
        )
    else:
        venue = ""
    team = [lead]
    colleagues = by_org.get(lead.organisation_id) or researchers
    for _ in range(rng.choice((0, 1, 1, 2, 2, 3, 4))):
        other = rng.choice(colleagues if rng.random() < 0.8 else researchers)
        if other not in team:
            team.append(other)
    rng.shuffle(team) if rng.random() < 0.3 else None
    names = [p.full_name for p in team]
    if international and rng.random() < 0.3:
        names.append(rng.choice(FOREIGN_AUTHORS))
    if kind in (K.SOFTWARE, K.PROTOTYPE):
        prefix = "Phần mềm quản lý" if kind == K.SOFTWARE else "Mẫu thiết bị phục vụ"
        title = f"{prefix} {rng.choice(field.topics_vi)} {rng.choice(CONTEXTS_VI)}".strip()
    else:
        title = _title(rng, field, english=international or rng.random() < 0.2)
    year = 2026 - min(int(rng.expovariate(0.18)), 15)
    output = Output(
        kind=kind,
        title=title,
        year=year,
        venue=venue,
        doi=f"10.99999/demo.{seed}.{n}" if kind in (K.ARTICLE, K.CONFERENCE) and rng.random() < 0.75 else None,
        is_international=international,
        abstract=(
            f"Dữ liệu minh họa. Công trình trình bày kết quả về {rng.choice(field.topics_vi)} và {rng.choice(field.topics_vi)}."
            if rng.random() < 0.5
            else ""
        ),
        authors_text="; ".join(names),
        is_demo=True,
    )
    return output, team


def _patent(rng, n, lead, field: Field) -> tuple[Output, list[Researcher]]:
    utility = rng.random() < 0.4
    topic = rng.choice(field.topics_vi)
    title = rng.choice(
        ("Quy trình sản xuất {t}", "Thiết bị phục vụ {t}", "Phương pháp xử lý dùng trong {t}", "Hệ thống giám sát {t}")
    ).format(t=topic)
    number = f"MH-{2 if utility else 1}-{n:07d}"
    output = Output(
        kind=K.UTILITY_SOLUTION if utility else K.PATENT,
        title=title[:1].upper() + title[1:],
        year=2026 - min(int(rng.expovariate(0.25)), 12),
        venue="Cục Sở hữu trí tuệ (dữ liệu minh họa)",
        patent_number=number,
        authors_text=lead.full_name,
        is_demo=True,
    )
    return output, [lead]


@transaction.atomic
def generate(
    *, seed: int = 1, organisations: int = 21, researchers: int = 300, outputs: int = 3000, patents: int = 40
) -> dict:
    """Replace the demo researchers and outputs with freshly generated ones (see module doc)."""
    rng = random.Random(seed)
    Output.objects.filter(is_demo=True).delete()
    Researcher.objects.filter(is_demo=True).delete()
    orgs = _organisations(organisations)
    people = _researchers(rng, orgs, researchers, seed)
    by_org = {}
    for person in people:
        by_org.setdefault(person.organisation_id, []).append(person)
    # Productive researchers write more: a Pareto-like share of the leads.
    weights = [rng.paretovariate(1.5) for _ in people]
    leads = rng.choices(people, weights=weights, k=outputs + patents)
    made = []
    for n, lead in enumerate(leads):
        field = FIELDS[lead.demo_field]
        made.append(_output(rng, n, seed, lead, field, by_org, people) if n < outputs else _patent(rng, n, lead, field))
    rows = []
    for output, _team in made:
        output.fill_keys()
        rows.append(output)
    Output.objects.bulk_create(rows, batch_size=2000)
    authorships = [
        Authorship(output=output, researcher=person, position=position)
        for output, team in made
        for position, person in enumerate(team, start=1)
    ]
    Authorship.objects.bulk_create(authorships, batch_size=5000)
    through = Output.organisations.through
    links = {(output.pk, person.organisation_id) for output, team in made for person in team if person.organisation_id}
    through.objects.bulk_create((through(output_id=o, organisation_id=g) for o, g in sorted(links)), batch_size=5000)
    public_data_changed()
    _analyse()
    return {
        "organisations": len(orgs),
        "researchers": len(people),
        "researchers_with_orcid": sum(1 for p in people if p.orcid),
        "outputs": len(rows),
        "patents_and_utility_solutions": patents,
        "authorships": len(authorships),
    }


def _analyse() -> None:
    """Fresh planner statistics after a bulk load, so PostgreSQL plans searches on real numbers
    rather than waiting for autovacuum."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            for table in (
                "research_output",
                "research_researcher",
                "research_authorship",
                "research_output_organisations",
            ):
                cursor.execute(f"ANALYZE {table}")


def load_research_demo(*, seed: int = 1) -> dict:
    """The demo data set of the platform: 21 Hanoi organisations, 300 researchers, 3,000
    publications and 40 patents or utility solutions, all marked as demo data."""
    return generate(seed=seed)
