import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.base")

application = get_wsgi_application()

# A server process builds the exchange's search index while it starts taking requests.
from exchange.search_index import build_in_background  # noqa: E402 (needs the apps loaded)

build_in_background()
