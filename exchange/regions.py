"""Provinces and centrally run cities (34 since 1 July 2025, Resolution 202/2025/QH15)."""

from django.utils.translation import gettext_lazy as _

PROVINCES = [
    ("ha-noi", _("Hà Nội")),
    ("hue", _("Huế")),
    ("hai-phong", _("Hải Phòng")),
    ("da-nang", _("Đà Nẵng")),
    ("ho-chi-minh", _("TP. Hồ Chí Minh")),
    ("can-tho", _("Cần Thơ")),
    ("lai-chau", _("Lai Châu")),
    ("dien-bien", _("Điện Biên")),
    ("son-la", _("Sơn La")),
    ("lang-son", _("Lạng Sơn")),
    ("quang-ninh", _("Quảng Ninh")),
    ("thanh-hoa", _("Thanh Hóa")),
    ("nghe-an", _("Nghệ An")),
    ("ha-tinh", _("Hà Tĩnh")),
    ("cao-bang", _("Cao Bằng")),
    ("tuyen-quang", _("Tuyên Quang")),
    ("lao-cai", _("Lào Cai")),
    ("thai-nguyen", _("Thái Nguyên")),
    ("phu-tho", _("Phú Thọ")),
    ("bac-ninh", _("Bắc Ninh")),
    ("hung-yen", _("Hưng Yên")),
    ("ninh-binh", _("Ninh Bình")),
    ("quang-tri", _("Quảng Trị")),
    ("quang-ngai", _("Quảng Ngãi")),
    ("gia-lai", _("Gia Lai")),
    ("khanh-hoa", _("Khánh Hòa")),
    ("lam-dong", _("Lâm Đồng")),
    ("dak-lak", _("Đắk Lắk")),
    ("dong-nai", _("Đồng Nai")),
    ("tay-ninh", _("Tây Ninh")),
    ("vinh-long", _("Vĩnh Long")),
    ("dong-thap", _("Đồng Tháp")),
    ("ca-mau", _("Cà Mau")),
    ("an-giang", _("An Giang")),
]
# Name by code; the names stay lazy, translated when shown.
REGION_NAMES = dict(PROVINCES)
