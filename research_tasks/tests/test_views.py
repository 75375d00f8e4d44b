"""Pages: who may see and do what (every rule tested for the wrong user), bad input answered
with a message and status 400 with nothing written, and fixed query counts."""

import datetime
import io

import docx
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from research.models import Output
from research_tasks.models import Contract, Dossier, OrderCall, OrderProposal, ScoreSheet
from research_tasks.selectors import council_results

from .conftest import GOOD

PDF = b"%PDF-1.4\n"


def login(client, user):
    client.force_login(user)
    return client


# Public pages ---------------------------------------------------------------------------------


def test_the_public_pages_answer_everyone(client, flow):
    flow.calling()
    for url in (
        "/research-tasks/",
        "/research-tasks/tasks/",
        "/research-tasks/tasks/?stage=calling&year=abc",
        f"/research-tasks/tasks/{flow.task.pk}/",
        "/research-tasks/calls/",
        f"/research-tasks/calls/{flow.call.pk}/",
        "/research-tasks/rules/",
        "/research-tasks/feed/?year=2025",
        "/research-tasks/feed/patent_filings/2025/",
        "/research-tasks/feed/applied_share/2025/",
    ):
        assert client.get(url).status_code == 200, url
    assert client.get("/research-tasks/feed/unknown/2025/").status_code == 404


def test_the_top_navigation_links_to_the_module(client, db):
    page = client.get("/research/").content.decode()
    assert 'href="/research-tasks/">Nhiệm vụ KH&CN</a>' in page


def test_the_feed_page_links_each_figure_to_its_records(client, flow):
    Output.objects.create(kind="patent", title="Sáng chế lọc nước", year=2025)
    page = client.get("/research-tasks/feed/?year=2025").content.decode()
    assert "/research-tasks/feed/patent_filings/2025/" in page
    records = client.get("/research-tasks/feed/patent_filings/2025/").content.decode()
    assert "Sáng chế lọc nước" in records


# Ordering ------------------------------------------------------------------------------------------


def _open_call(client, secretariat):
    login(client, secretariat)
    data = {"title": "Đặt hàng 2026", "year": 2026, "deadline": "2099-12-31", "description": ""}
    assert client.post("/research-tasks/orders/", data).status_code == 302
    return OrderCall.objects.get()


NEED = {
    "title": "Giảm ùn tắc giao thông",
    "kind": "topic",
    "field": "Giao thông",
    "objectives": "Giảm 20% thời gian chờ.",
    "expected_results": "Mô hình điều khiển đèn.",
    "funding_ceiling": "2.000",
    "period_months": 24,
}


def test_only_the_secretariat_opens_an_order_call(client, secretariat, reporter_sokhcn, public):
    login(client, reporter_sokhcn)
    assert (
        client.post("/research-tasks/orders/", {"title": "X", "year": 2026, "deadline": "2099-01-01"}).status_code
        == 403
    )
    login(client, public)
    assert client.get("/research-tasks/orders/").status_code == 403
    login(client, secretariat)
    assert client.post("/research-tasks/orders/", {"title": "X", "year": 2026}).status_code == 400
    assert not OrderCall.objects.exists()


def test_an_agency_proposes_and_sees_only_its_own_proposals(client, secretariat, reporter_sokhcn, reporter_other):
    call = _open_call(client, secretariat)
    login(client, reporter_sokhcn)
    assert client.post(f"/research-tasks/orders/{call.pk}/propose/", NEED).status_code == 302
    assert (
        client.post(f"/research-tasks/orders/{call.pk}/propose/", {**NEED, "funding_ceiling": "hai tỷ"}).status_code
        == 400
    )
    assert OrderProposal.objects.count() == 1
    login(client, reporter_other)
    page = client.get(f"/research-tasks/orders/{call.pk}/").content.decode()
    assert "Giảm ùn tắc giao thông" not in page
    login(client, secretariat)
    assert "Giảm ùn tắc giao thông" in client.get(f"/research-tasks/orders/{call.pk}/").content.decode()


