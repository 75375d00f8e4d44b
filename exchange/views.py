"""Pages of the technology exchange: search, listing detail with matches, forms for members,
the moderation queue. Parse → authorise → one service or selector → render."""

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.humanize.templatetags.humanize import intcomma
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_POST

from core.cache import public_page
from core.forms import call_service
from research.models import Organisation

from . import match_lists, selectors, services
from .forms import ListingForm, RejectForm
from .models import Listing
from .permissions import (
    can_edit_listing,
    can_view_listing,
    is_member,
    is_moderator,
    member_organisation_ids,
    require,
)
from .search import FILTERS, clean_filters, search_listings

FACET_TITLES = {
    "kind": gettext_lazy("Loại tin"),
    "field": gettext_lazy("Lĩnh vực"),
    "trl": gettext_lazy("Mức độ sẵn sàng (TRL)"),
    "mode": gettext_lazy("Phương thức chuyển giao"),
    "region": gettext_lazy("Tỉnh, thành phố"),
}


def _facet_links(query: str, filters: dict, facets: dict) -> list:
    """(title, [(facet, href)], clear href) per facet; a link sets or clears one filter."""

    def href(**changes):
        params = {"q": query, **filters, **changes}
        return "?" + urlencode({k: v for k, v in params.items() if v not in ("", None)})

    groups = []
    for name in FILTERS:
        items = facets.get(name, [])
        links = [(facet, href(**{name: "" if facet.selected else facet.value})) for facet in items]
        groups.append((FACET_TITLES[name], links, href(**{name: ""}) if name in filters else ""))
    return groups


@public_page
def home(request):
    text = (request.GET.get("q") or "")[:200]
    filters = clean_filters(request.GET)
    page_no = request.GET.get("page", "1")
    number = int(page_no) if page_no.isascii() and page_no.isdigit() and 0 < int(page_no) <= 1000 else 1
    page = search_listings(text, filters, page=number)
    results = render_to_string(
        "exchange/partials/_results.html",
        {
            "page": page,
            "count_text": ngettext("%(total)s tin", "%(total)s tin", page.total) % {"total": intcomma(page.total)},
            "facet_groups": _facet_links(text, filters, page.facets),
            "next_href": "?" + urlencode({"q": text, **filters, "page": page.page + 1}) if page.has_next else "",
            "prev_href": "?" + urlencode({"q": text, **filters, "page": page.page - 1}) if page.page > 1 else "",
        },
        request,
        using="jinja2",
    )
    if request.htmx and request.htmx.target == "results":
        return HttpResponse(results)
    return render(request, "exchange/home.html", {"page": page, "q": text, "results": mark_safe(results)})


def listing_detail(request, pk):
    listing = selectors.listing_get(pk)
    require(can_view_listing(request.user, listing))
    found = match_lists.listing_matches(listing, limit=10)
    answers = selectors.feedback_of(request.user, listing)
    for match in found:
        match.answer = answers.get(match.listing.pk)
    return render(
        request,
        "exchange/listing_detail.html",
        {
            "listing": listing,
            "matches": found,
            "can_edit": can_edit_listing(request.user, listing),
            "can_moderate": is_moderator(request.user),
            "reject_form": RejectForm(),
        },
    )


def _organisations(user):
    return Organisation.objects.filter(pk__in=member_organisation_ids(user)).order_by("name")


@login_required
def listing_create(request, kind):
    if kind not in Listing.Kind.values:
        return redirect("exchange:home")
    if not is_member(request.user):
        # Not a dead end: say how to become a member instead of a bare 403.
        return render(request, "exchange/not_member.html", {"kind_label": Listing.Kind(kind).label}, status=403)
    form = ListingForm(request.POST or None, request.FILES or None, organisations=_organisations(request.user))
    if request.method == "POST" and form.is_valid():
        listing = call_service(
            form,
            services.listing_create,
            actor=request.user,
            organisation=form.cleaned_data["organisation"],
            kind=kind,
            **form.service_values(),
        )
        if listing is not None:
            messages.success(request, _("Đã lưu bản nháp. Hãy kiểm tra rồi gửi duyệt."))
            return redirect(listing)
    status = 400 if request.method == "POST" else 200
    context = {"form": form, "kind": kind, "kind_label": Listing.Kind(kind).label}
    return render(request, "exchange/listing_form.html", context, status=status)


@login_required
def listing_edit(request, pk):
    listing = selectors.listing_get(pk)
    require(can_edit_listing(request.user, listing))
    initial = {name: getattr(listing, name) for name in services.EDITABLE}
    initial["transfer_modes"] = list(listing.transfer_modes.all())
    form = ListingForm(request.POST or None, request.FILES or None, initial=initial, editing=True)
    if request.method == "POST" and form.is_valid():
        updated = call_service(
            form, services.listing_update, listing=listing, actor=request.user, **form.service_values()
        )
        if updated is not None:
            messages.success(request, _("Đã lưu thay đổi."))
            return redirect(updated)
    status = 400 if request.method == "POST" else 200
    context = {"form": form, "listing": listing, "kind": listing.kind, "kind_label": listing.get_kind_display()}
    return render(request, "exchange/listing_form.html", context, status=status)


def _step(request, pk, service, done: str, **kwargs):
    listing = get_object_or_404(Listing, pk=pk)
    try:
        service(listing=listing, actor=request.user, **kwargs)
    except services.ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
    else:
        messages.success(request, done)
    back = request.POST.get("next", "")
    return redirect(back if back.startswith("/") and not back.startswith("//") else listing.get_absolute_url())


@login_required
@require_POST
def listing_submit(request, pk):
    return _step(request, pk, services.listing_submit, _("Đã gửi tin để duyệt."))


@login_required
@require_POST
def listing_publish(request, pk):
    return _step(request, pk, services.listing_publish, _("Đã duyệt và đăng tin."))


@login_required
@require_POST
def listing_reject(request, pk):
    return _step(request, pk, services.listing_reject, _("Đã từ chối tin."), reason=request.POST.get("reason", ""))


@login_required
def my_listings(request):
    return render(
        request,
        "exchange/my_listings.html",
        {"listings": selectors.listings_of_user(request.user), "is_member": is_member(request.user)},
    )


@login_required
def moderation(request):
    require(is_moderator(request.user))
    return render(
        request, "exchange/moderation.html", {"listings": selectors.moderation_queue(), "reject_form": RejectForm()}
    )


@login_required
@require_POST
def match_feedback(request, pk, offer_pk):
    listing = selectors.listing_get(pk)
    other = selectors.listing_get(offer_pk)
    request_listing, offer = (listing, other) if listing.kind == Listing.Kind.REQUEST else (other, listing)
    useful = request.POST.get("useful") == "1"
    try:
        services.match_feedback_record(request=request_listing, offer=offer, user=request.user, useful=useful)
    except services.ValidationError as exc:
        return render(request, "exchange/partials/_feedback.html", {"error": exc.messages[0]}, status=400)
    context = {"listing": listing, "other": other, "answer": useful}
    if request.htmx:
        return render(request, "exchange/partials/_feedback.html", context)
    messages.success(request, _("Cảm ơn bạn đã đánh giá gợi ý."))
    return redirect(listing)
