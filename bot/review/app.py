"""The review app (aiohttp): login, the pages, exports; started by `python -m bot.review serve`.

Every route but the login form needs a session; every POST needs the session's CSRF token;
every query runs inside the user's `Scope`. Templates autoescape everything they show.
"""

from __future__ import annotations

import io
import secrets
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Awaitable, Callable, Dict, Optional

import jinja2
from aiohttp import web
from sqlalchemy import select, update

from bot.catalog import Catalog
from bot.languages import LANGUAGES
from bot.privacy import Redactor
from bot.review import analytics
from bot.review.accounts import Accounts, Session
from bot.review.charts import bar_chart, line_chart
from bot.review.export import nlu_yaml_per_language, to_csv
from bot.review.facts import refresh_facts
from bot.review.scope import Filters, Scope
from bot.review.transcript import transcript
from bot.storage.database import complaints, feedback, handoff_requests, message_facts

TEMPLATES = Path(__file__).resolve().parent / "templates"
COOKIE, LOGIN_COOKIE = "review_session", "review_login_csrf"
_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


@dataclass(frozen=True)
class ReviewContext:
    engine: Any
    accounts: Accounts
    catalog: Catalog
    redactor: Redactor
    templates: jinja2.Environment
    secure_cookies: bool


def _same(given: str, expected: str) -> bool:
    """Constant-time comparison that also takes non-ASCII input (compare_digest refuses it as str)."""
    return secrets.compare_digest(given.encode("utf-8", "replace"), expected.encode("utf-8"))


def _scope(request: web.Request) -> Scope:
    context: ReviewContext = request.app["context"]
    session: Session = request["session"]
    filters = Filters.from_query(request.query, tuple(context.catalog.facts.services))
    return Scope.of(session.user, filters, context.catalog)


def _render(request: web.Request, template: str, **values: Any) -> web.Response:
    context: ReviewContext = request.app["context"]
    session: Optional[Session] = request.get("session")
    scope = _scope(request) if session else None
    channels = []
    if session:
        with context.engine.connect() as connection:
            channels = [row[0] for row in connection.execute(select(message_facts.c.channel).distinct())]
    services = (
        scope.agency_services if scope and scope.agency_services is not None else tuple(context.catalog.facts.services)
    )
    html = context.templates.get_template(template).render(
        session=session,
        filters=scope.filters if scope else Filters(),
        languages=LANGUAGES,
        channels=sorted(channels),
        service_choices=services,
        titles={sid: t.title for sid, t in context.catalog.texts["en"].services.items()},
        path=request.path,
        **values,
    )
    return web.Response(text=html, content_type="text/html", charset="utf-8", headers=_HEADERS)


