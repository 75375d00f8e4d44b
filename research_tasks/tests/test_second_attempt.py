"""Selection re-opens after a council found no passing dossier: a new call (or a direct
assignment) is a second attempt with its own dossiers and its own council; it is refused once a
dossier has passed."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from research_tasks import services
from research_tasks.models import Council, Dossier, ResearchTask, SelectionCall

from .conftest import COUNCIL, GOOD, MEETING, pdf

WEAK = {"overview": "6", "content": "14", "products": "10", "application": "7", "capacity": "8", "budget": "5"}


def _without_result(flow):
    flow.evaluating(pis=("an", "binh"))
    flow.all_score("an", WEAK)
    flow.all_score("binh", WEAK)
    services.council_decide(council=flow.council, actor=flow.secretariat)
    flow.task.refresh_from_db()
    assert flow.task.stage == ResearchTask.Stage.NO_RESULT
    return flow


def _call_again(flow, **kwargs):
    now = timezone.now()
    return services.selection_call_open(
        task=flow.task,
        actor=flow.secretariat,
        title="Thông báo tuyển chọn lần 2",
        opens_at=now - datetime.timedelta(hours=1),
        closes_at=now + datetime.timedelta(days=5),
        **kwargs,
    )


def test_a_new_call_after_no_passing_dossier_leads_to_a_second_council(flow, people):
    _without_result(flow)
    first_council = flow.council
    flow.call = _call_again(flow)
    flow.task.refresh_from_db()
    assert (flow.task.stage, flow.task.selection_attempt) == (ResearchTask.Stage.CALLING, 2)

    # Bình files again for the new call (her first dossier stays, not selected); An does not.
    second = flow.dossier("binh")
    assert (second.attempt, second.call, second.status) == (2, flow.call, "submitted")
    flow.close_call().checked("binh")
    council = services.council_form(
        task=flow.task,
        actor=flow.secretariat,
        kind="selection",
        name="Hội đồng tuyển chọn lần 2",
        meeting_date=MEETING + datetime.timedelta(days=60),
        members=[(people[name], role) for name, role in COUNCIL],
    )
    assert council.attempt == 2
    # The second council scores only the second attempt's dossiers.
    assert [d.pk for d in council.task.dossiers.filter(attempt=2)] == [second.pk]
    flow.council = council
    flow.all_score("binh", GOOD)
    services.council_decide(council=council, actor=flow.secretariat)
    flow.task.refresh_from_db()
    assert (flow.task.stage, flow.task.pi, flow.task.host.slug) == ("approved", people["binh"], "vnu")
    first_council.refresh_from_db()
    assert first_council.status == Council.Status.DECIDED
    statuses = sorted(Dossier.objects.filter(task=flow.task).values_list("attempt", "pi__full_name", "status"))
    assert statuses == [
        (1, "Nguyễn Văn An", "not_selected"),
        (1, "Trần Thị Bình", "not_selected"),
        (2, "Trần Thị Bình", "selected"),
    ]


def test_a_council_of_the_first_attempt_cannot_be_formed_twice(flow, people):
    _without_result(flow)
    with pytest.raises(ValidationError, match="hội đồng đã được thành lập|chưa ở giai đoạn"):
        services.council_form(
            task=flow.task,
            actor=flow.secretariat,
            kind="selection",
            name="Hội đồng lặp",
            meeting_date=MEETING,
            members=[(people[name], role) for name, role in COUNCIL],
        )
    assert flow.task.councils.count() == 1


def test_a_direct_assignment_after_no_passing_dossier_is_a_second_attempt(flow, people):
    _without_result(flow)
    dossier = services.task_assign_directly(task=flow.task, actor=flow.secretariat, pi=people["an"])
    flow.task.refresh_from_db()
    assert (flow.task.mode, flow.task.selection_attempt, dossier.attempt, dossier.call) == ("direct", 2, 2, None)
    services.dossier_update(
        dossier=dossier, actor=people["an"].user, summary="S", approach="A", products="P", budget_requested="900"
    )
    services.dossier_attach(dossier=dossier, actor=people["an"].user, kind="proposal", file=pdf())
    services.dossier_submit(dossier=dossier, actor=people["an"].user)
    flow.dossiers["an"] = services.dossier_check(dossier=dossier, actor=flow.secretariat, valid=True)
    flow.council = services.council_form(
        task=flow.task,
        actor=flow.secretariat,
        kind="selection",
        name="Hội đồng giao trực tiếp",
        meeting_date=MEETING + datetime.timedelta(days=30),
        members=[(people[name], role) for name, role in COUNCIL],
    )
    flow.all_score("an", GOOD)
    services.council_decide(council=flow.council, actor=flow.secretariat)
    flow.task.refresh_from_db()
    assert (flow.task.stage, flow.task.pi) == ("approved", people["an"])


def test_selection_is_not_reopened_once_a_dossier_passed(flow, people):
    flow.approved()
    with pytest.raises(ValidationError, match="đã được hội đồng chọn"):
        _call_again(flow)
    with pytest.raises(ValidationError, match="đã được hội đồng chọn"):
        services.task_assign_directly(task=flow.task, actor=flow.secretariat, pi=people["binh"])
    flow.task.refresh_from_db()
    assert (flow.task.stage, flow.task.selection_attempt, flow.task.mode) == ("approved", 1, "selection")
    assert SelectionCall.objects.filter(task=flow.task).count() == 1


def test_the_secretariat_reopens_selection_from_the_task_page(client, flow, reporter_other):
    _without_result(flow)
    url = f"/research-tasks/tasks/{flow.task.pk}/"
    client.force_login(flow.secretariat)
    page = client.get(url).content.decode()
    assert "Mở tuyển chọn lần 2" in page
    now = timezone.localtime()
    form = {
        "title": "Thông báo tuyển chọn lần 2",
        "opens_at": now.strftime("%Y-%m-%dT%H:%M"),
        "closes_at": (now + datetime.timedelta(days=10)).strftime("%Y-%m-%dT%H:%M"),
    }
    client.force_login(reporter_other)
    assert client.post(f"{url}call/", form).status_code == 403
    client.force_login(flow.secretariat)
    assert client.post(f"{url}call/", form).status_code == 302
    flow.task.refresh_from_db()
    assert (flow.task.stage, flow.task.selection_attempt) == ("calling", 2)


def test_the_task_page_refuses_to_reopen_after_a_dossier_passed(client, flow):
    flow.approved()
    client.force_login(flow.secretariat)
    now = timezone.localtime()
    response = client.post(
        f"/research-tasks/tasks/{flow.task.pk}/call/",
        {
            "title": "Lại",
            "opens_at": now.strftime("%Y-%m-%dT%H:%M"),
            "closes_at": (now + datetime.timedelta(days=10)).strftime("%Y-%m-%dT%H:%M"),
        },
    )
    assert response.status_code == 400
    assert "đã được hội đồng chọn" in response.content.decode()
    assert SelectionCall.objects.filter(task=flow.task).count() == 1
