"""One settings object, read from the environment and validated once at start.

Every variable is documented in `.env.example`. Defaults are the embedded ones: SQLite
files under `var/`, the sample catalog, the seeded demo application store.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping, Optional, Tuple

from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from bot.exceptions import ConfigurationError

PROJECT_ROOT = Path(__file__).resolve().parent.parent
#: Machine translators the translation layer can use, by the name TRANSLATION_PROVIDERS lists.
TRANSLATION_PROVIDER_NAMES = ("libre", "google", "mymemory", "microsoft", "deepl")


@dataclass(frozen=True)
class TranslationSettings:
    """Which machine translators fill gaps in curated text, in order; none by default (offline)."""

    providers: Tuple[str, ...] = ()
    libretranslate_url: Optional[str] = None
    libretranslate_api_key: Optional[str] = None
    microsoft_key: Optional[str] = None
    microsoft_region: Optional[str] = None
    deepl_api_key: Optional[str] = None
    deepl_free_api: bool = True
    timeout: float = 3.0  # seconds per provider call
    budget: float = 3.5  # seconds for a whole translation, every provider included
    cache_url: Optional[str] = None  # redis://... ; None: a table in DATABASE_URL
    inbound_pivot: bool = False  # translate messages in non-contract languages into English first


@dataclass(frozen=True)
class ChannelSettings:
    """Telegram and Facebook Messenger: off until their secrets are set in the environment."""

    telegram_token: Optional[str] = None
    telegram_secret: Optional[str] = None  # Telegram echoes it in X-Telegram-Bot-Api-Secret-Token
    telegram_api_url: str = "https://api.telegram.org"
    facebook_page_token: Optional[str] = None
    facebook_app_secret: Optional[str] = None  # signs every webhook call (X-Hub-Signature-256)
    facebook_verify_token: Optional[str] = None  # the webhook subscription handshake
    facebook_graph_url: str = "https://graph.facebook.com/v19.0"
    http_timeout: float = 10.0  # seconds for a call to Telegram's or Facebook's API
    max_body_bytes: int = 1_000_000  # larger webhook bodies are refused with 413

    @property
    def telegram_enabled(self) -> bool:
        return bool(self.telegram_token)

    @property
    def facebook_enabled(self) -> bool:
        return bool(self.facebook_page_token)


@dataclass(frozen=True)
class Settings:
    """Validated configuration of the assistant's own code (not of Rasa itself)."""

    database_url: str
    content_dir: Path
    application_status_url: Optional[str]
    application_status_timeout: float
    seed_demo_applications: bool
    translation: TranslationSettings = TranslationSettings()
    channels: ChannelSettings = ChannelSettings()
    retention_days: int = 365
    review_secure_cookies: bool = False
    lock_store_url: Optional[str] = None  # redis://... shares conversation locks between replicas
    event_broker_url: Optional[str] = None  # amqp://... publishes every event to RabbitMQ
    event_broker_queue: str = "rasa_events"
    database_retry_seconds: float = 15.0  # how long a tracker read/write retries a lost database
    domain_path: Path = PROJECT_ROOT / "domain.yml"

    @property
    def catalog_dir(self) -> Path:
        """Where the service catalog files live."""
        return self.content_dir / "catalog"

    @property
    def names_dir(self) -> Path:
        """Where the names citizens use for services and languages live, one file per language."""
        return self.content_dir / "names"

    @property
    def responses_dir(self) -> Path:
        """Where the curated translations of the replies live, one file per language."""
        return self.content_dir / "responses"

    @property
    def glossary_dir(self) -> Path:
        """Where the curated renderings of proper names live, one file per language."""
        return self.content_dir / "glossary"


def _parse_bool(name: str, raw: str) -> bool:
    lowered = raw.strip().lower()
    if lowered in {"1", "true", "yes", "on"}:
        return True
    if lowered in {"0", "false", "no", "off"}:
        return False
    raise ConfigurationError(f"{name} must be true or false, got {raw!r}")


