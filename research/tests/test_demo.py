"""The demo data set: realistic, valid, marked as demo, replaceable."""

import pytest

from research.demo import generate, load_research_demo
from research.models import Organisation, Output, Researcher
from research.search import search_outputs
from research.validators import validate_doi, validate_orcid

pytestmark = pytest.mark.django_db


def test_the_demo_data_set_is_marked_valid_and_searchable():
    counts = load_research_demo(seed=1)

    assert counts["organisations"] == 21 and counts["researchers"] == 300 and counts["outputs"] == 3040
    assert Output.objects.filter(is_demo=False).count() == 0
    assert Researcher.objects.filter(is_demo=False).count() == 0
    assert Organisation.objects.get(slug="hust").name == "Đại học Bách khoa Hà Nội"
    orcids = list(Researcher.objects.exclude(orcid=None).values_list("orcid", flat=True))
    assert len(orcids) > 50
    for orcid in orcids:
        validate_orcid(orcid)
        assert orcid.startswith("0000-0000-")  # outside the blocks ORCID issues
    dois = list(Output.objects.exclude(doi=None).values_list("doi", flat=True))
    assert len(dois) > 1000 and all(doi.startswith("10.99999/demo.") for doi in dois)
    for doi in dois[:100]:
        validate_doi(doi)
    assert Output.objects.filter(kind__in=["patent", "utility_solution"]).count() == 40
    assert search_outputs("nghien cuu ha noi").exists()
    assert Output.objects.filter(researchers=None).count() == 0


def test_loading_again_replaces_the_demo_rows_and_keeps_real_ones(make_output):
    real = make_output("Bài thật", year=2024)
    generate(seed=3, researchers=20, outputs=50, patents=2)
    first = list(Output.objects.filter(is_demo=True).values_list("title", flat=True).order_by("pk"))
    generate(seed=3, researchers=20, outputs=50, patents=2)

    assert list(Output.objects.filter(is_demo=True).values_list("title", flat=True).order_by("pk")) == first
    assert Output.objects.filter(is_demo=True).count() == 52
    assert Output.objects.filter(pk=real.pk).exists()


def test_an_existing_organisation_is_reused_not_duplicated(hust):
    generate(seed=1, researchers=10, outputs=10, patents=0)
    hust.refresh_from_db()
    assert Organisation.objects.filter(slug="hust").count() == 1 and not hust.is_demo
