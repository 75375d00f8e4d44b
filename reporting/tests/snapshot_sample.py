"""A realistic frozen snapshot of the final review (tổng kết) of Programme 07-CTr/TU, for tests and demos.

Objectives, solution groups, key tasks and indicators are those of the seed programme
(programmes/data/programme-07-ctr-tu.yaml). Figures marked ``is_illustrative: False`` are those the
press or government sites reported (../shared/data/hanoi_reported_figures.csv, with their source);
every other figure is illustrative (dữ liệu minh họa) and marked so. As in `reporting.snapshots`,
``value_text`` is "–" when an indicator has no figure at the cut-off. Task statuses, progress and the
agencies' narratives are illustrative too.

Use `sample_snapshot()`: it returns a fresh deep copy, so a test may change it freely.
"""

import copy

ILLUSTRATIVE_SOURCE = "Dữ liệu minh họa (không phải số liệu chính thức)"

PROGRAMME = {
    "code": "07-CTr/TU",
    "title": (
        "Đẩy mạnh phát triển khoa học, công nghệ và đổi mới sáng tạo trên địa bàn thành phố Hà Nội "
        "giai đoạn 2021 - 2025"
    ),
    "issuer": "Thành ủy Hà Nội",
    "start_year": 2021,
    "end_year": 2025,
}

OBJECTIVES = [
    {
        "number": 1,
        "text": (
            "Xây dựng thành phố Hà Nội trở thành trung tâm công nghệ cao với tiềm lực nghiên cứu khoa học, "
            "năng lực nghiên cứu, sáng chế và ứng dụng chuyển giao công nghệ dẫn đầu cả nước. Phấn đấu dẫn đầu "
            "cả nước về công bố khoa học quốc tế. Dẫn đầu cả nước về hình thành, phát triển tài sản trí tuệ; "
            "xây dựng và phát triển thương hiệu Hà Nội."
        ),
    },
    {
        "number": 2,
        "text": (
            "Là đầu tàu của cả nước trong việc thúc đẩy, hỗ trợ doanh nghiệp đổi mới sáng tạo, nâng cao năng "
            "suất, chất lượng sản phẩm hàng hóa của doanh nghiệp trên nền tảng đổi mới công nghệ và áp dụng "
            "các hệ thống quản lý, quản trị tiên tiến."
        ),
    },
    {
        "number": 3,
        "text": (
            "Hoàn thiện hệ sinh thái khởi nghiệp đổi mới sáng tạo của Thành phố dẫn đầu cả nước vào năm 2025, "
            "thuộc nhóm dẫn đầu khu vực ASEAN vào năm 2030 và thuộc nhóm dẫn đầu ở châu Á vào năm 2045."
        ),
    },
    {
        "number": 4,
        "text": (
            "Trở thành trung tâm cung ứng đào tạo nguồn nhân lực công nghệ thông tin đáp ứng trình độ quốc tế "
            "hàng đầu cả nước; là một trung tâm phần mềm hàng đầu châu Á."
        ),
    },
    {
        "number": 5,
        "text": (
            "Cơ bản hoàn thành chuyển đổi số trong các cơ quan của hệ thống chính trị Thành phố; xây dựng chính "
            "quyền điện tử, tiến tới chính quyền số; tiếp tục xây dựng Thành phố thông minh."
        ),
    },
]

SOLUTION_GROUPS = [
    {"number": 1, "title": "Tập trung xây dựng và hoàn thiện thể chế", "tasks": [1]},
    {"number": 2, "title": "Phát triển tiềm lực khoa học và công nghệ", "tasks": [3, 4, 7]},
    {
        "number": 3,
        "title": (
            "Đẩy mạnh chuyển giao và ứng dụng công nghệ nhằm nâng cao năng suất, chất lượng và sức cạnh tranh "
            "cho kinh tế Thủ đô"
        ),
        "tasks": [8, 10],
    },
    {
        "number": 4,
        "title": "Tăng cường hoạt động nghiên cứu khoa học và phát triển công nghệ phục vụ phát triển kinh tế - xã hội Thủ đô",
        "tasks": [9, 11],
    },
    {
        "number": 5,
        "title": "Phát triển thị trường khoa học và công nghệ; hệ sinh thái khởi nghiệp đổi mới sáng tạo",
        "tasks": [5, 6, 12],
    },
    {"number": 6, "title": "Tăng cường liên kết, hợp tác và hội nhập", "tasks": [2]},
]


