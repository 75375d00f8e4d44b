"""Demo deals: the demo enterprise's member (`doanhnghiep`) contacts offers of the exchange;
the exchange's broker (`sangiaodich`) and the offers' owners take them through every stage,
with contract values in the range Hanoi technology transfer contracts have (0,3 – 12 tỷ đồng)."""

import datetime
import random

from django.db import transaction
from django.utils import timezone

from accounts.models import User
from exchange.models import Listing

from . import services
from .models import Deal

# (stage reached, value in đồng, year signed)
PLAN = [
    ("lead", None, None),
    ("lead", None, None),
    ("lead", None, None),
    ("negotiation", None, None),
    ("negotiation", None, None),
    ("cancelled", None, None),
    ("signed", 850_000_000, 2023),
    ("transferred", 1_500_000_000, 2023),
    ("transferred", 3_200_000_000, 2024),
    ("signed", 640_000_000, 2024),
    ("transferred", 12_000_000_000, 2025),
    ("transferred", 2_750_000_000, 2025),
    ("signed", 4_300_000_000, 2026),
    ("signed", 380_000_000, 2026),
]
PATH = {
    "lead": [],
    "negotiation": ["negotiation"],
    "signed": ["negotiation", "signed"],
    "transferred": ["negotiation", "signed", "transferred"],
    "cancelled": ["negotiation", "cancelled"],
}
MESSAGES = [
    "Doanh nghiệp chúng tôi quan tâm, đề nghị cho biết điều kiện chuyển giao và chi phí dự kiến.",
    "Cảm ơn quý công ty. Chúng tôi gửi kèm hồ sơ kỹ thuật; mời khảo sát mô hình trình diễn vào tuần tới.",
]


def load_deals_demo(*, seed: int = 7) -> str:
    if Deal.objects.filter(is_demo=True).exists():
        return "deals demo already present"
    buyer = User.objects.get(username="doanhnghiep")
    broker = User.objects.get(username="sangiaodich")
    own = set(buyer.exchange_memberships.values_list("organisation_id", flat=True))
    offers = list(
        Listing.objects.filter(kind=Listing.Kind.OFFER, status=Listing.Status.PUBLISHED, is_demo=True)
        .exclude(organisation_id__in=own)
        .order_by("pk")[: len(PLAN)]
    )
    rng = random.Random(seed)
    with transaction.atomic():
        for listing, (stage, value, year) in zip(offers, PLAN, strict=False):
            deal = services.deal_express_interest(listing=listing, actor=buyer, message=MESSAGES[0])
            services.deal_message_post(deal=deal, actor=broker, body=MESSAGES[1])
            for step in PATH[stage]:
                services.deal_transition(
                    deal=deal, actor=broker, to_stage=step, value=value if step == "signed" else None
                )
            changes = {"is_demo": True}
            if year:
                signed = timezone.make_aware(datetime.datetime(year, rng.randint(1, 11), rng.randint(1, 28), 10))
                changes["signed_at"] = signed  # the demo's history spans the programme's years
                if stage == "transferred":
                    changes["transferred_at"] = signed + datetime.timedelta(days=rng.randint(30, 120))
            Deal.objects.filter(pk=deal.pk).update(**changes)
    return f"{len(offers)} deals in every stage, buyer doanhnghiep"