def test_an_agency_cannot_consolidate_or_approve(client, secretariat, reporter_sokhcn):
    call = _open_call(client, secretariat)
    login(client, reporter_sokhcn)
    client.post(f"/research-tasks/orders/{call.pk}/propose/", NEED)
    proposal = OrderProposal.objects.get()
    for url, data in (
        (f"/research-tasks/orders/{call.pk}/proposals/{proposal.pk}/include/", {"mode": "selection"}),
        (f"/research-tasks/orders/{call.pk}/proposals/{proposal.pk}/decline/", {"reason": "x"}),
        (f"/research-tasks/orders/{call.pk}/merge/", {"keep": proposal.pk, "merged": [proposal.pk]}),
        (f"/research-tasks/orders/{call.pk}/approve/", {"decision": "QĐ"}),
    ):
        assert client.post(url, data).status_code == 403, url
    login(client, secretariat)
    include = f"/research-tasks/orders/{call.pk}/proposals/{proposal.pk}/include/"
    assert client.post(include, {"mode": "selection"}).status_code == 302
    assert client.post(f"/research-tasks/orders/{call.pk}/approve/", {"decision": ""}).status_code == 400
    assert client.post(f"/research-tasks/orders/{call.pk}/approve/", {"decision": "QĐ 9"}).status_code == 302


# Dossiers ---------------------------------------------------------------------------------------


def test_a_researcher_registers_and_only_their_organisation_sees_the_dossier(client, flow, people, orgs, public):
    flow.calling()
    login(client, people["an"].user)
    response = client.post(f"/research-tasks/calls/{flow.call.pk}/register/")
    dossier = Dossier.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/research-tasks/dossiers/{dossier.pk}/"
    assert client.get(response["Location"]).status_code == 200
    people["uv1"].organisation = orgs["hust"]
    people["uv1"].save()
    login(client, people["uv1"].user)  # same organisation: reads, cannot edit
    assert client.get(f"/research-tasks/dossiers/{dossier.pk}/").status_code == 200
    assert client.post(f"/research-tasks/dossiers/{dossier.pk}/save/", {"title": "x"}).status_code == 403
    for user in (people["binh"].user, public):  # another organisation, or no researcher profile
        login(client, user)
        assert client.get(f"/research-tasks/dossiers/{dossier.pk}/").status_code == 403
        assert dossier.title not in client.get("/research-tasks/dossiers/").content.decode()


def test_a_dossier_submitted_after_the_close_is_refused_with_400(client, flow, people):
    flow.calling()
    dossier = flow.dossier("an", submit=False)
    flow.close_call()
    login(client, people["an"].user)
    response = client.post(f"/research-tasks/dossiers/{dossier.pk}/submit/")
    assert response.status_code == 400 and "hết hạn nộp hồ sơ" in response.content.decode()
    assert Dossier.objects.get().status == "draft"


def test_a_renamed_file_is_refused_with_400(client, flow, people):
    from django.core.files.uploadedfile import SimpleUploadedFile

    flow.calling()
    dossier = flow.dossier("an", submit=False)
    login(client, people["an"].user)
    fake = SimpleUploadedFile("thuyet-minh.pdf", b"MZ not a pdf")
    response = client.post(f"/research-tasks/dossiers/{dossier.pk}/attach/", {"kind": "proposal", "file": fake})
    assert response.status_code == 400 and "Nội dung tệp không đúng định dạng" in response.content.decode()
    assert dossier.attachments.count() == 1  # the one the flow attached


def test_only_the_secretariat_checks_a_dossier(client, flow, people):
    flow.calling()
    dossier = flow.dossier("an")
    flow.close_call()
    login(client, people["an"].user)
    assert client.post(f"/research-tasks/dossiers/{dossier.pk}/check/", {"decision": "valid"}).status_code == 403
    login(client, flow.secretariat)
    assert client.post(f"/research-tasks/dossiers/{dossier.pk}/check/", {"decision": "invalid"}).status_code == 400
    assert client.post(f"/research-tasks/dossiers/{dossier.pk}/check/", {"decision": "valid"}).status_code == 302
    assert Dossier.objects.get().status == "valid"


# Councils: conflicts, blind scores, the PI --------------------------------------------------------