def _indicator(code, name, unit, **fields):
    base = {
        "code": code,
        "name": name,
        "unit": unit,
        "parent": None,
        "is_context": False,
        "baseline": "",
        "baseline_label": "",
        "target": "",
        "target_year": 2025,
        "value": None,
        "value_text": "",
        "period": "",
        "kind": None,
        "status": "no_data",
        "status_label": "Chưa có số liệu",
        "source": "",
        "source_url": "",
        "is_illustrative": False,
        "previous_value_text": None,
    }
    base.update(fields)
    return base


def _context(code, name, unit, parent, **fields):
    return (
        _indicator(
            code, name, unit, parent=parent, is_context=True, target="", target_year=None, status="", status_label=""
        )
        | fields
    )


INDICATORS = [
    _indicator(
        "CT1",
        "Tỷ lệ đóng góp của năng suất các nhân tố tổng hợp (TFP) vào tăng trưởng GRDP",
        "%",
        baseline="46%",
        baseline_label="2016 - 2020",
        target="> 50%",
        value=48.6,
        value_text="48,6%",
        period="2024",
        kind="provisional",
        status="moderate",
        status_label="Tiến bộ vừa phải",
        source=ILLUSTRATIVE_SOURCE,
        is_illustrative=True,
        previous_value_text="47,2%",
    ),
    _context(
        "CT1.1",
        "Tốc độ tăng trưởng GRDP",
        "%",
        "CT1",
        baseline="3,94%",
        baseline_label="2020",
        value=6.52,
        value_text="6,52%",
        period="2024",
        kind="official",
        source="vtcnews.vn",
        source_url="https://vtcnews.vn/dia-phuong-nao-co-quy-mo-kinh-te-lon-nhat-viet-nam-ar926288.html",
        previous_value_text="8,29%",
    ),
    _indicator(
        "CT2",
        "Tốc độ tăng năng suất lao động",
        "%/năm",
        baseline="6,15%",
        baseline_label="2016 - 2020 (bình quân)",
        target="7,0% - 7,5%",
        value=6.8,
        value_text="6,8%",
        period="2024",
        kind="provisional",
        status="substantial",
        status_label="Tiến bộ đáng kể",
        source=ILLUSTRATIVE_SOURCE,
        is_illustrative=True,
        previous_value_text="6,5%",
    ),
    _indicator(
        "CT3",
        "Tỷ lệ sản phẩm nông nghiệp ứng dụng công nghệ cao trên tổng sản phẩm nông nghiệp",
        "%",
        baseline="25%",
        baseline_label="2017",
        target="> 70%",
        value=45,
        value_text="45%",
        period="2024",
        kind="official",
        status="limited",
        status_label="Tiến bộ hạn chế",
        source=ILLUSTRATIVE_SOURCE,
        is_illustrative=True,
        previous_value_text="38%",
    ),
    _indicator(
        "CT4",
        "Tỷ trọng kinh tế số trong GRDP",
        "%",
        target="khoảng 30%",
        value=16.25,
        value_text="16,25%",
        period="2024",
        kind="official",
        status="limited",
        status_label="Tiến bộ hạn chế",
        source="hanoitimes.vn",
        source_url=(
            "https://hanoitimes.vn/hanoi-ready-to-lead-vietnam-s-digital-transformation-with-bold-strategic-"
            "reforms.882294.html"
        ),
    ),
    _indicator(
        "CT5",
        "Tỷ lệ doanh nghiệp có hoạt động đổi mới sáng tạo",
        "%",
        target="> 50%",
        value=42,
        value_text="42%",
        period="2024",
        kind="provisional",
        status="moderate",
        status_label="Tiến bộ vừa phải",
        source=ILLUSTRATIVE_SOURCE,
        is_illustrative=True,
        previous_value_text="36%",
    ),
    _context(
        "CT5.1",
        "Số doanh nghiệp KH&CN được chứng nhận (lũy kế)",
        "doanh nghiệp",
        "CT5",
        baseline="93",
        baseline_label="đến năm 2020",
        value=115,
        value_text="115",
        period="2021",
        kind="official",
        source="khoahocphattrien.vn",
        source_url=(
            "https://khoahocphattrien.vn/su-kien/ha-noi-chiem-15-so-doanh-nghiep-khcn-cua-ca-nuoc/"
            "2022051911204305p1c882.htm"
        ),
    ),
    _indicator(
        "CT6",
        "Tỷ lệ sản phẩm OCOP được hỗ trợ đăng ký bảo hộ, quản lý và phát triển tài sản trí tuệ",
        "%",
        target="≥ 40%",
        value=35,
        value_text="35%",
        period="2024",
        kind="official",
        status="moderate",
        status_label="Tiến bộ vừa phải",
        source=ILLUSTRATIVE_SOURCE,
        is_illustrative=True,
        previous_value_text="22%",
    ),
    _context(
        "CT6.1",
        "Số sản phẩm OCOP đạt từ 3 đến 5 sao (lũy kế)",
        "sản phẩm",
        "CT6",
        value=2167,
        value_text="2.167",
        period="03/2023",
        kind="official",
        source="congthuong.vn",
        source_url=(
            "https://congthuong.vn/infographic-ha-noi-dat-muc-tieu-den-nam-2025-co-them-2000-san-pham-ocop-309324.html"
        ),
    ),
    _context(
        "CT6.2",
        "Số sản phẩm OCOP được công nhận trong năm",
        "sản phẩm",
        "CT6",
        value=518,
        value_text="518",
        period="2022",
        kind="official",
        source="vov.gov.vn",
        source_url="https://vov.gov.vn/ha-noi-cong-bo-518-san-pham-ocop-nam-2022-dtnew-478396",
    ),
    _indicator(
        "CT7",
        "Dẫn đầu cả nước về công bố quốc tế; tốc độ gia tăng đăng ký sáng chế thuộc nhóm dẫn đầu",
        "hạng",
        target="dẫn đầu cả nước",
        value_text="–",
        status="limited",
        status_label="Tiến bộ hạn chế",
    ),
    _indicator(
        "CT7.1",
        "Thứ hạng của Hà Nội trong cả nước về số công bố quốc tế",
        "hạng",
        parent="CT7",
        baseline="2",
        baseline_label="2019",
        target="1",
        value=2,
        value_text="Thứ 2",
        period="2024",
        kind="official",
        status="limited",
        status_label="Tiến bộ hạn chế",
        source=ILLUSTRATIVE_SOURCE,
        is_illustrative=True,
        previous_value_text="Thứ 2",
    ),
    _indicator(
        "CT7.2",
        "Thứ hạng của Hà Nội trong cả nước về tốc độ tăng số đơn đăng ký sáng chế",
        "hạng",
        parent="CT7",
        target="≤ 3",
        value=3,
        value_text="Thứ 3",
        period="2024",
        kind="official",
        status="achieved",
        status_label="Đã đạt mục tiêu",
        source=ILLUSTRATIVE_SOURCE,
        is_illustrative=True,
    ),
    _context(
        "CT7.4",
        "Số đơn đăng ký sở hữu công nghiệp",
        "đơn",
        "CT7",
        value=13663,
        value_text="13.663",
        period="2022",
        kind="official",
        source="Báo chí dẫn báo cáo của Ban Chỉ đạo Chương trình 07-CTr/TU (bản sao thứ cấp)",
    ),
    _context(
        "CT7.5",
        "Số văn bằng bảo hộ sở hữu công nghiệp được cấp",
        "văn bằng",
        "CT7",
        value=10387,
        value_text="10.387",
        period="2022",
        kind="official",
        source="Báo chí dẫn báo cáo của Ban Chỉ đạo Chương trình 07-CTr/TU (bản sao thứ cấp)",
    ),
    _context(
        "CT7.6",
        "Thứ hạng Chỉ số đổi mới sáng tạo cấp địa phương (PII)",
        "hạng",
        "CT7",
        value=1,
        value_text="Thứ 1",
        period="2024",
        kind="official",
        source="vietbao.vn",
        source_url=(
            "https://vietbao.vn/ha-noi-tiep-tuc-la-dia-phuong-co-diem-so-cao-nhat-ve-doi-moi-sang-tao-nam-2024-523051.html"
        ),
        previous_value_text="Thứ 1",
    ),
    _context("CT7.7", "Điểm Chỉ số đổi mới sáng tạo cấp địa phương (PII)", "điểm", "CT7", value_text="–"),
    _indicator(
        "ĐT",
        "Tổng đầu tư cho khoa học, công nghệ và đổi mới sáng tạo so với GRDP",
        "% GRDP",
        target="> 1,0%",
        value=0.8,
        value_text="0,8%",
        period="2023",
        kind="provisional",
        status="limited",
        status_label="Tiến bộ hạn chế",
        source=ILLUSTRATIVE_SOURCE,
        is_illustrative=True,
        previous_value_text="0,7%",
    ),
]

