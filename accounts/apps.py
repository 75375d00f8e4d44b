from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Tài khoản")

    def ready(self):
        from django.contrib.auth import get_user_model
        from django.db.models.signals import post_delete, post_save
        from rest_framework.authtoken.models import Token

        from .authentication import forget_token, forget_tokens_of

        post_delete.connect(forget_token, sender=Token, dispatch_uid="forget-api-token")
        post_save.connect(forget_token, sender=Token, dispatch_uid="forget-saved-api-token")
        post_save.connect(forget_tokens_of, sender=get_user_model(), dispatch_uid="forget-api-tokens-of-user")
