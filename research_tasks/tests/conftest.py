"""Fixtures of the S&T task tests: organisations, researchers (with accounts), and a `flow`
that walks one task through the lifecycle with the services, stopping where a test needs."""

import datetime
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

PDF = b"%PDF-1.4\n% minimal test file\n"
MEETING = datetime.date(2024, 6, 10)  # under the Hanoi rule set (7 to 9 members)


def pdf(name="thuyet-minh.pdf"):
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


def _user(username, **extra):
    from accounts.models import User

    return User.objects.create_user(username=username, password="pass-12345", **extra)


@pytest.fixture
def orgs(db):
    from research.models import Organisation

    def org(name, slug, in_hanoi=True):
        return Organisation.objects.create(name=name, slug=slug, kind="university", in_hanoi=in_hanoi)

    return {
        "hust": org("Đại học Bách khoa Hà Nội", "hust"),
        "vnu": org("Đại học Quốc gia Hà Nội", "vnu"),
        "vast": org("Viện Hàn lâm Khoa học và Công nghệ Việt Nam", "vast"),
        "neu": org("Đại học Kinh tế Quốc dân", "neu"),
        "hue": org("Đại học Huế", "hue", in_hanoi=False),
    }


@pytest.fixture
def people(orgs):
    """Two PIs (an at HUST, binh at VNU) and eight possible council members, each with an account."""
    from research.models import Researcher

    def person(username, name, org):
        return Researcher.objects.create(full_name=name, organisation=orgs[org], user=_user(username), title="TS.")

    found = {
        "an": person("an", "Nguyễn Văn An", "hust"),
        "binh": person("binh", "Trần Thị Bình", "vnu"),
    }
    names = [
        ("chu", "Lê Văn Chủ", "vast"),
        ("thu", "Phạm Thị Thư", "neu"),
        ("pb1", "Hoàng Văn Phản", "vast"),
        ("pb2", "Vũ Thị Biện", "neu"),
        ("uv1", "Đỗ Văn Ủy", "vast"),
        ("uv2", "Bùi Thị Viên", "neu"),
        ("uv3", "Ngô Văn Ba", "hue"),
        ("uv4", "Đặng Thị Tư", "hue"),
    ]
    for username, name, org in names:
        found[username] = person(username, name, org)
    return found


COUNCIL = [
    ("chu", "chair"),
    ("thu", "secretary"),
    ("pb1", "reviewer"),
    ("pb2", "reviewer"),
    ("uv1", "member"),
    ("uv2", "member"),
    ("uv3", "member"),
]
GOOD = {"overview": "10", "content": "22", "products": "16", "application": "12", "capacity": "12", "budget": "8"}
ACCEPT_GOOD = {"delivery": "36", "quality": "25", "report": "8", "application": "16"}


