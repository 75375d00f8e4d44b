"""A whole reporting round in a real browser: open, fill, submit, return, approve, report."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from agencies.models import Agency
from reporting.models import ReportingRound, Submission
from reporting.notifications import deadline_reminders

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("seed_restored_after_module")]


def _new_page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    context.set_default_timeout(15_000)
    return context, context.new_page()


def _log_in(page, user):
    page.goto("/login/")
    page.get_by_label("Tên đăng nhập").fill(user.username)
    page.get_by_label("Mật khẩu").fill("pass-12345")
    page.get_by_role("button", name="Đăng nhập").click()
    expect(page.get_by_role("button", name=f"Đăng xuất ({user.username})")).to_be_visible()


def _state_count(page, label):
    return page.locator(".tile", has=page.locator(".state", has_text=label)).locator(".tile-num")


def test_a_whole_round_from_opening_to_the_reports(browser, live_server, programme, secretariat, reporter_sokhcn):
    reporter_sokhcn.email = "sokhcn@example.org"
    reporter_sokhcn.save()
    deadline = timezone.localdate() + datetime.timedelta(days=2)

    # The secretariat opens the round for two agencies.
    sec_ctx, sec = _new_page(browser, live_server)
    _log_in(sec, secretariat)
    sec.goto("/p/07-ctr-tu/rounds/new/")
    sec.get_by_label("Tên đợt báo cáo").fill("Kiểm tra năm 2024")
    sec.get_by_label("Năm").fill("2024")
    sec.get_by_label("Ngày chốt số liệu").fill("2024-12-31")
    sec.get_by_label("Hạn nộp").fill(deadline.isoformat())
    sec.locator("ul.checks input[type=checkbox]").evaluate_all("boxes => boxes.forEach(b => b.checked = false)")
    for name in ("Sở Khoa học và Công nghệ", "Sở Nội vụ"):
        sec.get_by_label(name, exact=True).check()
    sec.get_by_role("button", name="Mở đợt và thông báo").click()
    expect(sec.get_by_role("heading", name="Kiểm tra năm 2024")).to_be_visible()
    expect(_state_count(sec, "Chưa bắt đầu")).to_have_text("2")
    rnd = ReportingRound.objects.get()
    assert [m.to for m in mail.outbox] == [["sokhcn@example.org"]]

    # The reporter fills the form; the draft is saved as they type.
    rep_ctx, rep = _new_page(browser, live_server)
    console_errors = []
    rep.on("console", lambda m: m.type == "error" and console_errors.append(m.text))
    _log_in(rep, reporter_sokhcn)
    rep.get_by_role("link", name="Báo cáo của đơn vị").click()
    rep.get_by_role("link", name="Kiểm tra năm 2024").click()
    rep.locator("textarea[name=results]").fill("Đã ban hành Chiến lược KH, CN và ĐMST đến năm 2030.")
    rep.locator("textarea[name=results]").blur()
    expect(rep.locator("#save-status")).to_contain_text("Đã lưu lúc")
    # The autosave trigger parses (htmx reported a syntax error for a selector with spaces after from:).
    assert console_errors == []
    submission = Submission.objects.get(round=rnd, agency__name="Sở Khoa học và Công nghệ")
    for report in submission.task_reports.all():
        rep.locator(f"select[name=task-{report.task_id}-status]").select_option("in_progress")
        rep.locator(f"input[name=task-{report.task_id}-progress]").fill("60")
    for report in submission.indicator_reports.select_related("indicator"):
        if not report.indicator.is_context:
            rep.locator(f"input[name=indicator-{report.indicator_id}-value]").fill("2,5")
            rep.locator(f"input[name=indicator-{report.indicator_id}-source]").fill("Sở KH&CN tổng hợp")
    rep.get_by_role("button", name="Gửi báo cáo").click()
    expect(rep.locator(".msg")).to_contain_text("Đã gửi báo cáo")

    # The secretariat returns it with a comment on CT5; the reporter corrects and resubmits.
    ct5 = submission.indicator_reports.get(indicator__code="CT5")
    sec.goto(f"/submissions/{submission.pk}/")
    sec.locator(f"textarea[name=comment-indicator-{ct5.indicator_id}]").fill("Ghi rõ nguồn điều tra")
    sec.get_by_role("button", name="Trả lại để sửa").click()
    expect(sec.locator(".msg")).to_contain_text("Đã trả lại")
    rep.reload()
    expect(rep.locator(".review-comment", has_text="Ghi rõ nguồn điều tra")).to_be_visible()
    rep.locator(f"input[name=indicator-{ct5.indicator_id}-source]").fill("Điều tra ĐMST 2024")
    rep.get_by_role("button", name="Gửi báo cáo").click()
    expect(rep.locator(".msg")).to_contain_text("Đã gửi báo cáo")

    # Approval: the figure becomes official and completeness moves.
    sec.goto(f"/submissions/{submission.pk}/")
    sec.get_by_role("button", name="Duyệt", exact=True).click()
    expect(sec.locator(".msg")).to_contain_text("Đã duyệt")
    sec.goto(f"/rounds/{rnd.pk}/")
    expect(_state_count(sec, "Đã duyệt")).to_have_text("1")
    expect(_state_count(sec, "Chưa bắt đầu")).to_have_text("1")
    assert submission.indicator_reports.get(indicator__code="CT5").indicator.measurements.get(year=2024).value == 2.5

    # The reminder job writes once to the agency that has not reported.
    mail.outbox.clear()
    deadline_reminders()
    deadline_reminders()
    home = Agency.objects.find("Sở Nội vụ")
    assert all(m.to != ["sokhcn@example.org"] for m in mail.outbox)
    assert submission.round.submissions.get(agency=home).status == "not_started"

    # Both reports download.
    for fmt, ext in (("party", "docx"), ("state", "pdf")):
        with sec.expect_download() as download:
            sec.locator(f"a[href$='report-{fmt}.{ext}']").click()
        path = download.value.path()
        assert download.value.suggested_filename.endswith(f".{ext}")
        assert path.read_bytes()[:4] == (b"PK\x03\x04" if ext == "docx" else b"%PDF")
    sec_ctx.close()
    rep_ctx.close()