def _parse_positive_float(name: str, raw: str) -> float:
    try:
        value = float(raw)
    except ValueError:
        raise ConfigurationError(f"{name} must be a number of seconds, got {raw!r}") from None
    if value <= 0:
        raise ConfigurationError(f"{name} must be positive, got {raw!r}")
    return value


def _parse_days(raw: str) -> int:
    if not raw.strip().isdigit() or int(raw) < 1:
        raise ConfigurationError(f"RETENTION_DAYS must be a whole number of days, at least 1, got {raw!r}")
    return int(raw)


def _validate_database_url(raw: str) -> str:
    try:
        url = make_url(raw)
    except ArgumentError:
        raise ConfigurationError(f"DATABASE_URL is not a database URL: {raw!r}") from None
    if url.get_backend_name() not in {"sqlite", "postgresql"}:
        raise ConfigurationError(f"DATABASE_URL must be sqlite or postgresql, got {url.get_backend_name()!r}")
    return raw


def _validate_http_url(name: str, raw: str) -> Optional[str]:
    stripped = raw.strip()
    if not stripped:
        return None
    if not stripped.startswith(("http://", "https://")):
        raise ConfigurationError(f"{name} must start with http:// or https://, got {raw!r}")
    return stripped.rstrip("/")


def _validate_service_url(name: str, raw: str, schemes: Tuple[str, ...]) -> Optional[str]:
    stripped = raw.strip()
    if not stripped:
        return None
    if not stripped.startswith(tuple(f"{scheme}://" for scheme in schemes)):
        raise ConfigurationError(f"{name} must be a {' or '.join(schemes)} URL, got {raw!r}")
    return stripped


def _providers(raw: str) -> Tuple[str, ...]:
    names = tuple(name.strip().lower() for name in raw.split(",") if name.strip())
    unknown = [name for name in names if name not in TRANSLATION_PROVIDER_NAMES]
    if unknown:
        raise ConfigurationError(
            f"TRANSLATION_PROVIDERS: unknown {unknown}; choose from {', '.join(TRANSLATION_PROVIDER_NAMES)}"
        )
    return names


def _translation_settings(env: Mapping[str, str]) -> TranslationSettings:
    providers = _providers(env.get("TRANSLATION_PROVIDERS", ""))
    settings = TranslationSettings(
        providers=providers,
        libretranslate_url=_validate_http_url("LIBRETRANSLATE_URL", env.get("LIBRETRANSLATE_URL", "")),
        libretranslate_api_key=env.get("LIBRETRANSLATE_API_KEY") or None,
        microsoft_key=env.get("MICROSOFT_TRANSLATOR_KEY") or None,
        microsoft_region=env.get("MICROSOFT_TRANSLATOR_REGION") or None,
        deepl_api_key=env.get("DEEPL_API_KEY") or None,
        deepl_free_api=_parse_bool("DEEPL_FREE_API", env.get("DEEPL_FREE_API") or "true"),
        timeout=_parse_positive_float("TRANSLATION_TIMEOUT", env.get("TRANSLATION_TIMEOUT") or "3"),
        budget=_parse_positive_float("TRANSLATION_BUDGET", env.get("TRANSLATION_BUDGET") or "3.5"),
        cache_url=(env.get("TRANSLATION_CACHE_URL") or "").strip() or None,
        inbound_pivot=_parse_bool("INBOUND_PIVOT", env.get("INBOUND_PIVOT") or "false"),
    )
    required = {
        "libre": settings.libretranslate_url,
        "microsoft": settings.microsoft_key,
        "deepl": settings.deepl_api_key,
    }
    variables = {"libre": "LIBRETRANSLATE_URL", "microsoft": "MICROSOFT_TRANSLATOR_KEY", "deepl": "DEEPL_API_KEY"}
    for name in providers:
        if name in required and not required[name]:
            raise ConfigurationError(f"TRANSLATION_PROVIDERS lists {name} but {variables[name]} is empty")
    if settings.inbound_pivot and not providers:
        raise ConfigurationError("INBOUND_PIVOT needs a translator: set TRANSLATION_PROVIDERS")
    if settings.cache_url and not settings.cache_url.startswith(("redis://", "rediss://")):
        raise ConfigurationError(f"TRANSLATION_CACHE_URL must be a redis:// URL, got {settings.cache_url!r}")
    return settings


