from django.urls import path

from . import views

app_name = "deals"

urlpatterns = [
    path("exchange/listings/<int:listing_pk>/interest/", views.interest, name="interest"),
    path("exchange/deals/", views.my_deals, name="mine"),
    path("exchange/deals/<int:pk>/", views.deal_detail, name="deal"),
    path("exchange/deals/<int:pk>/message/", views.message_post, name="message"),
    path("exchange/deals/<int:pk>/stage/", views.transition, name="transition"),
    path("exchange/deals/<int:pk>/documents/", views.document_add, name="document"),
    path("exchange/figures/", views.figures, name="figures"),
]
