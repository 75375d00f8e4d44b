"""The research database offers its counts to the programme's indicators."""

from indicators.models import Indicator, Measurement
from research.models import Organisation, Output


def test_international_publications_are_offered_to_ct7_3_and_recorded_by_the_secretariat(
    client, programme, secretariat
):
    hanoi = Organisation.objects.create(name="Đại học Quốc gia Hà Nội", slug="vnu", in_hanoi=True)
    elsewhere = Organisation.objects.create(name="Đại học Huế", slug="hue", in_hanoi=False)
    for n, org in enumerate([hanoi, hanoi, elsewhere]):
        output = Output.objects.create(
            kind="article", title=f"Bài báo {n}", year=2024, is_international=True, authors_text=f"Tác giả {n}"
        )
        output.organisations.add(org)
    assert Indicator.objects.get(code="CT7.3").feed == "international_publications"

    page = client.get("/p/07-ctr-tu/indicators/CT7.3/").content.decode()
    assert "công bố quốc tế của các tổ chức trên địa bàn Hà Nội" in page

    client.force_login(secretariat)
    assert client.post("/p/07-ctr-tu/indicators/CT7.3/feed/", {"year": 2024}).status_code == 302
    assert Measurement.objects.get(indicator__code="CT7.3", year=2024).value == 2
