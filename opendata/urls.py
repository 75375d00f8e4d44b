from django.urls import path

from . import views

app_name = "opendata"
urlpatterns = [
    path("du-lieu-mo/", views.catalogue_page, name="index"),
    path("du-lieu-mo/catalog.jsonld", views.catalogue_jsonld_view, name="catalog"),
    path("du-lieu-mo/<slug:dataset>.<str:fmt>", views.export, name="export"),
]
