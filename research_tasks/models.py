from django.db import models  # noqa: F401 (the models come with the S&T tasks work)
