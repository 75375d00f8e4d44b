from django.urls import path

from . import views

app_name = "indicators"
urlpatterns = [
    path("p/<slug:slug>/indicators/", views.indicator_list, name="list"),
    path("p/<slug:slug>/indicators/<str:code>/", views.indicator_detail, name="detail"),
    path("p/<slug:slug>/indicators/<str:code>/measurements/", views.measurement_create, name="measurement-create"),
    path(
        "p/<slug:slug>/indicators/<str:code>/measurements/<int:pk>/correct/",
        views.measurement_correct,
        name="measurement-correct",
    ),
    path(
        "p/<slug:slug>/indicators/<str:code>/growth-accounting/",
        views.measurement_create_growth_accounting,
        name="growth-accounting",
    ),
    path("p/<slug:slug>/indicators/<str:code>/status/", views.status_override, name="status-override"),
    path("p/<slug:slug>/indicators/<str:code>/tolerance/", views.tolerance_set, name="tolerance"),
    path("p/<slug:slug>/indicators/<str:code>/feed/", views.feed_record, name="feed-record"),
]
