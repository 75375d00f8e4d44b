"""Production: DEBUG off, a real secret and hosts required, secure cookies."""

from django.core.exceptions import ImproperlyConfigured

from config.env import env_secret

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = env_secret("DJANGO_SECRET_KEY")
if not SECRET_KEY:
    raise ImproperlyConfigured("DJANGO_SECRET_KEY (or DJANGO_SECRET_KEY_FILE) is required")
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
WHITENOISE_USE_FINDERS = False