def test_a_researcher_outside_the_council_sees_nothing_of_it(client, flow):
    flow.evaluating()
    login(client, flow.people["uv4"].user)
    assert client.get(f"/research-tasks/councils/{flow.council.pk}/").status_code == 403
    assert (
        client.get(f"/research-tasks/councils/{flow.council.pk}/dossiers/{flow.dossiers['an'].pk}/").status_code == 403
    )
    assert client.get(f"/research-tasks/councils/{flow.council.pk}/minutes.docx").status_code == 403
    assert flow.council.name not in client.get("/research-tasks/councils/").content.decode()


def test_a_member_with_a_conflict_neither_sees_nor_scores_the_dossier(client, flow):
    flow.evaluating()
    dossier = flow.dossiers["an"]
    base = f"/research-tasks/councils/{flow.council.pk}/dossiers/{dossier.pk}/"
    login(client, flow.people["pb1"].user)
    page = client.get(base).content.decode()
    assert "Khai báo xung đột lợi ích" in page and "Mô hình thủy văn" not in page  # content hidden until declared
    assert client.post(base + "declare/", {"has_conflict": "yes", "note": ""}).status_code == 400
    assert client.post(base + "declare/", {"has_conflict": "yes", "note": "Đồng tác giả"}).status_code == 302
    assert client.get(base).status_code == 403
    assert client.post(base + "score/", {f"score-{k}": v for k, v in GOOD.items()}).status_code == 403
    council_page = client.get(f"/research-tasks/councils/{flow.council.pk}/").content.decode()
    assert f"dossier-{dossier.pk}" not in council_page and f"dossier-{flow.dossiers['binh'].pk}" in council_page
    assert not ScoreSheet.objects.exists()


def test_a_member_sees_no_other_score_until_everyone_has_scored(client, flow):
    flow.evaluating(pis=("an",))
    dossier = flow.dossiers["an"]
    base = f"/research-tasks/councils/{flow.council.pk}/dossiers/{dossier.pk}/"
    flow.declare("chu", "an")
    flow.score("chu", "an", {**GOOD, "overview": "11"})  # the chair's total is 81
    login(client, flow.people["thu"].user)
    client.post(base + "declare/", {"has_conflict": "no"})
    assert "Mô hình thủy văn" in client.get(base).content.decode()
    response = client.post(base + "score/", {f"score-{k}": v for k, v in GOOD.items()})
    assert response.status_code == 302
    page = client.get(base).content.decode()
    chair_total = '<td class="num">81</td>'
    assert "2/7 thành viên đã chấm" in page and chair_total not in page and "scores-open" not in page
    flow.all_score("an", skip=("chu", "thu"))
    page = client.get(base).content.decode()
    assert "scores-open" in page and chair_total in page


def test_a_score_outside_the_scale_is_answered_with_400_and_nothing_written(client, flow):
    flow.evaluating(pis=("an",))
    base = f"/research-tasks/councils/{flow.council.pk}/dossiers/{flow.dossiers['an'].pk}/"
    flow.declare("chu", "an")
    login(client, flow.people["chu"].user)
    response = client.post(base + "score/", {**{f"score-{k}": v for k, v in GOOD.items()}, "score-overview": "15"})
    assert response.status_code == 400
    assert "Điểm phải từ 0 đến 12" in response.content.decode() and 'value="15"' in response.content.decode()
    response = client.post(base + "score/", {**{f"score-{k}": v for k, v in GOOD.items()}, "score-budget": "0"})
    assert response.status_code == 400 and "Điểm 0 cho một tiêu chí cần ghi rõ lý do" in response.content.decode()
    assert not ScoreSheet.objects.exists()


def test_a_missing_reason_for_an_outlier_is_answered_with_400(client, flow):
    flow.evaluating(pis=("an",))
    for name in ("chu", "thu"):
        flow.declare(name, "an")
        flow.score(name, "an")
    flow.declare("pb1", "an")
    base = f"/research-tasks/councils/{flow.council.pk}/dossiers/{flow.dossiers['an'].pk}/"
    low = {"score-overview": "6", "score-content": "14", "score-products": "10", "score-application": "7"}
    low |= {"score-capacity": "8", "score-budget": "5"}
    login(client, flow.people["pb1"].user)
    response = client.post(base + "score/", low)
    assert response.status_code == 400 and "cần giải trình bằng văn bản" in response.content.decode()
    assert client.post(base + "score/", {**low, "deviation_reason": "Phương pháp yếu."}).status_code == 302


