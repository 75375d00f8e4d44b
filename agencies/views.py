from django.shortcuts import render

from core.cache import public_page

from . import selectors
from .models import Agency


@public_page
def agency_list(request):
    agencies = list(selectors.agency_directory())
    kinds = [(value, label, [a for a in agencies if a.kind == value]) for value, label in Agency.Kind.choices]
    return render(request, "agencies/agency_list.html", {"kinds": [k for k in kinds if k[2]]})


@public_page
def agency_detail(request, slug):
    return render(request, "agencies/agency_detail.html", {"agency": selectors.agency_detail(slug)})