UBND = "Ban cán sự đảng UBND Thành phố"
COORDINATORS = ["Các sở, ban, ngành liên quan của Thành phố"]


def _task(number, title, leads, group, status, progress, narrative, previous=None, coordinators=None):
    labels = {
        "completed": "Hoàn thành",
        "in_progress": "Đang triển khai",
        "behind": "Chậm tiến độ",
        "not_started": "Chưa triển khai",
    }
    previous_status, previous_progress = previous or (None, None)
    return {
        "number": number,
        "title": title,
        "leads": leads,
        "coordinators": coordinators or COORDINATORS,
        "status": status,
        "status_label": labels[status],
        "progress": progress,
        "narrative": narrative,
        "solution_group": group,
        "previous_status_label": labels[previous_status] if previous_status else None,
        "previous_progress": previous_progress,
    }


TASKS = [
    _task(
        1,
        "Chiến lược phát triển khoa học, công nghệ và đổi mới sáng tạo của thành phố Hà Nội đến năm 2030.",
        [UBND, "Sở Khoa học và Công nghệ"],
        1,
        "completed",
        100,
        "Chiến lược đã được UBND Thành phố ban hành; các sở, ngành đã xây dựng kế hoạch triển khai theo lĩnh vực.",
        ("in_progress", 70),
    ),
    _task(
        2,
        "“Mạng lưới sáng kiến Hà Nội” hoạt động theo nguyên tắc khoa học mở, đổi mới sáng tạo mở.",
        [UBND, "Sở Khoa học và Công nghệ"],
        6,
        "in_progress",
        80,
        "Mạng lưới đã kết nối các viện, trường, doanh nghiệp và chuyên gia; đang hoàn thiện nền tảng trực tuyến.\n"
        "Đã tổ chức các diễn đàn tham vấn về những vấn đề quan trọng của Thủ đô.",
        ("in_progress", 50),
        ["Viện Nghiên cứu Phát triển kinh - tế xã hội Hà Nội", "Thành đoàn Hà Nội", "Viện Hàn lâm KH&CN Việt Nam"],
    ),
    _task(
        3,
        "Đề án xây dựng chính quyền số.",
        [UBND, "Sở Nội vụ"],
        2,
        "in_progress",
        85,
        "Hệ thống thông tin giải quyết thủ tục hành chính Thành phố đã kết nối Cổng Dịch vụ công quốc gia.",
        ("in_progress", 60),
        ["Sở Thông tin và Truyền thông"],
    ),
    _task(
        4,
        "Đề án xây dựng thành phố thông minh đến năm 2025, định hướng đến năm 2030.",
        [UBND, "Sở Thông tin và Truyền thông"],
        2,
        "in_progress",
        75,
        "Trung tâm điều hành thông minh đã vận hành giai đoạn 1; một số nền tảng dùng chung đã đưa vào sử dụng.",
        ("in_progress", 45),
    ),
    _task(
        5,
        "Trung tâm Thiết kế sáng tạo Hà Nội.",
        [UBND, "Sở Văn hoá và Thể thao"],
        5,
        "behind",
        40,
        "Chưa bố trí được địa điểm chính thức; đang hoàn thiện phương án tổ chức bộ máy.",
        ("in_progress", 30),
        ["Sở Khoa học và Công nghệ"],
    ),
    _task(
        6,
        "Chương trình hỗ trợ thanh niên Thủ đô khởi nghiệp đổi mới sáng tạo và chuyển đổi số.",
        ["Thành Đoàn Hà Nội"],
        5,
        "completed",
        100,
        "Tổ chức các cuộc thi khởi nghiệp hằng năm; hình thành không gian hỗ trợ khởi nghiệp cho thanh niên.",
        ("in_progress", 65),
        ["Sở Khoa học và Công nghệ", "Sở Kế hoạch và Đầu tư"],
    ),
    _task(
        7,
        "Chương trình đổi mới sáng tạo về chuyển đổi số (bao gồm các nội hàm chuyển đổi số, công viên phần mềm, "
        "trung tâm ứng dụng AI,...).",
        [UBND, "Sở Thông tin và Truyền thông"],
        2,
        "in_progress",
        70,
        "Đã khởi công công viên phần mềm; trung tâm ứng dụng AI đang lựa chọn nhà đầu tư.",
        ("not_started", 0),
    ),
    _task(
        8,
        "Chương trình hỗ trợ doanh nghiệp đổi mới sáng tạo, đổi mới, ứng dụng và chuyển giao công nghệ, chuyển đổi "
        "số, áp dụng tiêu chuẩn, quy chuẩn, hệ thống quản lý, quản trị tiên tiến.",
        [UBND, "Sở Công Thương"],
        3,
        "completed",
        100,
        "Hỗ trợ doanh nghiệp đổi mới công nghệ, áp dụng hệ thống quản lý tiên tiến và các công cụ cải tiến năng suất.",
        ("in_progress", 80),
    ),
    _task(
        9,
        "Chương trình đổi mới sáng tạo trong lĩnh vực nông nghiệp (bao gồm nông nghiệp ứng dụng công nghệ cao, "
        "phát triển giống ứng dụng công nghệ cao, công nghệ sinh học, nuôi trồng thủy sản...).",
        [UBND, "Sở Nông nghiệp và Phát triển nông thôn"],
        4,
        "in_progress",
        65,
        "Hình thành các vùng sản xuất ứng dụng công nghệ cao tại Phú Xuyên, Mỹ Đức, Ứng Hòa.",
        ("in_progress", 50),
        ["Sở Khoa học và Công nghệ", "Huyện Phú Xuyên", "Huyện Mỹ Đức", "Huyện Ứng Hòa"],
    ),
    _task(
        10,
        "Đề án đẩy mạnh chuyển đổi số trong các doanh nghiệp trên địa bàn Thành phố.",
        ["Đảng ủy Khối Doanh nghiệp Hà Nội"],
        3,
        "in_progress",
        60,
        "Đã khảo sát mức độ sẵn sàng chuyển đổi số của doanh nghiệp trong Khối.",
    ),
    _task(
        11,
        "Đề án kết nối, phát huy tiềm năng đội ngũ trí thức, các nhà khoa học của các trường đại học, cao đẳng "
        "trên địa bàn thành phố Hà Nội tham gia phát triển kinh tế - xã hội Thủ đô.",
        ["Đảng ủy Khối các trường đại học, cao đẳng thành phố Hà Nội"],
        4,
        "completed",
        100,
        "Ký kết các chương trình hợp tác giữa các trường đại học với quận, huyện và doanh nghiệp.",
        ("in_progress", 75),
    ),
    _task(
        12,
        "Trung tâm Thiết kế sáng tạo sản phẩm làng nghề Hà Nội.",
        [UBND, "Sở Nông nghiệp và Phát triển nông thôn"],
        5,
        "behind",
        35,
        "Đang hoàn thiện hồ sơ đề án; nguồn lực bố trí chưa đáp ứng yêu cầu.",
        ("behind", 20),
        ["Sở Khoa học và Công nghệ"],
    ),
]


