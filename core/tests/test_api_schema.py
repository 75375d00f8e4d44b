"""The OpenAPI document describes the API exactly: schemathesis generates requests from it for
every operation (valid ones, and invalid ones the API must refuse) and sends them through the
real WSGI application, seeded with the programme, research records and the demo S&T tasks,
with a secretariat token so that writes run too. Every response must be no server error and
must conform to the document: status code, content type, headers and body.

(schemathesis' own pytest plugin does not run under pytest 9 yet, so the test drives each
operation's Hypothesis strategy itself.)"""

import datetime

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from rest_framework.authtoken.models import Token
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]
# Django's application, not config.wsgi's: a server process's start-up (the exchange's search
# index built in a thread) has no place in a test process.
SCHEMA = schemathesis.openapi.from_wsgi("/api/v1/schema/?format=json", get_wsgi_application())
OPERATIONS = [result.ok() for result in SCHEMA.get_all_operations()]
EXAMPLES = 8


@pytest.fixture
def keep_connection():
    """Requests go straight to the WSGI application, not through Django's test client: keep
    the request signals from closing the test's database connection (and its transaction)
    once the connection's age passes DATABASE_CONN_MAX_AGE, as the test client does."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.fixture
def seeded(programme, secretariat, keep_connection):
    """The programme (loaded once per session), a small research database and the demo S&T
    tasks; returns real values for path parameters, by the first segment of the path."""
    from agencies.models import Agency
    from reporting.services import round_close, round_open
    from research.demo import generate
    from research.models import Organisation
    from research_tasks.demo import load_research_tasks_demo
    from research_tasks.models import Contract, Council, Dossier, ResearchTask

    generate(seed=3, organisations=6, researchers=30, outputs=40, patents=3)
    load_research_tasks_demo(seed=1, log=lambda *args: None)
    sokhcn = Agency.objects.find("Sở Khoa học và Công nghệ")
    closed = round_close(
        rnd=round_open(
            programme=programme,
            actor=secretariat,
            kind="annual",
            year=2024,
            title="Báo cáo năm 2024",
            cutoff=datetime.date(2024, 12, 15),
            deadline=datetime.date(2024, 12, 31),
            agencies=[sokhcn],
        ),
        actor=secretariat,
    )
    return {
        "programmes": {"slug": programme.slug},
        "reporting-rounds": {"id": closed.pk},
        "agencies": {"slug": Agency.objects.order_by("pk").first().slug},
        "organisations": {"slug": Organisation.objects.order_by("pk").first().slug},
        "research-tasks": {"id": ResearchTask.objects.filter(stage="approved").order_by("pk").first().pk},
        "contracts": {"id": Contract.objects.order_by("pk").first().pk},
        "councils": {"id": Council.objects.order_by("pk").first().pk},
        "dossiers": {"id": Dossier.objects.order_by("pk").first().pk},
    }


def _check(operation, headers, known) -> int:
    strategies = [operation.as_strategy(GenerationMode.POSITIVE), operation.as_strategy(GenerationMode.NEGATIVE)]
    real = known.get(operation.path.removeprefix("/api/v1/").split("/")[0], {})
    path_parameters = {name: value for name, value in real.items() if "{" + name + "}" in operation.path}
    if path_parameters:
        strategies.append(operation.as_strategy(GenerationMode.POSITIVE, path_parameters=path_parameters))

    @given(case=st.one_of(strategies))
    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=list(HealthCheck),
        phases=[Phase.explicit, Phase.generate],
    )
    def run(case):
        sent.append(case.call_and_validate(headers=headers, checks=CHECKS).status_code)

    sent: list[int] = []
    run()
    return len(sent)


def test_every_operation_answers_as_its_schema_says(seeded, secretariat):
    """One test over every operation, so that the data is seeded once; every failure is listed."""
    headers = {"Authorization": f"Token {Token.objects.get_or_create(user=secretariat)[0].key}"}
    failures, sent = [], 0
    for operation in OPERATIONS:
        try:
            sent += _check(operation, headers, seeded)
        except Exception as exc:  # noqa: BLE001 - every operation's failure is reported at the end
            failures.append(f"{operation.label}: {exc}"[:3000])
    assert len(OPERATIONS) > 40 and sent >= len(OPERATIONS) * EXAMPLES // 2
    assert not failures, "\n\n".join(failures)
