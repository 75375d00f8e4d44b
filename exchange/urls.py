from django.urls import path

from . import views

app_name = "exchange"
urlpatterns = [
    path("exchange/", views.home, name="home"),
    path("exchange/mine/", views.my_listings, name="mine"),
    path("exchange/moderation/", views.moderation, name="moderation"),
    path("exchange/new/<str:kind>/", views.listing_create, name="create"),
    path("exchange/listings/<int:pk>/", views.listing_detail, name="listing"),
    path("exchange/listings/<int:pk>/edit/", views.listing_edit, name="edit"),
    path("exchange/listings/<int:pk>/submit/", views.listing_submit, name="submit"),
    path("exchange/listings/<int:pk>/publish/", views.listing_publish, name="publish"),
    path("exchange/listings/<int:pk>/reject/", views.listing_reject, name="reject"),
    path("exchange/listings/<int:pk>/feedback/<int:offer_pk>/", views.match_feedback, name="feedback"),
]