def _agency(name, status, results, shortcomings, proposals):
    labels = {"approved": "Đã duyệt", "submitted": "Đã gửi", "returned": "Trả lại để sửa", "draft": "Đang soạn"}
    return {
        "name": name,
        "status": status,
        "status_label": labels[status],
        "results": results,
        "shortcomings": shortcomings,
        "proposals": proposals,
    }


AGENCIES = [
    _agency(
        "Sở Khoa học và Công nghệ",
        "approved",
        "Tham mưu ban hành Chiến lược phát triển khoa học, công nghệ và đổi mới sáng tạo đến năm 2030; đổi mới "
        "cơ chế quản lý nhiệm vụ KH&CN theo hướng đặt hàng, tuyển chọn.\n"
        "Hỗ trợ hình thành và phát triển doanh nghiệp KH&CN; số doanh nghiệp KH&CN được chứng nhận tăng từ 93 "
        "(năm 2020) lên 115 (năm 2021).",
        "Thị trường KH&CN còn manh mún; các tổ chức trung gian, định giá công nghệ còn ít.",
        "Đề nghị Trung ương cho phép Thành phố thí điểm cơ chế sandbox cho công nghệ mới theo Luật Thủ đô năm 2024.",
    ),
    _agency(
        "Sở Thông tin và Truyền thông",
        "approved",
        "Hạ tầng số được đầu tư đồng bộ; tỷ trọng kinh tế số đạt 16,25% GRDP năm 2024.",
        "Tỷ trọng kinh tế số còn thấp so với mục tiêu khoảng 30% GRDP vào năm 2025.",
        "Bổ sung nguồn lực cho các nền tảng số dùng chung của Thành phố.",
    ),
    _agency(
        "Sở Nông nghiệp và Phát triển nông thôn",
        "approved",
        "Phát triển chuỗi sản xuất nông nghiệp ứng dụng công nghệ cao; hỗ trợ sản phẩm OCOP đăng ký bảo hộ "
        "tài sản trí tuệ.",
        "Tỷ lệ sản phẩm nông nghiệp ứng dụng công nghệ cao còn xa mục tiêu trên 70%.",
        "Có cơ chế hỗ trợ tín dụng cho doanh nghiệp đầu tư nông nghiệp công nghệ cao.",
    ),
    _agency(
        "Sở Công Thương",
        "approved",
        "Hỗ trợ doanh nghiệp đổi mới công nghệ, áp dụng tiêu chuẩn và hệ thống quản lý tiên tiến.",
        "Số doanh nghiệp được hỗ trợ đổi mới công nghệ còn ít so với tổng số doanh nghiệp.",
        "Mở rộng đối tượng hỗ trợ sang doanh nghiệp nhỏ và vừa trong các cụm công nghiệp.",
    ),
    _agency(
        "Sở Kế hoạch và Đầu tư",
        "submitted",
        "Bố trí vốn đầu tư công cho các dự án khoa học, công nghệ và đổi mới sáng tạo trọng điểm.",
        "Tổng đầu tư xã hội cho khoa học, công nghệ và đổi mới sáng tạo chưa đạt 1,0% GRDP.",
        "",
    ),
    _agency(
        "Thành Đoàn Hà Nội",
        "approved",
        "Triển khai Chương trình hỗ trợ thanh niên Thủ đô khởi nghiệp đổi mới sáng tạo và chuyển đổi số.",
        "",
        "Duy trì nguồn kinh phí thường xuyên cho các cuộc thi khởi nghiệp của thanh niên.",
    ),
    _agency(
        "Sở Văn hoá và Thể thao",
        "returned",
        "Xây dựng phương án thành lập Trung tâm Thiết kế sáng tạo Hà Nội.",
        "Chưa bố trí được địa điểm cho Trung tâm Thiết kế sáng tạo Hà Nội.",
        "Đề nghị UBND Thành phố sớm giao địa điểm cho Trung tâm.",
    ),
    _agency("Sở Nội vụ", "draft", "", "", ""),
]

