"""Who may change what in the research database. Every rule has a test for the wrong user.

- everyone reads organisations, researchers and outputs;
- a researcher edits their own profile, and the outputs they are an author of;
- a signed-in user with a researcher profile adds and imports outputs as their own;
- staff (and superusers) edit everything; staff and the secretariat of any programme import
  publications for any organisation.
"""

from django.core.exceptions import PermissionDenied


def _is_staff(user) -> bool:
    return bool(user.is_authenticated and (user.is_staff or user.is_superuser))


def can_edit_researcher(user, researcher) -> bool:
    return _is_staff(user) or (user.is_authenticated and researcher.user_id == user.pk)


def can_edit_output(user, output) -> bool:
    if _is_staff(user):
        return True
    return user.is_authenticated and output.authorships.filter(researcher__user=user).exists()


def can_import_for_any_organisation(user) -> bool:
    return _is_staff(user) or (user.is_authenticated and user.secretariat_of.exists())


def require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied
