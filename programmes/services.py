"""Writes and workflows of the programmes domain."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from agencies.models import Agency
from agencies.services import agency_resolve
from core.history import save_with_history

from .models import (
    AssessmentParagraph,
    BaselineFact,
    Footnote,
    ImplementingBody,
    KeyTask,
    KeyTaskCoordinator,
    KeyTaskLead,
    KeyTaskUpdate,
    Milestone,
    Objective,
    Programme,
    Requirement,
    RoadmapPhase,
    SolutionGroup,
    SolutionParagraph,
)

PROGRAMME_FIELDS = [
    "code",
    "title",
    "title_en",
    "issuer",
    "issuer_term",
    "signed_by",
    "signer_title",
    "start_year",
    "end_year",
    "preamble",
    "general_objective",
]


@transaction.atomic
def programme_load(*, data: dict) -> Programme:
    """Create or bring up to date a programme from its structured text (see programmes/data).

    Idempotent: records are matched on their natural keys (numbers, codes), so running it
    twice changes nothing, and measurements or task progress already recorded are kept.
    """
    for spec in data.get("agencies", []):
        agency_resolve(**spec)
    info = data["programme"]
    programme, _created = Programme.objects.update_or_create(
        slug=info["slug"], defaults={k: info.get(k, "") for k in PROGRAMME_FIELDS}
    )
    _load_numbered(programme, Objective, data.get("objectives", []), ["text"])
    _load_numbered(programme, Requirement, data.get("requirements", []), ["text"])
    _load_numbered(programme, Footnote, data.get("footnotes", []), ["text"])
    _load_assessment(programme, data.get("assessment", []))
    _load_baseline_facts(programme, data.get("baseline_facts", []))
    groups = _load_solution_groups(programme, data.get("solution_groups", []))
    _load_bodies(programme, data.get("implementing_bodies", []))
    _load_roadmap(programme, data.get("roadmap", []), data.get("milestones", []))
    for spec in data.get("key_tasks", []):
        _load_key_task(programme, spec, groups)
    return programme


def _load_numbered(programme, model, items, fields):
    for item in items:
        model.objects.update_or_create(
            programme=programme, number=item["number"], defaults={f: item[f] for f in fields}
        )


def _load_assessment(programme, items):
    for order, item in enumerate(items, start=1):
        AssessmentParagraph.objects.update_or_create(
            programme=programme,
            order=order,
            defaults={"section": item["section"], "item_number": item.get("item_number"), "text": item["text"]},
        )


def _load_baseline_facts(programme, items):
    for order, item in enumerate(items, start=1):
        footnote = Footnote.objects.filter(programme=programme, number=item.get("footnote")).first()
        BaselineFact.objects.update_or_create(
            programme=programme,
            order=order,
            defaults={
                "label": item["label"],
                "label_en": item.get("label_en", ""),
                "value": item["value"],
                "unit": item["unit"],
                "period": item["period"],
                "footnote": footnote,
            },
        )


def _load_solution_groups(programme, items) -> dict[int, SolutionGroup]:
    groups = {}
    for item in items:
        group, _created = SolutionGroup.objects.update_or_create(
            programme=programme,
            number=item["number"],
            defaults={"title": item["title"], "title_en": item.get("title_en", "")},
        )
        for order, para in enumerate(item["paragraphs"], start=1):
            SolutionParagraph.objects.update_or_create(
                group=group, order=order, defaults={"text": para["text"], "is_bullet": para.get("bullet", False)}
            )
        groups[group.number] = group
    return groups


def _load_bodies(programme, items):
    for item in items:
        body, _created = ImplementingBody.objects.update_or_create(
            programme=programme,
            number=item["number"],
            defaults={"title": item["title"], "responsibilities": item["responsibilities"]},
        )
        body.agencies.set([agency_resolve(name=name) for name in item.get("agencies", [])])


def _load_roadmap(programme, phases, milestones) -> None:
    by_order = {}
    for order, item in enumerate(phases, start=1):
        phase, _created = RoadmapPhase.objects.update_or_create(
            programme=programme,
            order=order,
            defaults={
                "label": item["label"],
                "start_year": item["start_year"],
                "end_year": item["end_year"],
                "text": item["text"],
            },
        )
        by_order[order] = phase
    for item in milestones:
        Milestone.objects.update_or_create(
            programme=programme,
            year=item["year"],
            kind=item["kind"],
            defaults={
                "phase": by_order.get(item.get("phase")),
                "title": item["title"],
                "held_on": item.get("held_on"),
                "note": item.get("note", ""),
            },
        )


def _load_key_task(programme, spec, groups):
    task = KeyTask.objects.filter(programme=programme, number=spec["number"]).first()
    if task is None:
        task = KeyTask(programme=programme, number=spec["number"])
    task.title = spec["title"]
    task.start_year = spec["start_year"]
    task.end_year = spec["end_year"]
    task.deadline = task.deadline or datetime.date(spec["end_year"], 12, 31)
    task.solution_group = groups.get(spec.get("solution_group"))
    task._change_reason = _("Nạp từ văn bản chương trình")
    task.save()
    _set_links(task, KeyTaskLead, [agency_resolve(name=n) for n in spec["leads"]])
    _set_links(task, KeyTaskCoordinator, [agency_resolve(name=n) for n in spec.get("coordinators", [])])


def _set_links(task, link_model, agencies: list[Agency]):
    link_model.objects.filter(task=task).exclude(agency__in=agencies).delete()
    for order, agency in enumerate(agencies):
        link_model.objects.update_or_create(task=task, agency=agency, defaults={"order": order})


@transaction.atomic
def key_task_update_record(
    *,
    task: KeyTask,
    actor,
    reported_on: datetime.date,
    status: str,
    progress: int,
    text: str,
    evidence=None,
    is_illustrative: bool = False,
) -> KeyTaskUpdate:
    """Record a dated progress update and carry its status and progress onto the task."""
    # A task past its deadline is still reported on, so only the start of the programme bounds the date.
    if reported_on.year < task.programme.start_year:
        raise ValidationError(
            {
                "reported_on": _("Ngày báo cáo phải nằm trong thời gian thực hiện chương trình (từ năm %(start)s).")
                % {"start": task.programme.start_year}
            }
        )
    if status == KeyTask.Status.NOT_STARTED and progress:
        raise ValidationError({"progress": _("Nhiệm vụ chưa triển khai phải có tiến độ 0%.")})
    if reported_on > timezone.localdate():
        raise ValidationError({"reported_on": _("Ngày báo cáo không được ở tương lai.")})
    update = KeyTaskUpdate(
        task=task,
        reported_on=reported_on,
        status=status,
        progress=progress,
        text=text,
        author=actor if actor and actor.is_authenticated else None,
        is_illustrative=is_illustrative,
    )
    if evidence is not None:
        update.evidence = evidence
    update.full_clean()
    update.save()
    latest = task.updates.order_by("-reported_on", "-id").first()
    if latest.pk == update.pk:
        task.status = status
        task.progress = progress
        reason = _("Cập nhật tiến độ ngày %(date)s") % {"date": reported_on.strftime("%d/%m/%Y")}
        save_with_history(task, actor=actor, reason=reason)
    return update


@transaction.atomic
def key_task_edit(*, task: KeyTask, actor, **fields) -> KeyTask:
    """Change a key task's own fields (secretariat): title, deadline, period, status, progress."""
    lead_agencies = fields.pop("lead_agencies", None)
    coordinating_units = fields.pop("coordinating_units", None)
    for name, value in fields.items():
        setattr(task, name, value)
    _check_task_period(task)
    save_with_history(task, actor=actor, reason=_("Chỉnh sửa nhiệm vụ"))
    if lead_agencies is not None:
        _set_links(task, KeyTaskLead, list(lead_agencies))
    if coordinating_units is not None:
        _set_links(task, KeyTaskCoordinator, list(coordinating_units))
    return task


@transaction.atomic
def key_task_create(*, programme: Programme, actor, lead_agencies, coordinating_units=(), **fields) -> KeyTask:
    """Add a task that the secretariat decides on beyond the appendix."""
    number = (programme.key_tasks.order_by("-number").values_list("number", flat=True).first() or 0) + 1
    task = KeyTask(programme=programme, number=number, **fields)
    if not lead_agencies:
        raise ValidationError({"lead_agencies": _("Cần ít nhất một cơ quan chủ trì.")})
    _check_task_period(task)
    save_with_history(task, actor=actor, reason=_("Thêm nhiệm vụ"))
    _set_links(task, KeyTaskLead, list(lead_agencies))
    _set_links(task, KeyTaskCoordinator, list(coordinating_units))
    return task


def _check_task_period(task: KeyTask) -> None:
    if task.start_year and task.end_year and task.start_year > task.end_year:
        raise ValidationError({"end_year": _("Năm kết thúc phải sau năm bắt đầu.")})
    if task.start_year and not task.programme.contains_year(task.start_year):
        raise ValidationError({"start_year": _("Năm bắt đầu phải nằm trong thời gian của chương trình.")})


@transaction.atomic
def programme_create(*, actor, **fields) -> Programme:
    """Create an empty programme; its creator joins its secretariat."""
    programme = Programme(**fields)
    if programme.start_year and programme.end_year and programme.start_year > programme.end_year:
        raise ValidationError({"end_year": _("Năm kết thúc phải sau năm bắt đầu.")})
    save_with_history(programme, actor=actor, reason=_("Tạo chương trình"))
    programme.secretariat.add(actor)
    return programme