SOURCES = [
    {
        "indicator": ind["code"],
        "period": ind["period"],
        "source": ind["source"],
        "url": ind["source_url"],
        "is_illustrative": ind["is_illustrative"],
    }
    for ind in INDICATORS
    if ind["value"] is not None
] + [
    {
        "indicator": "CT1",
        "period": "2016 - 2020",
        "source": "hanoicapital.chinhphu.vn (số liệu cơ sở)",
        "url": "https://hanoicapital.chinhphu.vn/capital-reaps-economic-achievements",
        "is_illustrative": False,
    }
]

SNAPSHOT = {
    "programme": PROGRAMME,
    "round": {
        "kind": "final",
        "kind_label": "Tổng kết",
        "year": 2025,
        "title": "Tổng kết Chương trình 07-CTr/TU",
        "cutoff": "2025-03-31",
        "frozen_at": "2025-04-01T09:00:00+07:00",
    },
    "objectives": OBJECTIVES,
    "solution_groups": SOLUTION_GROUPS,
    "indicators": INDICATORS,
    "tasks": TASKS,
    "agencies": AGENCIES,
    "sources": SOURCES,
    "previous": {"title": "Sơ kết giữa kỳ 2023", "cutoff": "2023-06-30"},
}


def sample_snapshot() -> dict:
    """A fresh copy of the sample final-review snapshot."""
    return copy.deepcopy(SNAPSHOT)
