"""Who may change what in a programme. Every rule has a test that the wrong user is refused.

- an administrator (superuser) may do everything;
- the secretariat of a programme sees and edits everything of that programme;
- a reporter updates only the key tasks their agency leads and the indicators it answers for;
- everyone else reads the public pages.
"""

from django.core.exceptions import PermissionDenied


def is_secretariat(user, programme) -> bool:
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    return programme.secretariat.filter(pk=user.pk).exists()


def can_report_for_task(user, task) -> bool:
    if is_secretariat(user, task.programme):
        return True
    return bool(user.is_authenticated and user.agency_id) and task.lead_links.filter(agency_id=user.agency_id).exists()


def can_report_for_indicator(user, indicator) -> bool:
    if is_secretariat(user, indicator.programme):
        return True
    return bool(user.is_authenticated and user.agency_id) and indicator.responsible_agency_id == user.agency_id


def require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied


def can_create_programme(user) -> bool:
    """Administrators, and anyone already on a programme's secretariat, may start a programme."""
    if not user.is_authenticated:
        return False
    return user.is_superuser or user.secretariat_of.exists()
