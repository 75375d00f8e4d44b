"""Demo of the technology exchange: offers of Hanoi universities and institutes, requests of
enterprises (some typed without diacritics, as people do), a moderator and a member.

`listing_rows(n, seed)` makes realistic Vietnamese listings; the demo publishes a few hundred,
the benchmark (bench/run_exchange_bench.py) 100,000.
"""

import random

from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone

from accounts.models import User
from core.text import strip_accents
from research.models import Organisation

from . import match_batch, matching
from .models import MODERATORS_GROUP, Field, Listing, Member, TransferMode, mode_mask

# (field, offer title, request title, description, keywords)
TOPICS = [
    (
        "207",
        "Công nghệ xử lý nước thải sinh hoạt bằng màng lọc MBR",
        "Cần công nghệ xử lý nước thải cho khu dân cư",
        "Hệ thống xử lý nước thải kết hợp vi sinh hiếu khí và màng vi lọc, nước sau xử lý đạt QCVN 14:2008/BTNMT.",
        "nước thải, màng lọc, MBR",
    ),
    (
        "207",
        "Hệ thống xử lý nước thải làng nghề chế biến nông sản",
        "Tìm giải pháp xử lý chất thải lỏng làng nghề",
        "Xử lý nước thải giàu hữu cơ từ chế biến tinh bột, miến dong; công suất 50-500 m3/ngày, chi phí vận hành thấp.",
        "nước thải làng nghề, tinh bột, kỵ khí",
    ),
    (
        "208",
        "Chế phẩm vi sinh xử lý chất thải chăn nuôi",
        "Cần chế phẩm vi sinh khử mùi trang trại lợn",
        "Chế phẩm chứa các chủng vi khuẩn Bacillus phân giải hữu cơ, giảm mùi hôi và khí amoniac trong chuồng trại.",
        "vi sinh, chăn nuôi, khử mùi",
    ),
    (
        "207",
        "Lò đốt chất thải rắn sinh hoạt quy mô cấp xã",
        "Cần công nghệ xử lý rác thải sinh hoạt nông thôn",
        "Lò đốt hai cấp có buồng đốt thứ cấp và xử lý khí thải, công suất 1-5 tấn rác/giờ, không phát sinh khói đen.",
        "rác thải, lò đốt, khí thải",
    ),
    (
        "203",
        "Máy bay không người lái phun thuốc bảo vệ thực vật",
        "Cần drone phun thuốc cho vùng lúa tập trung",
        "Thiết bị bay không người lái tải trọng 20 lít, bay tự động theo bản đồ ruộng, phun đều, tiết kiệm 30% thuốc.",
        "UAV, drone, phun thuốc",
    ),
    (
        "202",
        "Hệ thống giám sát chất lượng không khí bằng cảm biến IoT",
        "Cần mạng cảm biến đo bụi mịn PM2.5",
        "Trạm quan trắc nhỏ gọn đo PM2.5, PM10, CO, NO2, truyền dữ liệu thời gian thực về nền tảng giám sát.",
        "IoT, cảm biến, bụi mịn, không khí",
    ),
    (
        "102",
        "Nền tảng trí tuệ nhân tạo nhận dạng biển số và đếm phương tiện",
        "Cần giải pháp AI phân tích camera giao thông",
        "Mô hình học sâu nhận dạng biển số xe Việt Nam, đếm lưu lượng và phát hiện vi phạm từ camera có sẵn.",
        "trí tuệ nhân tạo, camera, giao thông thông minh",
    ),
    (
        "102",
        "Phần mềm quản lý bệnh án điện tử cho bệnh viện tuyến huyện",
        "Cần hệ thống bệnh án điện tử",
        "Bệnh án điện tử theo Thông tư 46/2018/TT-BYT, kết nối HIS, LIS, PACS và cổng giám định bảo hiểm y tế.",
        "bệnh án điện tử, y tế số",
    ),
    (
        "102",
        "Hệ thống truy xuất nguồn gốc nông sản bằng mã QR và blockchain",
        "Cần giải pháp truy xuất nguồn gốc sản phẩm OCOP",
        "Ghi nhận nhật ký sản xuất, đóng gói, vận chuyển; người mua quét mã QR để xem nguồn gốc sản phẩm.",
        "truy xuất nguồn gốc, QR, blockchain",
    ),
    (
        "202",
        "Hệ thống điện mặt trời áp mái có lưu trữ",
        "Cần giải pháp điện mặt trời cho nhà xưởng",
        "Tấm pin quang điện, biến tần hòa lưới và pin lưu trữ lithium, giám sát sản lượng từ xa.",
        "điện mặt trời, pin lưu trữ",
    ),
    (
        "205",
        "Vật liệu gạch không nung từ tro xỉ nhiệt điện",
        "Cần công nghệ sản xuất gạch không nung",
        "Phối liệu tro bay, xỉ đáy lò và xi măng, ép rung tạo hình; cường độ nén đạt mác 75-100.",
        "gạch không nung, tro xỉ, vật liệu xây dựng",
    ),
    (
        "210",
        "Vật liệu nano bạc kháng khuẩn cho dệt may",
        "Cần vải kháng khuẩn cho trang phục y tế",
        "Dung dịch nano bạc ổn định, phủ lên sợi vải giữ tính kháng khuẩn sau 50 lần giặt.",
        "nano bạc, kháng khuẩn, dệt may",
    ),
    (
        "211",
        "Công nghệ bảo quản rau quả sau thu hoạch bằng màng phủ sinh học",
        "Cần công nghệ bảo quản trái cây xuất khẩu",
        "Màng phủ chitosan kéo dài thời gian bảo quản vải, nhãn, thanh long thêm 2-3 tuần ở nhiệt độ lạnh.",
        "bảo quản, sau thu hoạch, chitosan",
    ),
    (
        "211",
        "Quy trình sản xuất nước mắm ngắn ngày",
        "Tìm công nghệ rút ngắn thời gian lên men nước mắm",
        "Sử dụng enzyme thủy phân protein, rút thời gian chượp từ 12 tháng xuống 3 tháng, giữ hương vị truyền thống.",
        "lên men, enzyme, nước mắm",
    ),
    (
        "401",
        "Hệ thống trồng rau thủy canh hồi lưu trong nhà màng",
        "Cần mô hình trồng rau thủy canh",
        "Nhà màng có hệ thống thủy canh hồi lưu, dinh dưỡng tự động, năng suất cao gấp 3 lần trồng đất.",
        "thủy canh, nhà màng, rau an toàn",
    ),
    (
        "401",
        "Giống lúa chất lượng cao chịu mặn",
        "Cần giống lúa thích ứng biến đổi khí hậu",
        "Giống lúa thời gian sinh trưởng 105 ngày, chịu mặn 4‰, gạo thơm mềm, năng suất 6-7 tấn/ha.",
        "giống lúa, chịu mặn",
    ),
    (
        "406",
        "Nhân giống cây lan bằng nuôi cấy mô",
        "Cần công nghệ nuôi cấy mô cây hoa",
        "Quy trình vi nhân giống lan hồ điệp, hệ số nhân cao, cây con sạch bệnh, tỷ lệ sống trên 90%.",
        "nuôi cấy mô, lan, vi nhân giống",
    ),
    (
        "402",
        "Thức ăn chăn nuôi bổ sung men vi sinh",
        "Cần thức ăn giảm kháng sinh cho gà",
        "Bổ sung probiotic và enzyme tiêu hóa, giảm dùng kháng sinh, tăng trọng nhanh hơn 8%.",
        "thức ăn chăn nuôi, men vi sinh, probiotic",
    ),
    (
        "405",
        "Hệ thống nuôi tôm tuần hoàn trong nhà",
        "Cần công nghệ nuôi thủy sản tuần hoàn",
        "Nuôi tôm mật độ cao trong bể, lọc sinh học tuần hoàn nước, kiểm soát môi trường bằng cảm biến.",
        "nuôi tôm, tuần hoàn, RAS",
    ),
    (
        "303",
        "Chiết xuất cao dược liệu từ đinh lăng",
        "Cần công nghệ chiết xuất dược liệu",
        "Chiết xuất saponin từ rễ đinh lăng bằng siêu âm, hiệu suất cao, đạt tiêu chuẩn nguyên liệu thuốc.",
        "dược liệu, chiết xuất, đinh lăng",
    ),
    (
        "303",
        "Thực phẩm bảo vệ sức khỏe từ nấm đông trùng hạ thảo",
        "Cần công nghệ nuôi trồng đông trùng hạ thảo",
        "Nuôi cấy Cordyceps militaris trên giá thể nhân tạo, hàm lượng cordycepin cao, ổn định.",
        "đông trùng hạ thảo, thực phẩm chức năng",
    ),
    (
        "206",
        "Thiết bị theo dõi sức khỏe từ xa cho người cao tuổi",
        "Cần giải pháp khám bệnh từ xa",
        "Thiết bị đeo đo nhịp tim, SpO2, huyết áp, cảnh báo té ngã và gửi dữ liệu cho bác sĩ.",
        "khám bệnh từ xa, thiết bị đeo, y tế số",
    ),
    (
        "304",
        "Bộ kit xét nghiệm nhanh phát hiện vi rút",
        "Cần kit chẩn đoán nhanh cho phòng khám",
        "Kit sắc ký miễn dịch phát hiện kháng nguyên trong 15 phút, độ nhạy trên 95%.",
        "xét nghiệm nhanh, chẩn đoán",
    ),
    (
        "203",
        "Robot hàn tự động cho dây chuyền cơ khí",
        "Cần tự động hóa dây chuyền hàn",
        "Tay máy 6 bậc tự do, lập trình quỹ đạo hàn, camera kiểm tra đường hàn.",
        "robot, tay máy, tự động hóa",
    ),
    (
        "202",
        "Hệ thống điều khiển đèn tín hiệu giao thông thích ứng",
        "Cần giải pháp giảm ùn tắc tại nút giao",
        "Điều chỉnh chu kỳ đèn theo lưu lượng đo bằng camera và vòng từ, giảm 20% thời gian chờ.",
        "giao thông thông minh, đèn tín hiệu",
    ),
    (
        "202",
        "Bộ điều khiển tiết kiệm năng lượng cho hệ thống chiếu sáng công cộng",
        "Cần giải pháp tiết kiệm điện chiếu sáng",
        "Đèn LED điều khiển từ xa qua mạng LoRa, giảm công suất theo giờ, tiết kiệm 40% điện năng.",
        "tiết kiệm năng lượng, chiếu sáng, LoRa",
    ),
    (
        "203",
        "Xe máy điện dùng pin lithium đổi nhanh",
        "Cần giải pháp xe điện cho giao hàng",
        "Xe máy điện có pin đổi nhanh tại trạm, quãng đường 80 km mỗi lần sạc.",
        "xe máy điện, pin lithium",
    ),
    (
        "102",
        "Giải pháp an toàn thông tin cho doanh nghiệp vừa và nhỏ",
        "Cần giải pháp bảo mật hệ thống thông tin",
        "Giám sát an ninh mạng, phát hiện xâm nhập, sao lưu dữ liệu và đào tạo nhận thức cho nhân viên.",
        "an ninh mạng, bảo mật",
    ),
    (
        "105",
        "Hệ thống thông tin địa lý quản lý đất đai",
        "Cần bản đồ số quản lý hạ tầng đô thị",
        "Nền tảng GIS tích hợp ảnh viễn thám, quản lý thửa đất, quy hoạch và hạ tầng kỹ thuật.",
        "GIS, bản đồ số, viễn thám",
    ),
    (
        "204",
        "Phân bón hữu cơ vi sinh từ phụ phẩm nông nghiệp",
        "Cần công nghệ sản xuất phân hữu cơ từ rơm rạ",
        "Ủ rơm rạ, vỏ cà phê với chế phẩm vi sinh thành phân bón hữu cơ sau 45 ngày.",
        "phân bón hữu cơ, phụ phẩm, vi sinh",
    ),
    (
        "201",
        "Bê tông tính năng cao cho công trình cầu",
        "Cần vật liệu bê tông bền trong môi trường biển",
        "Bê tông cường độ 80-120 MPa, chống thấm ion clo, tuổi thọ trên 100 năm.",
        "bê tông, vật liệu xây dựng",
    ),
    (
        "502",
        "Nền tảng thương mại điện tử cho sản phẩm OCOP",
        "Cần kênh bán hàng trực tuyến cho hợp tác xã",
        "Gian hàng trực tuyến, thanh toán điện tử, kết nối giao vận cho hợp tác xã và hộ sản xuất.",
        "thương mại điện tử, OCOP, chuyển đổi số",
    ),
    (
        "503",
        "Phần mềm học tập trực tuyến cho trường phổ thông",
        "Cần hệ thống học trực tuyến",
        "Lớp học ảo, kho bài giảng, kiểm tra trực tuyến chống gian lận, báo cáo tiến độ học tập.",
        "học trực tuyến, giáo dục, chuyển đổi số",
    ),
]

