"""Writes on accounts: the API token a user signs requests with."""

from django.db import transaction
from rest_framework.authtoken.models import Token


@transaction.atomic
def api_token_issue(*, user, reset: bool = False) -> Token:
    """The user's API token; a new one (the old one stops working) when `reset`."""
    if reset:
        Token.objects.filter(user=user).delete()
    token, _created = Token.objects.get_or_create(user=user)
    return token
