"""Pages of deals: express interest, the deal (messages, stage, documents), my deals, and the
exchange's public figures. Parse → authorise → one service or selector → render."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.cache import public_page
from core.forms import call_service
from exchange import selectors as exchange_selectors
from exchange.permissions import member_organisation_ids, require
from research.models import Organisation

from . import selectors, services
from .forms import DocumentForm, InterestForm, MessageForm, TransitionForm
from .permissions import can_view_deal, owns_listing
from .services import TRANSITIONS


def _organisations(user):
    return Organisation.objects.filter(pk__in=member_organisation_ids(user)).order_by("name")


@login_required
def interest(request, listing_pk):
    listing = exchange_selectors.listing_get(listing_pk)
    existing = selectors.open_deal_of(request.user, listing)
    if existing is not None:
        return redirect(existing)
    form = InterestForm(request.POST or None, organisations=_organisations(request.user))
    status = 200
    if request.method == "POST" and form.is_valid():
        deal = call_service(
            form,
            services.deal_express_interest,
            listing=listing,
            actor=request.user,
            message=form.cleaned_data["message"],
            organisation=form.cleaned_data.get("organisation"),
        )
        if deal is not None:
            messages.success(request, _("Đã gửi lời nhắn; bên đăng tin sẽ nhận được thông báo."))
            return redirect(deal)
    if request.method == "POST":
        status = 400
    context = {"listing": listing, "form": form, "own": owns_listing(request.user, listing)}
    return render(request, "deals/interest.html", context, status=status)


def _deal_page(request, deal, *, status=200, **forms):
    context = {
        "deal": deal,
        "message_form": forms.get("message_form") or MessageForm(),
        "transition_form": forms.get("transition_form") or TransitionForm(stages=TRANSITIONS[deal.stage]),
        "document_form": forms.get("document_form") or DocumentForm(),
        "next_stages": TRANSITIONS[deal.stage],
    }
    return render(request, "deals/deal_detail.html", context, status=status)


@login_required
def deal_detail(request, pk):
    deal = selectors.deal_get(pk)
    require(can_view_deal(request.user, deal))
    return _deal_page(request, deal)


def _act(request, pk, form_class, service, form_name, form_kwargs=None):
    deal = selectors.deal_get(pk)
    require(can_view_deal(request.user, deal))
    form = form_class(request.POST, request.FILES, **(form_kwargs(deal) if form_kwargs else {}))
    if form.is_valid() and call_service(form, service, deal=deal, actor=request.user, **form.cleaned_data) is not None:
        return redirect(deal)
    return _deal_page(request, deal, status=400, **{form_name: form})


@login_required
@require_POST
def message_post(request, pk):
    return _act(request, pk, MessageForm, services.deal_message_post, "message_form")


@login_required
@require_POST
def transition(request, pk):
    return _act(
        request,
        pk,
        TransitionForm,
        services.deal_transition,
        "transition_form",
        form_kwargs=lambda deal: {"stages": TRANSITIONS[deal.stage] or ["lead"]},
    )


def _document_add(*, deal, actor, file):
    return services.deal_document_add(deal=deal, actor=actor, upload=file)


@login_required
@require_POST
def document_add(request, pk):
    return _act(request, pk, DocumentForm, _document_add, "document_form")


@login_required
def my_deals(request):
    deals = selectors.deals_visible_to(request.user)[:200]
    return render(request, "deals/my_deals.html", {"deals": deals})


@public_page
def figures(request):
    data = selectors.exchange_figures()
    chart = {
        "years": [row["year"] for row in data["years"]],
        "values": [float(row["value"]) / 1e9 for row in data["years"]],
        "deals": [row["deals"] for row in data["years"]],
        "stages": [str(label) for _stage, label, _n in data["stages"]],
        "stageCounts": [n for _stage, _label, n in data["stages"]],
    }
    return render(request, "deals/figures.html", {"data": data, "chart": chart})