def _channel_settings(env: Mapping[str, str]) -> ChannelSettings:
    settings = ChannelSettings(
        telegram_token=env.get("TELEGRAM_BOT_TOKEN") or None,
        telegram_secret=env.get("TELEGRAM_SECRET_TOKEN") or None,
        telegram_api_url=_validate_http_url("TELEGRAM_API_URL", env.get("TELEGRAM_API_URL", ""))
        or ChannelSettings.telegram_api_url,
        facebook_page_token=env.get("FACEBOOK_PAGE_ACCESS_TOKEN") or None,
        facebook_app_secret=env.get("FACEBOOK_APP_SECRET") or None,
        facebook_verify_token=env.get("FACEBOOK_VERIFY_TOKEN") or None,
        facebook_graph_url=_validate_http_url("FACEBOOK_GRAPH_URL", env.get("FACEBOOK_GRAPH_URL", ""))
        or ChannelSettings.facebook_graph_url,
        http_timeout=_parse_positive_float("CHANNEL_HTTP_TIMEOUT", env.get("CHANNEL_HTTP_TIMEOUT") or "10"),
    )
    if settings.telegram_token and not settings.telegram_secret:
        raise ConfigurationError("TELEGRAM_BOT_TOKEN is set but TELEGRAM_SECRET_TOKEN is empty")
    if settings.telegram_secret and not re.fullmatch(r"[A-Za-z0-9_-]{1,256}", settings.telegram_secret):
        raise ConfigurationError("TELEGRAM_SECRET_TOKEN must be 1-256 characters of A-Z, a-z, 0-9, _ and -")
    if settings.facebook_page_token and not (settings.facebook_app_secret and settings.facebook_verify_token):
        raise ConfigurationError("FACEBOOK_PAGE_ACCESS_TOKEN needs FACEBOOK_APP_SECRET and FACEBOOK_VERIFY_TOKEN")
    return settings


def load_settings(environ: Optional[Mapping[str, str]] = None) -> Settings:
    """Builds and validates the settings from `environ` (the process environment by default)."""
    env = os.environ if environ is None else environ
    default_db = f"sqlite:///{PROJECT_ROOT / 'var' / 'citizen.db'}"
    content_dir = Path(env.get("CONTENT_DIR") or PROJECT_ROOT / "content")
    if not content_dir.is_dir():
        raise ConfigurationError(f"CONTENT_DIR is not a folder: {content_dir}")
    return Settings(
        database_url=_validate_database_url(env.get("DATABASE_URL") or default_db),
        content_dir=content_dir,
        application_status_url=_validate_http_url("APPLICATION_STATUS_URL", env.get("APPLICATION_STATUS_URL", "")),
        application_status_timeout=_parse_positive_float(
            "APPLICATION_STATUS_TIMEOUT", env.get("APPLICATION_STATUS_TIMEOUT") or "3"
        ),
        seed_demo_applications=_parse_bool("SEED_DEMO_APPLICATIONS", env.get("SEED_DEMO_APPLICATIONS") or "true"),
        translation=_translation_settings(env),
        channels=_channel_settings(env),
        retention_days=_parse_days(env.get("RETENTION_DAYS") or "365"),
        review_secure_cookies=_parse_bool("REVIEW_SECURE_COOKIES", env.get("REVIEW_SECURE_COOKIES") or "false"),
        lock_store_url=_validate_service_url("LOCK_STORE_URL", env.get("LOCK_STORE_URL", ""), ("redis", "rediss")),
        event_broker_url=_validate_service_url("EVENT_BROKER_URL", env.get("EVENT_BROKER_URL", ""), ("amqp", "amqps")),
        event_broker_queue=(env.get("EVENT_BROKER_QUEUE") or "rasa_events").strip(),
        database_retry_seconds=_parse_positive_float(
            "DATABASE_RETRY_SECONDS", env.get("DATABASE_RETRY_SECONDS") or "15"
        ),
    )