UNIVERSITIES = [
    ("Trường Đại học Bách khoa Hà Nội", "ĐHBK Hà Nội", "hust", "university"),
    ("Trường Đại học Quốc gia Hà Nội", "ĐHQGHN", "vnu", "university"),
    ("Học viện Nông nghiệp Việt Nam", "HVNN", "vnua", "university"),
    ("Trường Đại học Xây dựng Hà Nội", "ĐHXD", "huce", "university"),
    ("Viện Hàn lâm Khoa học và Công nghệ Việt Nam", "VAST", "vast", "institute"),
    ("Trường Đại học Y Hà Nội", "ĐH Y HN", "hmu", "university"),
    ("Trường Đại học Dược Hà Nội", "ĐH Dược HN", "hup", "university"),
    ("Viện Công nghệ Môi trường", "IET", "iet", "institute"),
]
ENTERPRISES = [
    ("Công ty CP Môi trường Đô thị Hà Nội", "URENCO", "demo-urenco"),
    ("Hợp tác xã Nông nghiệp Đông Anh", "HTX Đông Anh", "demo-htx-dong-anh"),
    ("Công ty TNHH Chế biến Nông sản Hoài Đức", "Nông sản Hoài Đức", "demo-nong-san-hoai-duc"),
    ("Công ty CP Cơ khí Sóc Sơn", "Cơ khí Sóc Sơn", "demo-co-khi-soc-son"),
    ("Bệnh viện Đa khoa Thanh Trì", "BVĐK Thanh Trì", "demo-bv-thanh-tri"),
    ("Công ty CP Thực phẩm Làng nghề Vạn Phúc", "TP Vạn Phúc", "demo-van-phuc"),
    ("Công ty CP Xây dựng Gia Lâm", "XD Gia Lâm", "demo-xd-gia-lam"),
    ("Công ty TNHH Giao hàng Xanh", "Giao hàng Xanh", "demo-giao-hang-xanh"),
]
SCALES = ["", " quy mô hộ gia đình", " cho khu công nghiệp", " thế hệ mới", " chi phí thấp", " cho vùng ven đô"]
NEEDS = [
    "Doanh nghiệp cần {what} để áp dụng trong năm tới, ưu tiên công nghệ đã có mô hình thực tế.",
    "Đơn vị đang tìm {what}; mong muốn được chuyển giao và đào tạo vận hành.",
    "Cần {what}, có thể hợp tác góp vốn để triển khai tại Hà Nội.",
]
REGIONS = ["ha-noi"] * 7 + ["bac-ninh", "hung-yen", "thai-nguyen", "phu-tho", "ninh-binh"]


