"""Reference data: the S&T field classification (QĐ 12/2008/QĐ-BKHCN, levels 1 and 2), the
transfer modes, the moderators' group; on PostgreSQL the search indexes."""

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector
from django.db import migrations

FIELDS = [
    ("1", "Khoa học tự nhiên", "Natural sciences", [
        ("101", "Toán học và thống kê", "Mathematics and statistics"),
        ("102", "Khoa học máy tính và thông tin", "Computer and information sciences"),
        ("103", "Vật lý", "Physical sciences"),
        ("104", "Hóa học", "Chemical sciences"),
        ("105", "Các khoa học trái đất và môi trường liên quan", "Earth and related environmental sciences"),
        ("106", "Sinh học", "Biological sciences"),
        ("199", "Khoa học tự nhiên khác", "Other natural sciences"),
    ]),
    ("2", "Khoa học kỹ thuật và công nghệ", "Engineering and technology", [
        ("201", "Kỹ thuật dân dụng", "Civil engineering"),
        ("202", "Kỹ thuật điện, kỹ thuật điện tử, kỹ thuật thông tin", "Electrical, electronic and information engineering"),
        ("203", "Kỹ thuật cơ khí", "Mechanical engineering"),
        ("204", "Kỹ thuật hóa học", "Chemical engineering"),
        ("205", "Kỹ thuật vật liệu và luyện kim", "Materials engineering and metallurgy"),
        ("206", "Kỹ thuật y học", "Medical engineering"),
        ("207", "Kỹ thuật môi trường", "Environmental engineering"),
        ("208", "Công nghệ sinh học môi trường", "Environmental biotechnology"),
        ("209", "Công nghệ sinh học công nghiệp", "Industrial biotechnology"),
        ("210", "Công nghệ nano", "Nanotechnology"),
        ("211", "Kỹ thuật thực phẩm và đồ uống", "Food and beverage engineering"),
        ("299", "Khoa học kỹ thuật và công nghệ khác", "Other engineering and technologies"),
    ]),
    ("3", "Khoa học y, dược", "Medical and health sciences", [
        ("301", "Y học cơ sở", "Basic medicine"),
        ("302", "Y học lâm sàng", "Clinical medicine"),
        ("303", "Dược học", "Pharmacy"),
        ("304", "Công nghệ sinh học trong y học", "Medical biotechnology"),
        ("305", "Khoa học sức khỏe", "Health sciences"),
        ("399", "Khoa học y, dược khác", "Other medical and health sciences"),
    ]),
    ("4", "Khoa học nông nghiệp", "Agricultural sciences", [
        ("401", "Trồng trọt", "Crop science"),
        ("402", "Chăn nuôi", "Animal husbandry"),
        ("403", "Thú y", "Veterinary science"),
        ("404", "Lâm nghiệp", "Forestry"),
        ("405", "Thủy sản", "Fisheries"),
        ("406", "Công nghệ sinh học trong nông nghiệp", "Agricultural biotechnology"),
        ("499", "Khoa học nông nghiệp khác", "Other agricultural sciences"),
    ]),
    ("5", "Khoa học xã hội", "Social sciences", [
        ("501", "Tâm lý học", "Psychology"),
        ("502", "Kinh tế và kinh doanh", "Economics and business"),
        ("503", "Khoa học giáo dục", "Educational sciences"),
        ("504", "Xã hội học", "Sociology"),
        ("505", "Pháp luật", "Law"),
        ("506", "Khoa học chính trị", "Political science"),
        ("507", "Địa lý kinh tế và xã hội", "Social and economic geography"),
        ("508", "Thông tin đại chúng và truyền thông", "Media and communications"),
        ("599", "Khoa học xã hội khác", "Other social sciences"),
    ]),
    ("6", "Khoa học nhân văn", "Humanities", [
        ("601", "Lịch sử và khảo cổ học", "History and archaeology"),
        ("602", "Ngôn ngữ học và văn học", "Languages and literature"),
        ("603", "Triết học, đạo đức học và tôn giáo", "Philosophy, ethics and religion"),
        ("604", "Nghệ thuật", "Arts"),
        ("699", "Khoa học nhân văn khác", "Other humanities"),
    ]),
]

TRANSFER_MODES = [
    ("licence", "Li-xăng (chuyển quyền sử dụng)", "Licence"),
    ("assignment", "Chuyển nhượng quyền sở hữu", "Assignment"),
    ("joint_venture", "Góp vốn, liên doanh", "Joint venture"),
    ("consulting", "Tư vấn, hỗ trợ kỹ thuật", "Consulting"),
    ("training", "Đào tạo", "Training"),
]

MODERATORS_GROUP = "Điều phối sàn giao dịch công nghệ"
INDEXES = [("search_key", "exchange_listing_search_fts", "fts"), ("title_key", "exchange_listing_title_trgm", "trgm")]


def _index(name, kind, field):
    if kind == "fts":
        return GinIndex(SearchVector(field, config="simple"), name=name)
    return GinIndex(fields=[field], name=name, opclasses=["gin_trgm_ops"])


def load_rows(apps):
    """The rows (also called by tests after a transactional test has emptied the tables)."""
    Field = apps.get_model("exchange", "Field")
    TransferMode = apps.get_model("exchange", "TransferMode")
    for code, name, name_en, children in FIELDS:
        group, _ = Field.objects.update_or_create(code=code, defaults={"name": name, "name_en": name_en})
        for child_code, child_name, child_en in children:
            Field.objects.update_or_create(
                code=child_code, defaults={"name": child_name, "name_en": child_en, "parent": group}
            )
    for order, (code, name, name_en) in enumerate(TRANSFER_MODES):
        TransferMode.objects.update_or_create(code=code, defaults={"name": name, "name_en": name_en, "order": order})

    # The permission rows are created after migrations run; make sure this one exists now.
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    content_type, _ = ContentType.objects.get_or_create(app_label="exchange", model="listing")
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename="moderate_listing",
        defaults={"name": "Duyệt tin trên sàn giao dịch công nghệ"},
    )
    group, _ = Group.objects.get_or_create(name=MODERATORS_GROUP)
    group.permissions.add(permission)


def load(apps, schema_editor):
    load_rows(apps)
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        Listing = apps.get_model("exchange", "Listing")
        for field, name, kind in INDEXES:
            schema_editor.add_index(Listing, _index(name, kind, field))


def unload(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        Listing = apps.get_model("exchange", "Listing")
        for field, name, kind in INDEXES:
            schema_editor.remove_index(Listing, _index(name, kind, field))


class Migration(migrations.Migration):
    dependencies = [
        ("exchange", "0001_initial"),
        ("research", "0002_search_import_demo"),  # pg_trgm
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(load, unload)]
