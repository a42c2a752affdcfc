"""One settings module, driven by environment variables (12-factor).

Every setting an operator may change is read from the environment with a documented
default that suits the demo: `DATABASE_URL` (default: SQLite file in the project
folder), `SECRET_KEY`, `DEBUG`, `ALLOWED_HOSTS`, `HHB_OTP_REQUIRED`, `OIDC_*`.
See docs/operations.md.
"""

from pathlib import Path

import environ

from .veiligheid import DEMO_SLEUTEL, controleer_geheime_sleutel

PACKAGE_DIR = Path(__file__).resolve().parent.parent
PROJECT_DIR = PACKAGE_DIR.parent.parent

env = environ.Env()
environ.Env.read_env(PROJECT_DIR / ".env") if (PROJECT_DIR / ".env").exists() else None

# Demo mode (`make demo`): plain http on 127.0.0.1, the demo secret key, demo commands.
# Everything else is production: secure by default (see "HTTPS" below).
HHB_DEMO = env.bool("HHB_DEMO", default=False)
DEBUG = env.bool("DEBUG", default=False)
SECRET_KEY = env.str("SECRET_KEY", default=DEMO_SLEUTEL if HHB_DEMO else "")
controleer_geheime_sleutel(SECRET_KEY, demo=HHB_DEMO)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "testserver"])

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rest_framework",
    "drf_spectacular",
    "django_htmx",
    "django_tasks",
    "django_tasks_db",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "mozilla_django_oidc",
    "huishoudboekje.accounts",
    "huishoudboekje.audit",
    "huishoudboekje.configuratie",
    "huishoudboekje.rekeningen",
    "huishoudboekje.organisaties",
    "huishoudboekje.burgers",
    "huishoudboekje.boekhouding",
    "huishoudboekje.afspraken",
    "huishoudboekje.bankafschriften",
    "huishoudboekje.verwerkingen",
    "huishoudboekje.ui",
    "huishoudboekje.start",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "huishoudboekje.conf.middleware.VerzoekGrootteMiddleware",  # before anything reads a body
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "huishoudboekje.accounts.middleware.LoginRequiredMiddleware",
    "huishoudboekje.verwerkingen.middleware.VerwerkingenMiddleware",
    "huishoudboekje.ui.middleware.SecurityHeadersMiddleware",
    "huishoudboekje.conf.middleware.GeenCacheMiddleware",  # no-store: personal data
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "huishoudboekje.conf.urls"
WSGI_APPLICATION = "huishoudboekje.conf.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "huishoudboekje.accounts.context_processors.rollen",
            ],
            "builtins": ["huishoudboekje.ui.templatetags.hhb"],
        },
    }
]

DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{PROJECT_DIR / 'huishoudboekje.sqlite3'}")
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "transaction_mode": "IMMEDIATE",
            "init_command": (
                "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;"
            ),
        }
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.Medewerker"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    # Dutch common passwords and words, normalised (Welkom01!, W@chtw00rd2026, Zomer2026)
    {"NAME": "huishoudboekje.accounts.wachtwoordbeleid.NederlandsWachtwoordValidator"},
]
# New staff choose their own password with a one-time activation link (accounts/
# services_activatie.py), valid this many hours, e-mailed when they have an address:
# EMAIL_BACKEND (the console in demo mode), EMAIL_HOST, EMAIL_PORT, EMAIL_HOST_USER,
# EMAIL_HOST_PASSWORD, EMAIL_USE_TLS, DEFAULT_FROM_EMAIL.
HHB_ACTIVATIELINK_UREN = env.int("HHB_ACTIVATIELINK_UREN", default=72)
EMAIL_BACKEND = env.str(
    "EMAIL_BACKEND",
    default="django.core.mail.backends."
    + ("console" if env.bool("HHB_DEMO", default=False) else "smtp")
    + ".EmailBackend",
)
EMAIL_HOST = env.str("EMAIL_HOST", default="localhost")
EMAIL_PORT = env.int("EMAIL_PORT", default=25)
EMAIL_HOST_USER = env.str("EMAIL_HOST_USER", default="")
EMAIL_HOST_PASSWORD = env.str("EMAIL_HOST_PASSWORD", default="")
EMAIL_USE_TLS = env.bool("EMAIL_USE_TLS", default=False)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="huishoudboekje@localhost")
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "start:home"
LOGOUT_REDIRECT_URL = "accounts:login"

# The key of the pseudonyms in the read log (verwerkingen/pseudoniem.py). Set it in
# production and never change it; empty: derived from SECRET_KEY (demo).
HHB_PSEUDONIEM_SLEUTEL = env.str("HHB_PSEUDONIEM_SLEUTEL", default="")

# Two-factor authentication (TOTP). The demo switches it off; production must not.
HHB_OTP_REQUIRED = env.bool("HHB_OTP_REQUIRED", default=True)

# Login throttling (django-axes), see accounts/inlogbeperking.py: 15 minutes locked after
# 5 failures for one username (from any address: password spraying), or for one username
# from one address, or after 20 failures from one address for any usernames (a town hall
# shares one address). Behind a proxy set AXES_PROXY_COUNT (proxies in front of the app),
# or every login seems to come from the proxy's address.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
HHB_INLOG_LIMIET_IP = env.int("HHB_INLOG_LIMIET_IP", default=20)
AXES_COOLOFF_TIME = 0.25  # hours
AXES_LOCKOUT_PARAMETERS = ["username", ["username", "ip_address"], "ip_address"]
AXES_HANDLER = "huishoudboekje.accounts.inlogbeperking.InlogBeperking"
AXES_IPWARE_PROXY_COUNT = env.int("AXES_PROXY_COUNT", default=0) or None
AXES_IPWARE_META_PRECEDENCE_ORDER = (
    ("HTTP_X_FORWARDED_FOR", "REMOTE_ADDR") if AXES_IPWARE_PROXY_COUNT else ("REMOTE_ADDR",)
)
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/geblokkeerd.html"

