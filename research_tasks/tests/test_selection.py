"""Selection calls, dossiers, the administrative check and direct assignment."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from research_tasks import services
from research_tasks.models import Dossier, DossierAttachment, ResearchTask

from .conftest import pdf


def test_a_researcher_registers_fills_and_submits_a_dossier(flow):
    flow.calling()
    dossier = flow.dossier("an")
    assert (dossier.status, dossier.organisation.slug, dossier.call) == ("submitted", "hust", flow.call)
    flow.task.refresh_from_db()
    assert flow.task.stage == ResearchTask.Stage.CALLING


def test_a_dossier_after_the_call_closes_is_refused(flow, people):
    flow.calling()
    draft = flow.dossier("an", submit=False)
    flow.close_call()
    with pytest.raises(ValidationError, match="hết hạn nộp hồ sơ"):
        services.dossier_submit(dossier=draft, actor=people["an"].user)
    with pytest.raises(ValidationError, match="hết hạn nộp hồ sơ"):
        services.dossier_update(dossier=draft, actor=people["an"].user, summary="Sửa muộn")
    with pytest.raises(ValidationError, match="hết hạn nộp hồ sơ"):
        services.dossier_register(call=flow.call, actor=people["binh"].user)
    draft.refresh_from_db()
    assert draft.status == "draft" and draft.summary == "Tóm tắt hồ sơ."
    assert not Dossier.objects.filter(pi=people["binh"]).exists()


def test_a_dossier_before_the_call_opens_is_refused(flow, people):
    flow.calling()
    flow.call.opens_at = timezone.now() + datetime.timedelta(days=1)
    flow.call.closes_at = timezone.now() + datetime.timedelta(days=2)
    flow.call.save()
    with pytest.raises(ValidationError, match="chưa mở"):
        services.dossier_register(call=flow.call, actor=people["an"].user)


def test_a_user_without_a_researcher_profile_cannot_register(flow, public):
    flow.calling()
    with pytest.raises(ValidationError, match="hồ sơ nhà khoa học"):
        services.dossier_register(call=flow.call, actor=public)


def test_a_submission_names_every_missing_part(flow, people):
    flow.calling()
    dossier = services.dossier_register(call=flow.call, actor=people["an"].user)
    with pytest.raises(ValidationError) as refused:
        services.dossier_submit(dossier=dossier, actor=people["an"].user)
    assert {"summary", "approach", "products", "budget_requested", "attachments"} <= set(refused.value.message_dict)


def test_a_budget_above_the_ordered_ceiling_is_refused(flow, people):
    flow.calling()
    dossier = services.dossier_register(call=flow.call, actor=people["an"].user)
    with pytest.raises(ValidationError) as refused:
        services.dossier_update(dossier=dossier, actor=people["an"].user, budget_requested="2000")
    assert "budget_requested" in refused.value.message_dict


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [("virus.exe", b"MZ...", "extension"), ("fake.pdf", b"PK\x03\x04not a pdf", "content"), ("big.pdf", None, "size")],
)
def test_an_attachment_of_the_wrong_type_or_size_is_refused(flow, people, settings, name, content, code):
    flow.calling()
    dossier = services.dossier_register(call=flow.call, actor=people["an"].user)
    if content is None:
        settings.EVIDENCE_MAX_BYTES = 10
        content = b"%PDF-1.4 " + b"x" * 20
    with pytest.raises(ValidationError) as refused:
        services.dossier_attach(
            dossier=dossier, actor=people["an"].user, kind="proposal", file=SimpleUploadedFile(name, content)
        )
    assert "file" in refused.value.message_dict
    assert not DossierAttachment.objects.exists()


def test_the_check_waits_for_the_close_and_an_invalid_dossier_needs_reasons(flow, secretariat):
    flow.calling()
    dossier = flow.dossier("an")
    with pytest.raises(ValidationError, match="sau khi hết hạn"):
        services.dossier_check(dossier=dossier, actor=secretariat, valid=True)
    flow.close_call()
    with pytest.raises(ValidationError) as refused:
        services.dossier_check(dossier=dossier, actor=secretariat, valid=False)
    assert "reasons" in refused.value.message_dict
    dossier = services.dossier_check(dossier=dossier, actor=secretariat, valid=False, reasons="Thiếu xác nhận")
    assert (dossier.status, dossier.check_reasons) == ("invalid", "Thiếu xác nhận")


def test_direct_assignment_skips_the_call(flow, secretariat, people):
    flow.ordered()
    dossier = services.task_assign_directly(task=flow.task, actor=secretariat, pi=people["binh"])
    flow.task.refresh_from_db()
    assert (flow.task.mode, flow.task.stage, dossier.call, dossier.organisation.slug) == (
        "direct",
        "calling",
        None,
        "vnu",
    )
    services.dossier_update(
        dossier=dossier, actor=people["binh"].user, summary="S", approach="A", products="P", budget_requested="900"
    )
    services.dossier_attach(dossier=dossier, actor=people["binh"].user, kind="proposal", file=pdf())
    services.dossier_submit(dossier=dossier, actor=people["binh"].user)
    # No call, so no closing time: the check happens as soon as it is submitted.
    assert services.dossier_check(dossier=dossier, actor=secretariat, valid=True).status == "valid"


def test_a_task_with_dossiers_cannot_be_called_or_assigned_again(flow, secretariat, people):
    flow.calling()
    with pytest.raises(ValidationError):
        services.task_assign_directly(task=flow.task, actor=secretariat, pi=people["binh"])
    now = timezone.now()
    with pytest.raises(ValidationError):
        services.selection_call_open(
            task=flow.task, actor=secretariat, title="Lại", opens_at=now, closes_at=now + datetime.timedelta(days=1)
        )


def test_a_call_that_closes_before_it_opens_is_refused(flow, secretariat):
    flow.ordered()
    now = timezone.now()
    with pytest.raises(ValidationError) as refused:
        services.selection_call_open(task=flow.task, actor=secretariat, title="X", opens_at=now, closes_at=now)
    assert "closes_at" in refused.value.message_dict
