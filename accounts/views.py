from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.http import require_http_methods
from rest_framework.authtoken.models import Token

from .services import api_token_issue


@login_required
@require_http_methods(["GET", "POST"])
def api_token(request):
    """The signed-in user's API token: shown once made; POST makes it, or replaces it."""
    if request.method == "POST":
        token = api_token_issue(user=request.user, reset=True)
    else:
        token = Token.objects.filter(user=request.user).first()
    response = render(request, "accounts/api_token.html", {"token": token, "made": request.method == "POST"})
    response["Cache-Control"] = "no-store"
    return response
