"""Serves the citizen page on its own port: the page, its script and style, and the widget.

The widget's bundle comes from the npm registry at set-up (`web/node_modules`, installed
by the run and test commands from `web/package-lock.json`), never from the repository. The
page carries, per language, its autonym, direction and the curated words it shows around
the widget (that this is an automated assistant and how to reach a person).
"""

from __future__ import annotations

import html
import json
from pathlib import Path
from typing import Any, Dict, List

from aiohttp import web

from bot.catalog import load_catalog
from bot.languages import LANGUAGES
from bot.nlg.bidi import RLM, isolate
from bot.responses import load_response_texts
from bot.responses.templates import read_domain_responses
from bot.settings import PROJECT_ROOT, Settings

STATIC = Path(__file__).resolve().parent / "static"
WIDGET_BUNDLE = PROJECT_ROOT / "web" / "node_modules" / "rasa-webchat" / "lib" / "index.js"


def security_headers(socket_url: str) -> Dict[str, str]:
    """Headers of the page. The policy lets the page talk only to itself and to Rasa; it also
    stops the widget's request for a web font from outside (nothing is fetched at run time)."""
    socket = socket_url.rstrip("/")
    websocket = socket.replace("http://", "ws://", 1).replace("https://", "wss://", 1)
    policy = (
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
        f"font-src 'self' data:; connect-src 'self' {socket} {websocket}; frame-ancestors 'none'; base-uri 'none'"
    )
    return {
        "Content-Security-Policy": policy,
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
    }


def page_languages(settings: Settings) -> List[Dict[str, Any]]:
    """Per language: code, autonym, direction, and the page's curated words in it."""
    texts = load_response_texts(settings.responses_dir, read_domain_responses(settings.domain_path))
    catalog = load_catalog(settings.catalog_dir)
    centre = catalog.facts.offices[catalog.facts.contact_centre]
    languages = []
    for code, language in LANGUAGES.items():
        localized = catalog.localized(code)
        languages.append(
            {
                "code": code,
                "autonym": language.autonym,
                "dir": language.direction.value,
                "notice": texts.text("utter_iamabot", code).replace(RLM, ""),
                "human": f"{localized.texts.offices[catalog.facts.contact_centre].name}: {isolate(centre.phone)}",
            }
        )
    return languages


def render_page(settings: Settings, socket_url: str) -> str:
    """The page, with its configuration embedded as JSON (escaped for a script element)."""
    config = {"socketUrl": socket_url, "languages": page_languages(settings)}
    embedded = json.dumps(config, ensure_ascii=False).replace("<", "\\u003c")
    template = (STATIC / "index.html").read_text(encoding="utf-8")
    options = "\n".join(
        f'        <option value="{html.escape(entry["code"])}" lang="{html.escape(entry["code"])}">'
        f"{html.escape(entry['autonym'])}</option>"
        for entry in config["languages"]
    )
    return template.replace("{{options}}", options).replace("{{config}}", embedded)


def create_app(settings: Settings, socket_url: str, widget_bundle: Path = WIDGET_BUNDLE) -> web.Application:
    """The page's aiohttp application; `socket_url` is where the browser reaches Rasa."""
    page = render_page(settings, socket_url)
    headers = security_headers(socket_url)

    async def index(_: web.Request) -> web.Response:
        return web.Response(text=page, content_type="text/html", charset="utf-8", headers=headers)

    async def widget(_: web.Request) -> web.StreamResponse:
        if not widget_bundle.is_file():
            raise web.HTTPServiceUnavailable(text="the rasa-webchat widget is not installed: run scripts/run")
        return web.FileResponse(widget_bundle, headers={"Content-Type": "application/javascript"})

    app = web.Application()
    app.router.add_get("/", index)
    app.router.add_get("/webchat.js", widget)
    app.router.add_static("/static/", STATIC)
    return app
