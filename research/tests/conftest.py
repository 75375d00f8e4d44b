"""Fixtures of the research database: two organisations, researchers with and without accounts."""

from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"


@pytest.fixture
def read_data():
    return lambda name: (DATA / name).read_bytes()


@pytest.fixture
def hust(db):
    from research.models import Organisation

    return Organisation.objects.create(
        name="Đại học Bách khoa Hà Nội", short_name="HUST", slug="hust", kind="university"
    )


@pytest.fixture
def vast(db):
    from research.models import Organisation

    return Organisation.objects.create(
        name="Viện Hàn lâm Khoa học và Công nghệ Việt Nam", short_name="VAST", slug="vast", kind="institute"
    )


def _user(username, **extra):
    from accounts.models import User

    return User.objects.create_user(username=username, password="pass-12345", **extra)


@pytest.fixture
def researcher_an(hust):
    """Nguyễn Văn An of HUST, who signs in as "an"; ORCID 0000-0002-1825-0097."""
    from research.models import Researcher

    return Researcher.objects.create(
        full_name="Nguyễn Văn An", orcid="0000-0002-1825-0097", organisation=hust, user=_user("an"), title="PGS.TS."
    )


@pytest.fixture
def researcher_binh(hust):
    """Trần Thị Bình of HUST, who signs in as "binh"."""
    from research.models import Researcher

    return Researcher.objects.create(full_name="Trần Thị Bình", organisation=hust, user=_user("binh"))


@pytest.fixture
def researcher_cuong(vast):
    """Lê Văn Cường of VAST, without an account."""
    from research.models import Researcher

    return Researcher.objects.create(full_name="Lê Văn Cường", organisation=vast)


@pytest.fixture
def staff(db):
    return _user("staff", is_staff=True)


@pytest.fixture
def make_output(db):
    from research.models import Authorship, Output

    def make(title, *, year=2022, authors=(), kind="article", **fields):
        output = Output.objects.create(
            title=title, year=year, kind=kind, authors_text="; ".join(a.full_name for a in authors), **fields
        )
        for position, person in enumerate(authors, start=1):
            Authorship.objects.create(output=output, researcher=person, position=position)
        orgs = {a.organisation for a in authors if a.organisation}
        output.organisations.set(orgs)
        return output

    return make
