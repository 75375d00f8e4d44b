from django.urls import path

from . import views

app_name = "reporting"
urlpatterns = [
    path("p/<slug:slug>/rounds/", views.round_list, name="rounds"),
    path("p/<slug:slug>/rounds/new/", views.round_create, name="round-create"),
    path("rounds/<int:round_id>/", views.round_detail, name="round"),
    path("rounds/<int:round_id>/completeness.xlsx", views.round_export, name="round-export"),
    path("rounds/<int:round_id>/close/", views.round_close, name="round-close"),
    path("rounds/<int:round_id>/report-<str:fmt>.<str:ext>", views.round_report, name="round-report"),
    path("rounds/<int:round_id>/template/<str:fmt>/", views.template_edit, name="template-edit"),
    path("submissions/<int:submission_id>/", views.submission_view, name="submission"),
    path("submissions/<int:submission_id>/save/", views.submission_save, name="submission-save"),
    path("submissions/<int:submission_id>/review/", views.submission_review, name="submission-review"),
    path("submissions/<int:submission_id>/reopen/", views.submission_reopen, name="submission-reopen"),
    path("my/reports/", views.my_reports, name="my-reports"),
    path("notifications/", views.notification_list, name="notifications"),
    path("notifications/<int:notification_id>/", views.notification_open, name="notification-open"),
]
