"""API token authentication that looks a token up in the cache for reads."""

import hashlib

from django.conf import settings
from django.core.cache import cache
from rest_framework import authentication
from rest_framework.permissions import SAFE_METHODS


def _cache_key(key: str) -> str:
    return "api-token:" + hashlib.sha256(key.encode()).hexdigest()


class TokenAuthentication(authentication.TokenAuthentication):
    """DRF's token authentication (`Authorization: Token <key>`). A client sends its token with
    every request: a read (GET, HEAD, OPTIONS) finds the token and its user in the cache, for
    at most API_TOKEN_CACHE_SECONDS; a write always asks the database. Deleting or replacing a
    token, or saving its user (deactivated, rights changed), forgets the cached look-up at once
    (`forget_token`, `forget_tokens_of`)."""

    def authenticate(self, request):
        self.reading = request.method in SAFE_METHODS
        return super().authenticate(request)

    def authenticate_credentials(self, key):
        if not self.reading:
            return super().authenticate_credentials(key)
        token = cache.get(_cache_key(key))
        if token is None:
            user, token = super().authenticate_credentials(key)  # refuses an unknown key or inactive user
            cache.set(_cache_key(key), token, settings.API_TOKEN_CACHE_SECONDS)
        return token.user, token


def forget_token(sender, instance, **kwargs) -> None:
    cache.delete(_cache_key(instance.key))


def forget_tokens_of(sender, instance, **kwargs) -> None:
    from rest_framework.authtoken.models import Token

    cache.delete_many([_cache_key(key) for key in Token.objects.filter(user=instance).values_list("key", flat=True)])
