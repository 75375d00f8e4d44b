"""Routes of the versioned JSON API, mounted at /api/v1/ (schema at /api/v1/schema/)."""

from django.urls import path, re_path
from rest_framework.routers import DefaultRouter

from agencies.api import AgencyViewSet
from core.views import api_not_found
from deals.api import DealViewSet, FiguresView
from exchange.api import ListingViewSet, RequestMatchesView
from indicators.api import IndicatorViewSet, MeasurementViewSet
from programmes.api import KeyTaskViewSet, MilestoneViewSet, ObjectiveViewSet, ProgrammeViewSet, SolutionGroupViewSet
from reporting.api import ReportingRoundViewSet
from research.api import OrganisationViewSet, OutputViewSet, ResearcherViewSet
from research_tasks.api import (
    ContractViewSet,
    CouncilViewSet,
    DossierViewSet,
    ResearchTaskViewSet,
    SelectionCallViewSet,
)
from techmart.api import EventViewSet

app_name = "api"

router = DefaultRouter()
router.register("programmes", ProgrammeViewSet, basename="programme")
router.register("objectives", ObjectiveViewSet, basename="objective")
router.register("solution-groups", SolutionGroupViewSet, basename="solution-group")
router.register("milestones", MilestoneViewSet, basename="milestone")
router.register("agencies", AgencyViewSet, basename="agency")
router.register("indicators", IndicatorViewSet, basename="indicator")
router.register("key-tasks", KeyTaskViewSet, basename="key-task")
router.register("measurements", MeasurementViewSet, basename="measurement")
router.register("reporting-rounds", ReportingRoundViewSet, basename="reporting-round")
router.register("organisations", OrganisationViewSet, basename="organisation")
router.register("researchers", ResearcherViewSet, basename="researcher")
router.register("outputs", OutputViewSet, basename="output")
router.register("research-tasks", ResearchTaskViewSet, basename="research-task")
router.register("calls", SelectionCallViewSet, basename="selection-call")
router.register("dossiers", DossierViewSet, basename="dossier")
router.register("councils", CouncilViewSet, basename="council")
router.register("contracts", ContractViewSet, basename="contract")
router.register("exchange/listings", ListingViewSet, basename="exchange-listing")
router.register("exchange/deals", DealViewSet, basename="exchange-deal")
router.register("techmart/events", EventViewSet, basename="techmart-event")

urlpatterns = router.urls + [
    path("exchange/requests/<str:pk>/matches/", RequestMatchesView.as_view(), name="exchange-request-matches"),
    path("exchange/figures/", FiguresView.as_view(), name="exchange-figures"),
    # Last: anything else under /api/v1/ answers 404 in JSON, not the HTML page.
    re_path(r"^.*$", api_not_found),
]