def listing_rows(n: int, seed: int = 7) -> list[dict]:
    """n listings as import rows (about 3 offers to 2 requests), deterministic for a seed."""
    rng = random.Random(seed)
    modes = ["licence", "assignment", "joint_venture", "consulting", "training"]
    rows = []
    for i in range(n):
        field, offer_title, request_title, description, keywords = TOPICS[i % len(TOPICS)]
        kind = "offer" if rng.random() < 0.6 else "request"
        scale = rng.choice(SCALES)
        if kind == "offer":
            title = offer_title + scale
            text = description + " " + rng.choice(["Đã thử nghiệm tại Hà Nội.", "Có bằng độc quyền.", ""])
        else:
            title = request_title + scale
            what = request_title.replace("Cần ", "").replace("Tìm ", "").lower()
            text = rng.choice(NEEDS).format(what=what) + " " + description.split(",")[0] + "."
            if rng.random() < 0.25:  # typed without diacritics
                title, text = strip_accents(title), strip_accents(text)
        rows.append(
            {
                "id": f"demo-{seed}-{i}",
                "kind": kind,
                "title": title,
                "description": text.strip(),
                "field": field,
                "keywords": keywords,
                "trl": rng.randint(5, 9) if kind == "offer" else rng.randint(4, 8),
                "transfer_modes": rng.sample(modes, rng.randint(1, 3)),
                "region": rng.choice(REGIONS),
            }
        )
    return rows