def test_the_pi_never_sees_council_scores_before_the_decision(client, flow):
    flow.evaluating(pis=("an",))
    flow.all_score("an")
    login(client, flow.people["an"].user)
    dossier_url = f"/research-tasks/dossiers/{flow.dossiers['an'].pk}/"
    page = client.get(dossier_url).content.decode()
    assert "Điểm trung bình" not in page and "chỉ được công bố" in page
    assert client.get(f"/research-tasks/councils/{flow.council.pk}/").status_code == 403
    assert client.get(f"/research-tasks/councils/{flow.council.pk}/minutes.docx").status_code == 403
    login(client, flow.secretariat)
    assert client.post(f"/research-tasks/councils/{flow.council.pk}/decide/", {"conclusion": ""}).status_code == 302
    login(client, flow.people["an"].user)
    page = client.get(dossier_url).content.decode()
    assert "Trúng tuyển" in page and "điểm trung bình 80" in page


def test_only_the_secretariat_forms_and_decides(client, flow):
    flow.evaluating(pis=("an",))
    flow.all_score("an")
    login(client, flow.people["chu"].user)
    assert client.post(f"/research-tasks/councils/{flow.council.pk}/decide/", {}).status_code == 403
    assert client.get(f"/research-tasks/tasks/{flow.task.pk}/councils/acceptance/new/").status_code == 403


def test_the_secretariat_forms_a_council_after_seeing_the_warnings(client, flow, orgs):
    flow.calling()
    flow.dossier("an")
    flow.close_call().checked("an")
    people = flow.people
    people["uv1"].organisation = orgs["hust"]  # same organisation as the PI
    people["uv1"].save()
    data = {"name": "Hội đồng tuyển chọn", "meeting_date": "2024-06-10", "member-TOTAL_FORMS": 9}
    data |= {"member-INITIAL_FORMS": 0, "member-MIN_NUM_FORMS": 0, "member-MAX_NUM_FORMS": 15}
    from .conftest import COUNCIL

    for number, (name, role) in enumerate(COUNCIL):
        data |= {f"member-{number}-researcher": people[name].pk, f"member-{number}-role": role}
    login(client, flow.secretariat)
    url = f"/research-tasks/tasks/{flow.task.pk}/councils/selection/new/"
    response = client.post(url, data)
    assert response.status_code == 400 and "Cùng tổ chức với chủ nhiệm" in response.content.decode()
    response = client.post(url, {**data, "confirm": "on"})
    assert response.status_code == 302
    too_few = {k: v for k, v in data.items() if not k.startswith("member-6")}
    assert client.post(url, {**too_few, "confirm": "on"}).status_code == 400  # already formed, and too few


def test_the_minutes_download_as_a_word_file(client, flow):
    flow.evaluating(pis=("an",))
    login(client, flow.secretariat)
    url = f"/research-tasks/councils/{flow.council.pk}/minutes.docx"
    assert client.get(url).status_code == 400  # nobody has scored yet
    flow.all_score("an")
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"].endswith("wordprocessingml.document")
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(response.content)).paragraphs)
    assert "BIÊN BẢN" in text
    login(client, flow.people["uv1"].user)  # a member downloads it too
    assert client.get(url).status_code == 200


def test_the_council_page_costs_the_same_queries_for_more_dossiers(client, flow):
    flow.evaluating(pis=("an",))
    flow.all_score("an")
    login(client, flow.secretariat)
    url = f"/research-tasks/councils/{flow.council.pk}/"
    client.get(url)
    with CaptureQueriesContext(connection) as one:
        client.get(url)
    with CaptureQueriesContext(connection) as results_one:
        council_results(flow.council)
    assert len(results_one) == 4
    Dossier.objects.filter(task=flow.task).update()  # same data; a second dossier follows
    flow.dossiers["binh"] = Dossier.objects.create(
        task=flow.task,
        pi=flow.people["binh"],
        organisation=flow.people["binh"].organisation,
        title="Hồ sơ 2",
        status="valid",
    )
    flow.all_score("binh")
    with CaptureQueriesContext(connection) as two:
        client.get(url)
    assert len(two) == len(one)


