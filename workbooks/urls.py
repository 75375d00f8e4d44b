from django.urls import path

from . import views

app_name = "workbooks"
urlpatterns = [
    path("excel/", views.start, name="start"),
    path("excel/agency/<slug:agency_slug>/", views.start, name="agency-start"),
    path("p/<slug:slug>/excel/", views.agency_choice, name="agencies"),
    path("p/<slug:slug>/excel/<slug:agency_slug>/", views.upload, name="upload"),
    path("p/<slug:slug>/excel/<slug:agency_slug>/template.xlsx", views.template_download, name="template"),
    path("excel/imports/<int:pk>/", views.preview, name="preview"),
    path("excel/imports/<int:pk>/confirm/", views.confirm, name="confirm"),
    path("excel/imports/<int:pk>/cancel/", views.cancel, name="cancel"),
]
