"""One settings object, read from the environment and validated once at start.

Every variable is documented in `.env.example`. Defaults are the embedded ones: SQLite
files under `var/`, the sample catalog, the seeded demo application store.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping, Optional

from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from bot.exceptions import ConfigurationError

PROJECT_ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Settings:
    """Validated configuration of the assistant's own code (not of Rasa itself)."""

    database_url: str
    content_dir: Path
    application_status_url: Optional[str]
    application_status_timeout: float
    seed_demo_applications: bool

    @property
    def catalog_dir(self) -> Path:
        """Where the service catalog files live."""
        return self.content_dir / "catalog"

    @property
    def names_dir(self) -> Path:
        """Where the names citizens use for services and languages live, one file per language."""
        return self.content_dir / "names"


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
    )