# OIDC single sign-on for staff (prepared; enabled when OIDC_RP_CLIENT_ID is set).
OIDC_RP_CLIENT_ID = env.str("OIDC_RP_CLIENT_ID", default="")
OIDC_RP_CLIENT_SECRET = env.str("OIDC_RP_CLIENT_SECRET", default="")
OIDC_OP_AUTHORIZATION_ENDPOINT = env.str("OIDC_OP_AUTHORIZATION_ENDPOINT", default="")
OIDC_OP_TOKEN_ENDPOINT = env.str("OIDC_OP_TOKEN_ENDPOINT", default="")
OIDC_OP_USER_ENDPOINT = env.str("OIDC_OP_USER_ENDPOINT", default="")
OIDC_OP_JWKS_ENDPOINT = env.str("OIDC_OP_JWKS_ENDPOINT", default="")
OIDC_RP_SIGN_ALGO = env.str("OIDC_RP_SIGN_ALGO", default="RS256")
OIDC_OP_ISSUER = env.str("OIDC_OP_ISSUER", default="")  # checked against the token's iss
OIDC_CREATE_USER = env.bool("OIDC_CREATE_USER", default=False)
OIDC_RP_SCOPES = env.str("OIDC_RP_SCOPES", default="openid email profile")
# The name on the login button ("Inloggen met ..."), e.g. the IdP of the municipality.
OIDC_NAAM = env.str("OIDC_NAAM", default="single sign-on")
# true only when the identity provider itself enforces MFA: then a login through it
# counts as the second factor (password logins still need TOTP).
OIDC_IDP_DOET_MFA = env.bool("OIDC_IDP_DOET_MFA", default=False)
LOGIN_REDIRECT_URL_FAILURE = "/accounts/login/?sso=mislukt"
if OIDC_RP_CLIENT_ID:
    AUTHENTICATION_BACKENDS.append("huishoudboekje.accounts.oidc.MedewerkerOIDCBackend")

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands"), ("en", "English")]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = env.str("STATIC_ROOT", default=str(PROJECT_DIR / "staticfiles"))
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = 8 * 3600
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

# HTTPS. Outside demo mode: cookies only over https, HSTS, http redirected to https.
# Behind a TLS-terminating proxy set SECURE_PROXY_SSL_HEADER=HTTP_X_FORWARDED_PROTO,https
# (and let the proxy set that header, overwriting the client's), or every request looks
# like http and the redirect loops. The load balancer's health check (/gezond) may use
# plain http.
SESSION_COOKIE_SECURE = env.bool("SESSION_COOKIE_SECURE", default=not HHB_DEMO)
CSRF_COOKIE_SECURE = env.bool("CSRF_COOKIE_SECURE", default=not HHB_DEMO)
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=not HHB_DEMO)
SECURE_REDIRECT_EXEMPT = [r"^gezond$"]
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0 if HHB_DEMO else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=False)
_PROXY_KOP = env.list("SECURE_PROXY_SSL_HEADER", default=[])
SECURE_PROXY_SSL_HEADER = (_PROXY_KOP[0], _PROXY_KOP[1]) if len(_PROXY_KOP) == 2 else None
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

# Request size (conf/middleware.py). Uploads: one bank file of the reader's limit
# (core.bank._gemeen.MAX_BYTES, 200 MB) plus the form around it; several files in one
# upload together. Every other body (forms, JSON): Django's 2.5 MB. Bodies above
# FILE_UPLOAD_MAX_MEMORY_SIZE are streamed to a temporary file, not kept in memory.
HHB_MAX_UPLOAD_BYTES = env.int("HHB_MAX_UPLOAD_BYTES", default=201 * 1024 * 1024)
HHB_UPLOAD_ROUTES = ["bankafschriften:importeren", "bankafschriften"]  # UI and API upload
DATA_UPLOAD_MAX_MEMORY_SIZE = env.int("DATA_UPLOAD_MAX_MEMORY_SIZE", default=2_621_440)
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
DATA_UPLOAD_MAX_NUMBER_FIELDS = 1000

TASKS = {
    "default": {
        "BACKEND": env.str(
            "HHB_TASKS_BACKEND", default="django_tasks.backends.immediate.ImmediateBackend"
        )
    }
}

REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_AUTHENTICATION_CLASSES": ["rest_framework.authentication.SessionAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["huishoudboekje.accounts.permissions.HeeftRecht"],
    "DEFAULT_PAGINATION_CLASS": "huishoudboekje.api.paginering.Paginering",
    "EXCEPTION_HANDLER": "huishoudboekje.api.fouten.problem_exception_handler",
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Huishoudboekje API",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "DESCRIPTION": "API van Huishoudboekje volgens de NL API Design Rules (Logius).",
    "COMPONENT_SPLIT_REQUEST": True,
}

# Ordinary logs never carry personal data (BSN, IBAN, names): we log ids only.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # personal data (BSN, IBAN, e-mail, phone) is masked in every line: see logboek.py
    "formatters": {
        "plain": {
            "()": "huishoudboekje.logboek.MaskerendeFormatter",
            "format": "%(asctime)s %(levelname)s %(name)s %(message)s",
        }
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {"axes": {"level": "WARNING"}},
}
