"""Settings shared by every environment; values come from the environment, typed."""

from pathlib import Path

import dj_database_url
from celery.schedules import crontab
from django.utils.translation import gettext_lazy as _

from config.env import env_bool, env_int, env_list, env_rate, env_secret, env_str

BASE_DIR = Path(__file__).resolve().parent.parent.parent

DEBUG = env_bool("DJANGO_DEBUG", True)
SECRET_KEY = env_secret("DJANGO_SECRET_KEY", "dev-only-insecure-key-change-me" if DEBUG else "")
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "testserver"])
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rest_framework",
    "rest_framework.authtoken",
    "django_filters",
    "drf_spectacular",
    "simple_history",
    "django_htmx",
    "core",
    "accounts",
    "agencies",
    "programmes",
    "indicators",
    "dashboard",
    "reporting",
    "research",
    "research_tasks",
    "exchange",
    "deals",
    "techmart",
    "opendata",
    "workbooks",
    "oai",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "core.middleware.LanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "core.context_processors.site",
                "core.context_processors.unread_notifications",
            ],
        },
    },
    {  # a few hot fragments (`<app>/jinja2/`), rendered with using="jinja2"
        "NAME": "jinja2",
        "BACKEND": "django.template.backends.jinja2.Jinja2",
        "APP_DIRS": True,
        "OPTIONS": {"environment": "config.jinja2.environment"},
    },
]

# SQLite is the zero-set-up default; DATABASE_URL selects PostgreSQL.
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
    )
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    DATABASES["default"]["OPTIONS"] = {"timeout": 20}
elif env_bool("DATABASE_PREPARED_STATEMENTS", True):
    # psycopg prepares a query once it has run five times on a connection, so the hot reads (the
    # exchange's search token, a stored match list) skip PostgreSQL's planning, most of their
    # cost. Set DATABASE_PREPARED_STATEMENTS=0 behind a pooler in transaction mode.
    DATABASES["default"]["OPTIONS"] = {"server_side_binding": True, "prepare_threshold": 5}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "dashboard:home"
LOGOUT_REDIRECT_URL = "dashboard:home"

# Vietnamese first: source strings are Vietnamese, English is the translation.
LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "media/"
MEDIA_ROOT = Path(env_str("DJANGO_MEDIA_ROOT", str(BASE_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = DEBUG

# Evidence files: what agencies may upload and how large.
EVIDENCE_MAX_BYTES = env_int("EVIDENCE_MAX_BYTES", 10 * 1024 * 1024)
EVIDENCE_EXTENSIONS = ["pdf", "docx", "doc", "xlsx", "xls", "png", "jpg", "jpeg"]
DATA_UPLOAD_MAX_MEMORY_SIZE = EVIDENCE_MAX_BYTES + 1024 * 1024
# Excel workbooks agencies upload to report their figures and task progress.
WORKBOOK_MAX_BYTES = env_int("WORKBOOK_MAX_BYTES", 2 * 1024 * 1024)

REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "accounts.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticatedOrReadOnly"],
    "DEFAULT_PAGINATION_CLASS": "core.api.Pagination",
    "PAGE_SIZE": 50,
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "EXCEPTION_HANDLER": "core.api.exception_handler",
    # Anonymous clients are limited by IP address, signed-in ones (token or session) per user.
    "DEFAULT_THROTTLE_CLASSES": ["core.throttling.AnonThrottle", "core.throttling.UserThrottle"],
    "DEFAULT_THROTTLE_RATES": {
        "anon": env_rate("API_THROTTLE_ANON", "120/minute"),
        "user": env_rate("API_THROTTLE_USER", "600/minute"),
    },
    # Proxies in front whose X-Forwarded-For entries are trusted (0: the client is REMOTE_ADDR).
    "NUM_PROXIES": env_int("API_NUM_PROXIES", 0),
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Hanoi STI platform API",
    "DESCRIPTION": _("API dữ liệu mở của nền tảng theo dõi chương trình KH, CN và ĐMST."),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    # Several models name a field "kind" or "status" with different choices: name each set.
    "ENUM_NAME_OVERRIDES": {
        "AgencyKindEnum": "agencies.models.Agency.Kind",
        "MeasurementKindEnum": "indicators.models.Measurement.Kind",
        "MilestoneKindEnum": "programmes.models.Milestone.Kind",
        "KeyTaskStatusEnum": "programmes.models.KeyTask.Status",
        "ProgressStatusEnum": "indicators.models.ProgressStatus",
        "FrequencyEnum": "indicators.models.Frequency",
        "ListingKindEnum": "exchange.models.Listing.Kind",
        "DealStageEnum": "deals.models.Deal.Stage",
    },
    "POSTPROCESSING_HOOKS": ["drf_spectacular.hooks.postprocess_schema_enums", "core.api.document_errors"],
}

# Background work runs in-process unless a broker is configured.
CELERY_BROKER_URL = env_str("CELERY_BROKER_URL", "memory://")
CELERY_TASK_ALWAYS_EAGER = env_bool("CELERY_TASK_ALWAYS_EAGER", CELERY_BROKER_URL == "memory://")
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TIMEZONE = TIME_ZONE
CELERY_BEAT_SCHEDULE = {
    "daily-deadline-reminders": {
        "task": "reporting.tasks.send_deadline_reminders",
        "schedule": crontab(hour=7, minute=0),
    },
    # S&T tasks accepted in the three years before: the PI is asked once a year for applications.
    "daily-application-reminders": {
        "task": "research_tasks.tasks.send_application_reminders",
        "schedule": crontab(hour=7, minute=5),
    },
    # Exchange listings past their validity period leave the exchange (idempotent).
    "daily-expire-exchange-listings": {
        "task": "exchange.tasks.expire_listings",
        "schedule": crontab(hour=0, minute=15),
    },
    # Stored match lists that expired or edited listings left: their tails computed again.
    "refresh-exchange-match-lists": {
        "task": "exchange.tasks.refresh_match_lists",
        "schedule": crontab(minute="*/10"),
    },
}

EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_secret("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "sti@hanoi.example")

# Shared cache (Redis in production, so every worker sees the same data version); a
# process-local cache when CACHE_URL is unset.
CACHE_URL = env_str("CACHE_URL")
CACHES = {
    "default": (
        {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": CACHE_URL}
        if CACHE_URL
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}
# API rate-limit counters: their own alias, so that they count even where pages are not cached.
CACHES["throttle"] = (
    {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": CACHE_URL, "KEY_PREFIX": "throttle"}
    if CACHE_URL
    else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "throttle"}
)
# Template fragments the same for every reader (the site's header and footer): each process's memory.
CACHES["fragments"] = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "fragments"}
PUBLIC_PAGE_CACHE_SECONDS = env_int("PUBLIC_PAGE_CACHE_SECONDS", 600)
# How long an API read may rely on a cached token look-up (changes to tokens and users end it at once).
API_TOKEN_CACHE_SECONDS = env_int("API_TOKEN_CACHE_SECONDS", 300)

SITE_NAME = _("Nền tảng KH, CN và ĐMST Hà Nội")
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000")

# OAI-PMH endpoint (/oai): records per list response, life of a resumption token, contact.
OAI_PAGE_SIZE = env_int("OAI_PAGE_SIZE", 100)
OAI_TOKEN_LIFETIME = env_int("OAI_TOKEN_LIFETIME", 24 * 3600)
OAI_ADMIN_EMAIL = env_str("OAI_ADMIN_EMAIL", DEFAULT_FROM_EMAIL)