def _organisations():
    offers, requests = [], []
    for name, short, slug, kind in UNIVERSITIES:
        org = Organisation.objects.filter(name=name).first() or Organisation.objects.filter(slug=slug).first()
        if org is None:
            org = Organisation.objects.create(
                name=name, short_name=short, slug=f"demo-ex-{slug}", kind=kind, is_demo=True
            )
        offers.append(org)
    for name, short, slug in ENTERPRISES:
        org, _created = Organisation.objects.get_or_create(
            slug=slug, defaults={"name": name, "short_name": short, "kind": "enterprise", "is_demo": True}
        )
        requests.append(org)
    return offers, requests


def _user(username: str, password: str, full_name: str) -> User:
    user, created = User.objects.get_or_create(username=username, defaults={"first_name": full_name})
    if created:
        user.set_password(password)
        user.email = f"{username}@demo.hanoi.example"
        user.save()
    return user


def load_exchange_demo(*, count: int = 300, password: str = "demo-07-pass", seed: int = 7) -> str:
    """Published listings, a moderator (`sangiaodich`) and a member (`vientruong`, of the first
    university); again on a database that has them changes nothing."""
    with transaction.atomic():
        offers_orgs, request_orgs = _organisations()
        moderator = _user("sangiaodich", password, "Điều phối Sàn giao dịch công nghệ")
        moderator.groups.add(Group.objects.get(name=MODERATORS_GROUP))
        member = _user("vientruong", password, "Nguyễn Thu Hà")
        Member.objects.get_or_create(user=member, organisation=offers_orgs[0])
        buyer = _user("doanhnghiep", password, "Trần Văn Minh")
        Member.objects.get_or_create(user=buyer, organisation=request_orgs[0])
        if Listing.objects.filter(is_demo=True).exists():
            return "exchange demo already present"
        fields = {f.code: f for f in Field.objects.all()}
        modes = {m.code: m for m in TransferMode.objects.all()}
        rng = random.Random(seed)
        now = timezone.now()
        created = []
        for i, row in enumerate(listing_rows(count, seed)):
            org = rng.choice(offers_orgs if row["kind"] == "offer" else request_orgs)
            listing = Listing(
                kind=row["kind"],
                title=row["title"],
                description=row["description"],
                keywords=row["keywords"],
                field=fields[row["field"]],
                trl=row["trl"],
                region=row["region"],
                organisation=org,
                status=Listing.Status.PUBLISHED,
                published_at=now - timezone.timedelta(hours=i * 7),
                valid_from=(now - timezone.timedelta(days=30)).date(),
                valid_until=(now + timezone.timedelta(days=365)).date(),
                price_negotiable=rng.random() < 0.7,
                is_demo=True,
                created_by=member if org == offers_orgs[0] else None,
            )
            listing.fill_keys()
            listing.mode_mask = mode_mask(modes[code].pk for code in row["transfer_modes"])
            created.append((listing, row["transfer_modes"]))
        Listing.objects.bulk_create([listing for listing, _m in created])
        Through = Listing.transfer_modes.through
        Through.objects.bulk_create(
            [Through(listing_id=l.pk, transfermode_id=modes[c].pk) for l, codes in created for c in codes]  # noqa: E741
        )
        matching.index_rebuild()
        match_batch.lists_rebuild()
    return f"{count} listings, moderator sangiaodich, members vientruong and doanhnghiep"
