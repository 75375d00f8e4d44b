from django.urls import path

from . import views

app_name = "programmes"
urlpatterns = [
    path("programmes/", views.programme_list, name="list"),
    path("programmes/new/", views.programme_create, name="create"),
    path("p/<slug:slug>/copy/", views.programme_copy, name="copy"),
    path("p/<slug:slug>/text/", views.programme_text, name="text"),
    path("p/<slug:slug>/roadmap/", views.roadmap, name="roadmap"),
    path("p/<slug:slug>/tasks/", views.task_list, name="tasks"),
    path("p/<slug:slug>/tasks/new/", views.task_create, name="task-create"),
    path("p/<slug:slug>/tasks/<int:number>/", views.task_detail, name="task-detail"),
    path("p/<slug:slug>/tasks/<int:number>/updates/", views.task_update_create, name="task-update"),
    path("p/<slug:slug>/tasks/<int:number>/edit/", views.task_edit, name="task-edit"),
]
