from django.urls import path

from . import views

app_name = "dashboard"
urlpatterns = [
    path("", views.home, name="home"),
    path("method/", views.method, name="method"),
    path("p/<slug:slug>/", views.overview, name="overview"),
]