@transaction.atomic
def programme_copy(*, source: Programme, actor, code: str, slug: str, title: str, start_year: int, end_year: int):
    """Start the next phase of a programme: its structure, without measurements or progress."""
    from indicators.services import indicators_copy

    target = programme_create(
        actor=actor,
        code=code,
        slug=slug,
        title=title,
        start_year=start_year,
        end_year=end_year,
        issuer=source.issuer,
        preamble=source.preamble,
        general_objective=source.general_objective,
        previous_phase=source,
    )
    shift = start_year - source.start_year
    for model in (Objective, Requirement):
        model.objects.bulk_create(
            [model(programme=target, number=o.number, text=o.text) for o in model.objects.filter(programme=source)]
        )
    groups = {}
    for group in source.solution_groups.prefetch_related("paragraphs"):
        groups[group.pk] = SolutionGroup.objects.create(
            programme=target, number=group.number, title=group.title, title_en=group.title_en
        )
        SolutionParagraph.objects.bulk_create(
            [
                SolutionParagraph(group=groups[group.pk], order=p.order, text=p.text, is_bullet=p.is_bullet)
                for p in group.paragraphs.all()
            ]
        )
    for body in source.implementing_bodies.prefetch_related("agencies"):
        copy = ImplementingBody.objects.create(
            programme=target, number=body.number, title=body.title, responsibilities=body.responsibilities
        )
        copy.agencies.set(body.agencies.all())
    for task in source.key_tasks.prefetch_related("lead_links", "coordinator_links"):
        copy = KeyTask.objects.create(
            programme=target,
            number=task.number,
            title=task.title,
            solution_group=groups.get(task.solution_group_id),
            start_year=start_year,
            end_year=end_year,
            deadline=datetime.date(end_year, 12, 31),
        )
        _set_links(copy, KeyTaskLead, [link.agency for link in task.lead_links.all()])
        _set_links(copy, KeyTaskCoordinator, [link.agency for link in task.coordinator_links.all()])
    indicators_copy(source=source, target=target, year_shift=shift)
    return target