# Contracts and results --------------------------------------------------------------------------


def test_contract_pages_are_for_the_secretariat_and_the_host_organisation(client, flow):
    flow.contracted()
    url = f"/research-tasks/contracts/{flow.contract.pk}/"
    for user, status in ((flow.people["an"].user, 200), (flow.people["binh"].user, 403), (flow.secretariat, 200)):
        login(client, user)
        assert client.get(url).status_code == status
    login(client, flow.people["an"].user)
    assert (
        client.post(url + "disbursements/", {"paid_on": "2024-08-01", "year": 2024, "amount": "10"}).status_code == 403
    )
    assert client.post(url + "inspections/", {}).status_code == 403
    login(client, flow.people["binh"].user)
    assert client.post(url + "progress/", {}).status_code == 403
    assert client.post(url + "changes/", {}).status_code == 403


def test_a_contract_whose_lines_do_not_add_up_is_answered_with_400(client, flow):
    flow.approved()
    login(client, flow.secretariat)
    url = f"/research-tasks/tasks/{flow.task.pk}/contract/new/"
    assert client.get(url).status_code == 200
    data = {
        "number": "05/HĐ",
        "signed_on": "2024-07-01",
        "start_date": "2024-07-01",
        "end_date": "2025-12-31",
        "total_budget": "1000",
        "budget-2024-labour": "500",
        "budget-2025-other": "400",
        "milestone-TOTAL_FORMS": 0,
        "milestone-INITIAL_FORMS": 0,
        "product-TOTAL_FORMS": 1,
        "product-INITIAL_FORMS": 0,
        "product-0-name": "Báo cáo",
    }
    response = client.post(url, data)
    assert response.status_code == 400 and "phải bằng tổng kinh phí" in response.content.decode()
    assert not Contract.objects.exists()
    assert client.post(url, {**data, "budget-2025-other": "500"}).status_code == 302
    login(client, flow.people["an"].user)
    assert client.get(url).status_code == 403


def test_a_disbursement_above_the_year_budget_is_answered_with_400(client, flow):
    flow.contracted()
    login(client, flow.secretariat)
    url = f"/research-tasks/contracts/{flow.contract.pk}/disbursements/"
    response = client.post(url, {"paid_on": "2024-08-01", "year": 2024, "amount": "700"})
    assert response.status_code == 400 and "Vượt dự toán năm 2024" in response.content.decode()
    assert not flow.contract.disbursements.exists()


def test_results_and_applications_are_recorded_by_the_pi_or_the_secretariat_only(client, flow, people):
    flow.accepted()
    url = f"/research-tasks/tasks/{flow.task.pk}/applications/"
    data = {"applied_by": "Sở Xây dựng", "place": "Hà Nội", "effect": "Giảm ngập", "year": 2026}
    login(client, people["binh"].user)
    assert client.post(url, data).status_code == 403
    assert client.post(f"/research-tasks/tasks/{flow.task.pk}/outputs/", {}).status_code == 403
    login(client, people["an"].user)
    assert client.post(url, {**data, "year": 2031}).status_code == 400
    assert client.post(url, data).status_code == 302
    page = client.get(f"/research-tasks/tasks/{flow.task.pk}/").content.decode()
    assert "Sở Xây dựng" in page and "Xuất sắc" in page


def test_the_task_page_costs_the_same_queries_whatever_its_history(client, flow):
    flow.accepted()
    url = f"/research-tasks/tasks/{flow.task.pk}/"
    client.get(url)
    with CaptureQueriesContext(connection) as before:
        client.get(url)
    for year in (2026,):
        flow.task.applications.create(applied_by="A", place="B", effect="C", year=year)
        flow.task.applications.create(applied_by="D", place="E", effect="F", year=year)
    for n in range(3):
        flow.task.outputs.add(Output.objects.create(kind="article", title=f"T{n}", year=2025))
    with CaptureQueriesContext(connection) as after:
        client.get(url)
    assert len(after) == len(before)


