from django.http import HttpResponse
from django.utils import translation
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from .responses import respond


@csrf_exempt  # harvesters POST without a session; the endpoint only reads
@require_http_methods(["GET", "POST", "HEAD"])
def endpoint(request):
    """OAI-PMH 2.0: every answer, errors included, is an XML document with status 200."""
    data = request.POST if request.method == "POST" else request.GET
    with translation.override("vi"):  # set names and messages are in Vietnamese, like the records
        content = respond(data, request.build_absolute_uri(request.path))
    return HttpResponse(content, content_type="text/xml; charset=utf-8")
