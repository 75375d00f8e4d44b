from django.urls import path

from . import views

app_name = "research"
urlpatterns = [
    path("research/", views.search_page, name="search"),
    path("research/researchers/<int:pk>/", views.researcher_detail, name="researcher"),
    path("research/researchers/<int:pk>/edit/", views.researcher_edit, name="researcher-edit"),
    path("research/organisations/<slug:slug>/", views.organisation_detail, name="organisation"),
    path("research/outputs/<int:pk>/", views.output_detail, name="output"),
    path("research/import/", views.import_upload, name="import"),
    path("research/import/<int:pk>/", views.import_preview, name="import-preview"),
    path("research/import/<int:pk>/confirm/", views.import_confirm, name="import-confirm"),
    path("research/import/<int:pk>/cancel/", views.import_cancel, name="import-cancel"),
]
