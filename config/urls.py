from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView

from core import views as core_views

urlpatterns = [
    path("favicon.ico", core_views.favicon),
    path("i18n/", include("django.conf.urls.i18n")),
    path("lang/<str:code>/", core_views.language_switch, name="language"),
    path("api/v1/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("api/v1/docs/", SpectacularRedocView.as_view(url_name="api-schema"), name="api-docs"),
    path("api/v1/", include("config.api_urls")),  # after the schema: it answers 404 for any other path
    path("admin/", admin.site.urls),
    path("login/", auth_views.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("", include("accounts.urls")),
    path("", include("dashboard.urls")),
    path("", include("programmes.urls")),
    path("", include("indicators.urls")),
    path("", include("agencies.urls")),
    path("", include("reporting.urls")),
    path("", include("research.urls")),
    path("", include("research_tasks.urls")),
    path("", include("exchange.urls")),
    path("", include("deals.urls")),
    path("", include("techmart.urls")),
    path("", include("opendata.urls")),
    path("", include("workbooks.urls")),
    path("", include("oai.urls")),
]
if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