class Flow:
    """One task walked through its life with the services, as the people of each role would."""

    def __init__(self, *, secretariat, agency_user, people):
        self.secretariat = secretariat
        self.agency_user = agency_user
        self.people = people
        self.task = None
        self.call = None
        self.dossiers = {}
        self.council = None
        self.contract = None

    def ordered(self, *, year=2024, ceiling="1500", title="Nghiên cứu cảnh báo ngập úng đô thị Hà Nội"):
        from research_tasks import services

        call = services.order_call_open(
            actor=self.secretariat,
            title=f"Đặt hàng nhiệm vụ KH&CN năm {year}",
            year=year,
            deadline=timezone.localdate() + datetime.timedelta(days=10),
        )
        proposal = services.order_proposal_submit(
            call=call,
            actor=self.agency_user,
            title=title,
            kind="topic",
            field="Khoa học kỹ thuật",
            objectives="Xây dựng hệ thống cảnh báo sớm ngập úng.",
            expected_results="Hệ thống cảnh báo, quy trình vận hành.",
            funding_ceiling=ceiling,
            period_months=24,
        )
        services.order_list_include(proposal=proposal, actor=self.secretariat, mode="selection")
        (self.task,) = services.order_list_approve(call=call, actor=self.secretariat, decision="QĐ 123/QĐ-SKHCN")
        return self

    def calling(self, **kwargs):
        from research_tasks import services

        self.ordered(**kwargs)
        now = timezone.now()
        self.call = services.selection_call_open(
            task=self.task,
            actor=self.secretariat,
            title="Thông báo tuyển chọn",
            opens_at=now - datetime.timedelta(days=1),
            closes_at=now + datetime.timedelta(days=1),
        )
        return self

    def dossier(self, who: str, *, submit=True, budget="1200"):
        from research_tasks import services

        researcher = self.people[who]
        dossier = services.dossier_register(call=self.call, actor=researcher.user)
        services.dossier_update(
            dossier=dossier,
            actor=researcher.user,
            summary="Tóm tắt hồ sơ.",
            approach="Mô hình thủy văn đô thị và cảm biến IoT.",
            products="Hệ thống cảnh báo; 2 bài báo quốc tế.",
            budget_requested=budget,
            duration_months=24,
        )
        services.dossier_attach(dossier=dossier, actor=researcher.user, kind="proposal", file=pdf())
        if submit:
            dossier = services.dossier_submit(dossier=dossier, actor=researcher.user)
        self.dossiers[who] = dossier
        return dossier

    def close_call(self):
        from research_tasks.models import SelectionCall

        SelectionCall.objects.filter(pk=self.call.pk).update(closes_at=timezone.now() - datetime.timedelta(minutes=1))
        self.call.refresh_from_db()
        return self

    def checked(self, *who):
        from research_tasks import services

        for name in who:
            self.dossiers[name] = services.dossier_check(
                dossier=self.dossiers[name], actor=self.secretariat, valid=True
            )
        return self

    def evaluating(self, *, pis=("an", "binh"), meeting=MEETING, members=COUNCIL):
        from research_tasks import services

        self.calling()
        for who in pis:
            self.dossier(who)
        self.close_call().checked(*pis)
        self.council = services.council_form(
            task=self.task,
            actor=self.secretariat,
            kind="selection",
            name="Hội đồng tuyển chọn",
            meeting_date=meeting,
            members=[(self.people[name], role) for name, role in members],
        )
        return self

    def seat(self, who):
        return self.council.members.get(researcher=self.people[who])

    def declare(self, who, dossier_of, conflict=False):
        from research_tasks import services

        return services.conflict_declare(
            member=self.seat(who),
            dossier=self.dossiers[dossier_of],
            actor=self.people[who].user,
            has_conflict=conflict,
            note="Đồng tác giả" if conflict else "",
        )

    def score(self, who, dossier_of, scores=None, **kwargs):
        from research_tasks import services

        return services.score_sheet_submit(
            member=self.seat(who),
            dossier=self.dossiers[dossier_of],
            actor=self.people[who].user,
            scores=scores or GOOD,
            **kwargs,
        )

    def all_score(self, dossier_of, scores=None, skip=()):
        for name, _role in COUNCIL:
            if name in skip:
                continue
            self.declare(name, dossier_of)
            self.score(name, dossier_of, scores)
        return self

    def approved(self):
        from research_tasks import services

        self.evaluating(pis=("an",))
        self.all_score("an")
        services.council_decide(council=self.council, actor=self.secretariat)
        self.task.refresh_from_db()
        return self

    def contracted(self):
        from research_tasks import services

        self.approved()
        self.contract = services.contract_sign(
            task=self.task,
            actor=self.secretariat,
            number="01/2024/HĐ-KHCN",
            signed_on=datetime.date(2024, 7, 1),
            start_date=datetime.date(2024, 7, 1),
            end_date=datetime.date(2026, 6, 30),
            total_budget="1200",
            lines={
                (2024, "labour"): "400",
                (2024, "equipment"): "200",
                (2025, "labour"): "400",
                (2026, "other"): "200",
            },
            milestones=[{"title": "Báo cáo giữa kỳ", "due_date": datetime.date(2025, 6, 30)}],
            products=[
                {"name": "Hệ thống cảnh báo ngập úng", "quantity": 1, "requirements": "Cảnh báo trước 2 giờ"},
                {"name": "Bài báo quốc tế", "quantity": 2},
            ],
        )
        self.task.refresh_from_db()
        return self

    def in_acceptance(self):
        from research_tasks import services

        self.contracted()
        pi = self.people["an"].user
        for product in self.contract.products.all():
            services.product_deliver(product=product, actor=pi, delivered_on=datetime.date(2026, 5, 1))
        dossier = services.acceptance_dossier_open(task=self.task, actor=pi)
        services.dossier_update(
            dossier=dossier, actor=pi, summary="Đã hoàn thành.", approach="Như thuyết minh.", products="Đủ sản phẩm."
        )
        services.dossier_attach(dossier=dossier, actor=pi, kind="final_report", file=pdf("bao-cao.pdf"))
        services.dossier_submit(dossier=dossier, actor=pi)
        self.acceptance_dossier = services.dossier_check(dossier=dossier, actor=self.secretariat, valid=True)
        self.task.refresh_from_db()
        return self

    def accepted(self, scores=None):
        from research_tasks import services

        self.in_acceptance()
        self.council = services.council_form(
            task=self.task,
            actor=self.secretariat,
            kind="acceptance",
            name="Hội đồng nghiệm thu",
            meeting_date=datetime.date(2026, 7, 15),
            members=[(self.people[name], role) for name, role in COUNCIL],
        )
        self.dossiers["an"] = self.acceptance_dossier
        self.all_score("an", scores or ACCEPT_GOOD)
        services.council_decide(council=self.council, actor=self.secretariat)
        self.task.refresh_from_db()
        return self


@pytest.fixture
def flow(secretariat, reporter_sokhcn, people):
    return Flow(secretariat=secretariat, agency_user=reporter_sokhcn, people=people)


@pytest.fixture
def money():
    return lambda value: Decimal(str(value))
