"""Who may see and do what with S&T tasks. Every rule has a test for the wrong user.

- the secretariat (anyone on a programme's secretariat, and administrators) runs the process:
  order calls, lists, selection calls, administrative checks, councils, contracts, decisions;
- a user with an agency proposes needs in an open order call and sees only its agency's proposals;
- a user with a researcher profile registers dossiers as PI; an organisation (its researchers)
  sees only its own dossiers, contracts and reports;
- a council member sees only the dossiers of their council, and never one they declared a
  conflict with (not even as a researcher of its organisation); scores stay blind until every
  member without a conflict has scored;
- a PI sees no council score before the council's decision;
- tasks, selection calls, rule sets and the programme feed are public.
"""

from django.core.exceptions import PermissionDenied


def require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied


def is_task_secretariat(user) -> bool:
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    cached = getattr(user, "_rt_secretariat", None)
    if cached is None:
        cached = user._rt_secretariat = user.secretariat_of.exists()
    return cached


def researcher_of(user):
    """The signed-in user's researcher profile (read once per request), or None."""
    if not user.is_authenticated:
        return None
    if not hasattr(user, "_rt_researcher"):
        from research.models import Researcher

        user._rt_researcher = Researcher.objects.select_related("organisation").filter(user=user).first()
    return user._rt_researcher


def can_propose(user) -> bool:
    return bool(user.is_authenticated and user.agency_id)


def can_see_proposal(user, proposal) -> bool:
    return is_task_secretariat(user) or bool(user.is_authenticated and user.agency_id == proposal.agency_id)


def is_pi(user, dossier_or_task) -> bool:
    researcher = researcher_of(user)
    return bool(researcher and dossier_or_task.pi_id == researcher.pk)


def is_own_dossier(user, dossier) -> bool:
    """The PI, or a researcher of the dossier's organisation."""
    researcher = researcher_of(user)
    if researcher is None:
        return False
    return researcher.pk == dossier.pi_id or (
        researcher.organisation_id is not None and researcher.organisation_id == dossier.organisation_id
    )


def council_seat(user, council):
    """The user's seat on the council, or None."""
    researcher = researcher_of(user)
    if researcher is None:
        return None
    return council.members.filter(researcher=researcher).first()


def can_see_council(user, council) -> bool:
    return is_task_secretariat(user) or council_seat(user, council) is not None


def member_may_read(seat, dossier) -> bool:
    """A member reads a dossier of their council once they declared no conflict with it."""
    council = seat.council if seat is not None else None
    if council is None or (dossier.task_id, dossier.kind, dossier.attempt) != (
        council.task_id,
        council.dossier_kind,
        council.attempt,
    ):
        return False
    return seat.declarations.filter(dossier=dossier, has_conflict=False).exists()


def member_has_conflict(seat, dossier) -> bool:
    return seat.declarations.filter(dossier=dossier, has_conflict=True).exists()


def declared_conflict(user, dossier) -> bool:
    researcher = researcher_of(user)
    return bool(researcher and dossier.declarations.filter(member__researcher=researcher, has_conflict=True).exists())


def can_see_dossier(user, dossier) -> bool:
    """The secretariat, and the dossier's organisation, except a colleague who declared a
    conflict with it as a council member: that dossier is closed to them everywhere.
    Council members read the dossiers of their council through the council's pages."""
    if is_task_secretariat(user):
        return True
    return is_own_dossier(user, dossier) and not declared_conflict(user, dossier)


def can_see_contract(user, contract) -> bool:
    if is_task_secretariat(user):
        return True
    researcher = researcher_of(user)
    task = contract.task
    return bool(
        researcher
        and (researcher.pk == task.pi_id or (researcher.organisation_id and researcher.organisation_id == task.host_id))
    )


def can_report_on(user, task) -> bool:
    """The PI writes the task's progress reports, change requests and acceptance dossier."""
    return is_pi(user, task)


def can_record_results(user, task) -> bool:
    """Outputs and applications are registered by the PI or the secretariat."""
    return is_task_secretariat(user) or is_pi(user, task)