def test_dates_in_the_past_for_a_call_are_accepted_for_history(client, flow):
    flow.ordered()
    login(client, flow.secretariat)
    url = f"/research-tasks/tasks/{flow.task.pk}/call/"
    response = client.post(url, {"title": "TB", "opens_at": "2024-01-01T08:00", "closes_at": "2023-01-01T08:00"})
    assert response.status_code == 400
    start = datetime.datetime(2024, 1, 1, 8)
    data = {"title": "TB", "opens_at": start.strftime("%Y-%m-%dT%H:%M"), "closes_at": "2024-02-01T17:00"}
    assert client.post(url, data).status_code == 302
    login(client, flow.people["an"].user)
    assert client.post(url, data).status_code == 403


@pytest.mark.parametrize("path", ["orders/", "dossiers/", "councils/"])
def test_the_private_lists_need_a_login(client, db, path):
    assert client.get(f"/research-tasks/{path}").status_code == 302


def test_a_cached_public_task_page_changes_once_the_task_does(
    client, flow, real_cache, django_capture_on_commit_callbacks
):
    flow.ordered()
    url = f"/research-tasks/tasks/{flow.task.pk}/"
    assert "Đã đặt hàng" in client.get(url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        flow.task.stage = "calling"
        flow.task.save()
    assert "Đang nhận hồ sơ" in client.get(url).content.decode()


def test_a_colleague_who_declared_a_conflict_loses_sight_of_the_dossier(client, flow, orgs):
    flow.evaluating(pis=("an",))
    colleague = flow.people["uv4"]  # not on the council yet: move them to the PI's organisation
    colleague.organisation = orgs["hust"]
    colleague.save()
    url = f"/research-tasks/dossiers/{flow.dossiers['an'].pk}/"
    login(client, colleague.user)
    assert client.get(url).status_code == 200  # a researcher of the organisation reads its dossier
    flow.people["uv1"].organisation = orgs["hust"]
    flow.people["uv1"].save()
    flow.declare("uv1", "an", conflict=True)
    login(client, flow.people["uv1"].user)
    assert client.get(url).status_code == 403
    assert flow.dossiers["an"].title not in client.get("/research-tasks/dossiers/").content.decode()


# The module's home: each role's next steps ---------------------------------------------------------


def test_the_home_page_lists_what_waits_for_the_secretariat(client, flow, people):
    flow.calling()
    client.force_login(flow.secretariat)
    page = client.get("/research-tasks/").content.decode()
    assert "Việc chờ thường trực" not in page  # the only task's call is still receiving dossiers
    flow.dossier("an")
    flow.close_call()
    page = client.get("/research-tasks/").content.decode()
    assert "Việc chờ thường trực" in page and "Kiểm tra hồ sơ, thành lập hội đồng tuyển chọn" in page
    # Nobody else sees it.
    client.force_login(people["an"].user)
    assert "Việc chờ thường trực" not in client.get("/research-tasks/").content.decode()


def test_the_home_page_lists_the_pis_tasks_with_their_next_step(client, flow, people):
    flow.contracted()
    client.force_login(people["an"].user)
    page = client.get("/research-tasks/").content.decode()
    assert "Nhiệm vụ tôi làm chủ nhiệm" in page
    assert f"/research-tasks/contracts/{flow.contract.pk}/" in page
    client.force_login(people["binh"].user)
    assert "Nhiệm vụ tôi làm chủ nhiệm" not in client.get("/research-tasks/").content.decode()


def test_the_home_page_costs_the_same_queries_with_more_waiting_tasks(client, flow):
    flow.ordered()
    client.force_login(flow.secretariat)
    client.get("/research-tasks/")  # warm the per-request caches of the first request
    with CaptureQueriesContext(connection) as one:
        assert client.get("/research-tasks/").status_code == 200
    flow.ordered(title="Nghiên cứu thứ hai")
    flow.ordered(title="Nghiên cứu thứ ba")
    with CaptureQueriesContext(connection) as three:
        assert client.get("/research-tasks/").status_code == 200
    assert len(three) == len(one)
