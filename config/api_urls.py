"""Routes of the versioned JSON API, mounted at /api/v1/ (schema at /api/v1/schema/)."""

from rest_framework.routers import DefaultRouter

from agencies.api import AgencyViewSet
from indicators.api import IndicatorViewSet, MeasurementViewSet
from programmes.api import KeyTaskViewSet, ObjectiveViewSet, ProgrammeViewSet

app_name = "api"

router = DefaultRouter()
router.register("programmes", ProgrammeViewSet, basename="programme")
router.register("objectives", ObjectiveViewSet, basename="objective")
router.register("agencies", AgencyViewSet, basename="agency")
router.register("indicators", IndicatorViewSet, basename="indicator")
router.register("key-tasks", KeyTaskViewSet, basename="key-task")
router.register("measurements", MeasurementViewSet, basename="measurement")

urlpatterns = router.urls
