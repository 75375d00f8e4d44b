"""Demo of Techmart: "Techmart Hà Nội 2026" with exhibitors (the organisations that offer
technologies on the demo exchange), the offers they show, and meetings booked by the demo
enterprise's member (`doanhnghiep`)."""

import datetime

from django.db import transaction
from django.utils import timezone

from accounts.models import User
from exchange.models import Listing

from . import services
from .models import Event, Exhibitor

BOOTHS = 8


def load_techmart_demo() -> str:
    if Event.objects.filter(is_demo=True).exists():
        return "techmart demo already present"
    buyer = User.objects.get(username="doanhnghiep")
    own = set(buyer.exchange_memberships.values_list("organisation_id", flat=True))
    today = timezone.localdate()
    with transaction.atomic():
        event = Event.objects.create(
            name="Techmart Hà Nội 2026",
            starts_on=today + datetime.timedelta(days=14),
            ends_on=today + datetime.timedelta(days=16),
            venue="Cung Văn hóa Hữu nghị Việt Xô, 91 Trần Hưng Đạo, Hoàn Kiếm, Hà Nội",
            organiser="Sở Khoa học và Công nghệ Hà Nội",
            description="Chợ công nghệ và thiết bị thường niên: trưng bày, trình diễn và kết nối cung – cầu công nghệ.",
            is_demo=True,
        )
        offers = Listing.objects.filter(kind=Listing.Kind.OFFER, status=Listing.Status.PUBLISHED, is_demo=True)
        by_org: dict[int, list[Listing]] = {}
        for offer in offers.exclude(organisation_id__in=own).order_by("pk"):
            by_org.setdefault(offer.organisation_id, []).append(offer)
        exhibitors = []
        for number, (org_id, shown) in enumerate(list(by_org.items())[:BOOTHS], start=1):
            exhibitor = Exhibitor.objects.create(event=event, organisation_id=org_id, booth=f"A{number:02d}")
            exhibitor.offers.add(*shown[:4])
            exhibitors.append(exhibitor)
        slots = event.slots(event.starts_on)
        for index, exhibitor in enumerate(exhibitors[:5]):
            services.meeting_book(
                event=event,
                exhibitor=exhibitor,
                buyer=buyer,
                starts_at=slots[index * 2],
                topic="Tìm hiểu điều kiện chuyển giao, chi phí và đào tạo vận hành",
            )
    return f"{event.name}: {len(exhibitors)} exhibitors, 5 meetings of doanhnghiep"
