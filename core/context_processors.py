from django.conf import settings


def site(request):
    return {"SITE_NAME": settings.SITE_NAME}


def unread_notifications(request):
    user = getattr(request, "user", None)
    if not (user and user.is_authenticated):
        return {}
    return {"unread_notifications": user.notifications.filter(read_at__isnull=True).count()}
