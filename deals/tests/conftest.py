import pytest

from exchange.tests.conftest import *  # noqa: F403  (fixtures shared with the exchange's tests)


@pytest.fixture
def outsider(reference):
    """A signed-in user who is party to nothing."""
    from accounts.models import User

    return User.objects.create_user(username="outsider", password="pass-12345", email="outsider@example.vn")


@pytest.fixture
def deal(published, member_other, django_capture_on_commit_callbacks):
    """The enterprise's member is interested in the university's offer."""
    from deals import services

    with django_capture_on_commit_callbacks(execute=True):
        return services.deal_express_interest(
            listing=published["offer"],
            actor=member_other,
            organisation=member_other.exchange_memberships.get().organisation,
            message="Công ty chúng tôi muốn mua li-xăng công nghệ MBR cho khu công nghiệp.",
        )
