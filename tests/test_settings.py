from pathlib import Path

import pytest

from bot.exceptions import ConfigurationError
from bot.settings import PROJECT_ROOT, load_settings


def test_defaults_are_embedded_sqlite_and_the_sample_catalog():
    settings = load_settings({})
    assert settings.database_url.startswith("sqlite:///")
    assert settings.database_url.endswith("var/citizen.db")
    assert settings.catalog_dir == PROJECT_ROOT / "content" / "catalog"
    assert settings.application_status_url is None
    assert settings.application_status_timeout == 3.0
    assert settings.seed_demo_applications is True


def test_postgresql_url_is_accepted():
    settings = load_settings({"DATABASE_URL": "postgresql://citizen:secret@db:5432/citizen"})
    assert settings.database_url.startswith("postgresql://")


@pytest.mark.parametrize(
    "environ, named",
    [
        ({"DATABASE_URL": "not a url"}, "DATABASE_URL"),
        ({"DATABASE_URL": "mysql://x@y/z"}, "DATABASE_URL"),
        ({"APPLICATION_STATUS_URL": "ftp://agency"}, "APPLICATION_STATUS_URL"),
        ({"APPLICATION_STATUS_TIMEOUT": "soon"}, "APPLICATION_STATUS_TIMEOUT"),
        ({"APPLICATION_STATUS_TIMEOUT": "-1"}, "APPLICATION_STATUS_TIMEOUT"),
        ({"SEED_DEMO_APPLICATIONS": "maybe"}, "SEED_DEMO_APPLICATIONS"),
        ({"CONTENT_DIR": "/nonexistent/content"}, "CONTENT_DIR"),
        ({"LOCK_STORE_URL": "localhost:6379"}, "LOCK_STORE_URL"),
        ({"EVENT_BROKER_URL": "redis://localhost"}, "EVENT_BROKER_URL"),
        ({"DATABASE_RETRY_SECONDS": "0"}, "DATABASE_RETRY_SECONDS"),
    ],
)
def test_invalid_setting_stops_start_with_its_name(environ, named):
    with pytest.raises(ConfigurationError, match=named):
        load_settings(environ)


def test_scale_out_stores_are_off_by_default_and_read_from_urls():
    assert load_settings({}).lock_store_url is None and load_settings({}).event_broker_url is None
    settings = load_settings({"LOCK_STORE_URL": "redis://cache:6379/1", "EVENT_BROKER_URL": "amqp://u:p@mq:5672/%2F"})
    assert settings.lock_store_url == "redis://cache:6379/1"
    assert settings.event_broker_url == "amqp://u:p@mq:5672/%2F" and settings.event_broker_queue == "rasa_events"


def test_status_url_loses_its_trailing_slash(tmp_path: Path):
    settings = load_settings({"APPLICATION_STATUS_URL": "https://agency.example/api/"})
    assert settings.application_status_url == "https://agency.example/api"


def test_env_example_documents_every_variable_the_settings_read():
    documented = {
        line.split("=", 1)[0]
        for line in (PROJECT_ROOT / ".env.example").read_text().splitlines()
        if "=" in line and not line.startswith("#")
    }
    source = (PROJECT_ROOT / "bot" / "settings.py").read_text()
    read = {name for name in documented if f'"{name}"' in source}
    scripts_and_rasa = {"RASA_PORT", "WEBCHAT_PORT", "REVIEW_PORT", "ACTION_ENDPOINT_URL"}
    assert read == documented - scripts_and_rasa
    for name in (
        "DATABASE_URL",
        "CONTENT_DIR",
        "APPLICATION_STATUS_URL",
        "APPLICATION_STATUS_TIMEOUT",
        "SEED_DEMO_APPLICATIONS",
    ):
        assert name in documented


def test_no_translator_is_configured_by_default():
    translation = load_settings({}).translation
    assert translation.providers == () and not translation.inbound_pivot and translation.timeout == 3.0


def test_translation_providers_are_read_in_order():
    settings = load_settings({"TRANSLATION_PROVIDERS": "libre, google", "LIBRETRANSLATE_URL": "http://localhost:5000/"})
    assert settings.translation.providers == ("libre", "google")
    assert settings.translation.libretranslate_url == "http://localhost:5000"


@pytest.mark.parametrize(
    ("environ", "named"),
    [
        ({"TRANSLATION_PROVIDERS": "babelfish"}, "TRANSLATION_PROVIDERS"),
        ({"TRANSLATION_PROVIDERS": "libre"}, "LIBRETRANSLATE_URL"),
        ({"TRANSLATION_PROVIDERS": "deepl"}, "DEEPL_API_KEY"),
        ({"TRANSLATION_TIMEOUT": "-1"}, "TRANSLATION_TIMEOUT"),
        ({"TRANSLATION_CACHE_URL": "memcached://x"}, "TRANSLATION_CACHE_URL"),
        ({"INBOUND_PIVOT": "true"}, "INBOUND_PIVOT"),
    ],
)
def test_an_invalid_translation_setting_stops_start_with_its_name(environ, named):
    with pytest.raises(ConfigurationError, match=named):
        load_settings(environ)


def test_telegram_and_facebook_are_off_by_default():
    channels = load_settings({}).channels
    assert not channels.telegram_enabled and not channels.facebook_enabled


@pytest.mark.parametrize(
    ("environ", "named"),
    [
        ({"TELEGRAM_BOT_TOKEN": "1:abc"}, "TELEGRAM_SECRET_TOKEN"),
        ({"TELEGRAM_BOT_TOKEN": "1:abc", "TELEGRAM_SECRET_TOKEN": "has spaces"}, "TELEGRAM_SECRET_TOKEN"),
        ({"FACEBOOK_PAGE_ACCESS_TOKEN": "t"}, "FACEBOOK_APP_SECRET"),
        ({"TELEGRAM_API_URL": "ftp://x"}, "TELEGRAM_API_URL"),
        ({"CHANNEL_HTTP_TIMEOUT": "0"}, "CHANNEL_HTTP_TIMEOUT"),
    ],
)
def test_an_invalid_channel_setting_stops_start_with_its_name(environ, named):
    with pytest.raises(ConfigurationError, match=named):
        load_settings(environ)
