"""Who may use an agency's Excel template: its own users, and the programme's secretariat
acting for an agency it chooses (administrators included). Tested for the wrong user."""

from programmes.permissions import is_secretariat


def can_import_for(user, programme, agency) -> bool:
    if not user.is_authenticated:
        return False
    return user.agency_id == agency.pk or is_secretariat(user, programme)
