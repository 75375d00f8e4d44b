from django.urls import path

from . import views

app_name = "techmart"

urlpatterns = [
    path("techmart/", views.event_list, name="events"),
    path("techmart/<int:pk>/", views.event_detail, name="event"),
    path("techmart/<int:pk>/lich-gap/", views.booking, name="booking"),
    path("techmart/<int:pk>/lich-gap/dat/", views.book, name="book"),
    path("techmart/cuoc-gap/<int:pk>/huy/", views.cancel, name="cancel"),
    path("techmart/cuoc-gap/", views.my_meetings, name="mine"),
    path("techmart/moi/", views.event_create, name="create"),
    path("techmart/<int:pk>/sua/", views.event_edit, name="edit"),
    path("techmart/<int:pk>/don-vi/them/", views.exhibitor_add, name="exhibitor_add"),
    path("techmart/don-vi/<int:pk>/sua/", views.exhibitor_edit, name="exhibitor_edit"),
    path("techmart/don-vi/<int:pk>/go/", views.exhibitor_remove, name="exhibitor_remove"),
]