@web.middleware
async def security(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Sessions for every page but the login form, CSRF on every POST."""
    context: ReviewContext = request.app["context"]
    if request.path == "/favicon.ico":
        raise web.HTTPNoContent()
    if request.path.startswith("/static/") or request.path == "/login":
        return await handler(request)
    session = context.accounts.session(request.cookies.get(COOKIE))
    if session is None:
        if request.method == "GET" and not request.path.startswith("/export"):
            raise web.HTTPFound("/login")
        raise web.HTTPUnauthorized(text="log in first")
    if request.method == "POST":
        form = await request.post()
        if not _same(str(form.get("csrf_token", "")), session.csrf_token):
            raise web.HTTPForbidden(text="missing or wrong CSRF token")
    request["session"] = session
    return await handler(request)


async def login_form(request: web.Request) -> web.Response:
    # Reuse the token of an open login form (another tab, a favicon request) so it stays valid.
    token = request.cookies.get(LOGIN_COOKIE) or secrets.token_urlsafe(24)
    response = _render(request, "login.html", login_csrf=token, error=None)
    response.set_cookie(
        LOGIN_COOKIE, token, httponly=True, samesite="Strict", secure=request.app["context"].secure_cookies
    )
    return response


async def login(request: web.Request) -> web.Response:
    context: ReviewContext = request.app["context"]
    form = await request.post()
    if not _same(str(form.get("csrf_token", "")), request.cookies.get(LOGIN_COOKIE, "-")):
        raise web.HTTPForbidden(text="missing or wrong CSRF token")
    user = context.accounts.authenticate(str(form.get("username", "")), str(form.get("password", "")))
    if user is None:
        token = secrets.token_urlsafe(24)
        response = _render(request, "login.html", login_csrf=token, error="Wrong username or password.")
        response.set_cookie(LOGIN_COOKIE, token, httponly=True, samesite="Strict", secure=context.secure_cookies)
        response.set_status(401)
        return response
    response = web.HTTPFound("/")
    response.set_cookie(
        COOKIE, context.accounts.open_session(user), httponly=True, samesite="Strict", secure=context.secure_cookies
    )
    response.del_cookie(LOGIN_COOKIE)
    raise response


async def logout(request: web.Request) -> web.Response:
    request.app["context"].accounts.close_session(request.cookies.get(COOKIE))
    response = web.HTTPFound("/login")
    response.del_cookie(COOKIE)
    raise response


async def overview_page(request: web.Request) -> web.Response:
    context: ReviewContext = request.app["context"]
    refresh_facts(context.engine)
    scope = _scope(request)
    figures = analytics.overview(context.engine, scope)
    days = analytics.per_day(context.engine, scope)
    languages = analytics.per_language(context.engine, scope)
    charts = {
        "days": line_chart(
            "Messages (solid) and unanswered messages (dashed) per day",
            [(d["day"], d["messages"]) for d in days],
            [(d["day"], d["unanswered"]) for d in days],
        ),
        "languages": bar_chart("Messages per language", [(r["language"], r["messages"]) for r in languages]),
        "fallback": bar_chart(
            "Fallback rate per language",
            [(r["language"], r["fallback_rate"]) for r in languages if r["fallback_rate"] is not None],
            unit="%",
        ),
        "channels": bar_chart("Messages per channel", sorted(analytics.per_channel(context.engine, scope).items())),
    }
    return _render(request, "overview.html", figures=figures, per_language=languages, charts=charts)


async def gaps_page(request: web.Request) -> web.Response:
    context: ReviewContext = request.app["context"]
    refresh_facts(context.engine)
    scope = _scope(request)
    languages = analytics.per_language(context.engine, scope)
    return _render(
        request,
        "gaps.html",
        groups=analytics.gap_groups(context.engine, scope),
        per_language=languages,
        services=analytics.service_quality(context.engine, scope),
        chart=bar_chart(
            "Fallback rate per language",
            [(r["language"], r["fallback_rate"]) for r in languages if r["fallback_rate"] is not None],
            unit="%",
        ),
    )


async def export_gaps(request: web.Request) -> web.Response:
    context: ReviewContext = request.app["context"]
    form = await request.post()
    ids = [int(part) for value in form.getall("record", []) for part in str(value).split(",") if part.isdigit()]
    files = nlu_yaml_per_language(analytics.gap_texts(context.engine, _scope(request), ids))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for language, text in files.items():
            archive.writestr(f"{language}.yml", text)
    return web.Response(
        body=buffer.getvalue(),
        content_type="application/zip",
        headers={"Content-Disposition": 'attachment; filename="unanswered-nlu.zip"', **_HEADERS},
    )


async def records_page(request: web.Request) -> web.Response:
    context: ReviewContext = request.app["context"]
    kind = request.match_info["kind"]
    table, text_column = (feedback, "comment") if kind == "feedback" else (complaints, "text")
    rows = analytics.record_rows(
        context.engine, _scope(request), table, kind if kind == "feedback" else "complaint", text_column
    )
    return _render(request, "records.html", kind=kind, rows=rows, text_column=text_column)


async def conversation_page(request: web.Request) -> web.Response:
    context: ReviewContext = request.app["context"]
    conversation_id = request.match_info["conversation_id"]
    if not _scope(request).may_see_conversation(conversation_id, context.engine):
        raise web.HTTPNotFound(text="no such conversation")
    turns = transcript(context.engine, conversation_id, context.redactor)
    return _render(request, "conversation.html", conversation_id=conversation_id, turns=turns)


async def handoffs_page(request: web.Request) -> web.Response:
    context: ReviewContext = request.app["context"]
    rows = analytics.handoff_queue(context.engine, _scope(request))
    for row in rows:
        row["transcript"] = [
            {**turn, "text": context.redactor.redact(turn.get("text") or "")} for turn in row["transcript"]
        ]
    return _render(request, "handoffs.html", rows=rows)


async def mark_handled(request: web.Request) -> web.Response:
    context: ReviewContext = request.app["context"]
    request_id = int(request.match_info["request_id"])
    visible = [row["id"] for row in analytics.handoff_queue(context.engine, _scope(request), limit=100000)]
    if request_id not in visible:
        raise web.HTTPNotFound(text="no such open request")
    with context.engine.begin() as connection:
        connection.execute(update(handoff_requests).where(handoff_requests.c.id == request_id).values(status="handled"))
    raise web.HTTPFound("/handoffs")


CSV_EXPORTS: Dict[str, Callable[[ReviewContext, Scope], tuple]] = {
    "feedback": lambda c, s: (
        analytics.record_rows(c.engine, s, feedback, "feedback", "comment", limit=1_000_000),
        [
            "id",
            "created_at",
            "service_id",
            "language",
            "channel",
            "rating",
            "comment",
            "english",
            "provider",
            "conversation_id",
        ],
    ),
    "complaints": lambda c, s: (
        analytics.record_rows(c.engine, s, complaints, "complaint", "text", limit=1_000_000),
        ["id", "created_at", "service_id", "language", "channel", "text", "english", "provider", "conversation_id"],
    ),
    "gaps": lambda c, s: (
        [
            {**g, "languages": g["languages"], "record_ids": len(g["record_ids"])}
            for g in analytics.gap_groups(c.engine, s, 100000)
        ],
        ["text", "count", "languages", "english"],
    ),
    "languages": lambda c, s: (
        analytics.per_language(c.engine, s),
        ["language", "messages", "unanswered", "fallback_rate", "ratings", "average_rating"],
    ),
    "services": lambda c, s: (
        analytics.service_quality(c.engine, s),
        ["service", "complaints", "ratings", "average_rating"],
    ),
    "days": lambda c, s: (analytics.per_day(c.engine, s), ["day", "messages", "unanswered"]),
    "handoffs": lambda c, s: (
        analytics.handoff_queue(c.engine, s, limit=1_000_000),
        ["id", "created_at", "service_id", "language", "channel", "status", "conversation_id"],
    ),
}


async def export_csv(request: web.Request) -> web.Response:
    context: ReviewContext = request.app["context"]
    name = request.match_info["name"]
    if name not in CSV_EXPORTS:
        raise web.HTTPNotFound(text="no such export")
    refresh_facts(context.engine)
    rows, columns = CSV_EXPORTS[name](context, _scope(request))  # records are stored redacted
    return web.Response(
        text=to_csv(rows, columns),
        content_type="text/csv",
        charset="utf-8",
        headers={"Content-Disposition": f'attachment; filename="{name}.csv"', **_HEADERS},
    )


def create_review_app(
    engine: Any, catalog: Catalog, accounts: Optional[Accounts] = None, secure_cookies: bool = False
) -> web.Application:
    templates = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)), autoescape=True, undefined=jinja2.StrictUndefined
    )
    templates.filters["percent"] = lambda value: "–" if value is None else f"{value:.1%}"
    templates.filters["number"] = lambda value, digits=2: "–" if value is None else f"{value:.{digits}f}"
    app = web.Application(middlewares=[security], client_max_size=256 * 1024)
    app["context"] = ReviewContext(engine, accounts or Accounts(engine), catalog, Redactor(), templates, secure_cookies)
    app.router.add_get("/login", login_form)
    app.router.add_post("/login", login)
    app.router.add_post("/logout", logout)
    app.router.add_get("/", overview_page)
    app.router.add_get("/gaps", gaps_page)
    app.router.add_post("/gaps/export", export_gaps)
    app.router.add_get(r"/{kind:feedback|complaints}", records_page)
    app.router.add_get("/conversations/{conversation_id}", conversation_page)
    app.router.add_get("/handoffs", handoffs_page)
    app.router.add_post(r"/handoffs/{request_id:\d+}/handled", mark_handled)
    app.router.add_get("/export/{name}.csv", export_csv)
    return app
