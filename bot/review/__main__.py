"""The review app's commands.

python -m bot.review serve [--port 8081]
python -m bot.review create-user NAME --role administrator|officer [--agency AGENCY_ID]
    (the password is read from the terminal, or from standard input with --password-stdin)
python -m bot.review retention [--days N]   (default RETENTION_DAYS, 365)
"""

from __future__ import annotations

import argparse
import getpass
import sys

from aiohttp import web

from bot.catalog import load_catalog
from bot.exceptions import CitizenBotError
from bot.review.accounts import ADMINISTRATOR, OFFICER, Accounts
from bot.review.app import create_review_app
from bot.review.retention import apply_retention
from bot.settings import load_settings
from bot.storage.database import create_database_engine


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m bot.review", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    serve = commands.add_parser("serve", help="serve the review app on localhost")
    serve.add_argument("--port", type=int, default=8081)
    serve.add_argument("--host", default="127.0.0.1")
    user = commands.add_parser("create-user", help="create an administrator or an agency officer")
    user.add_argument("username")
    user.add_argument("--role", choices=(ADMINISTRATOR, OFFICER), required=True)
    user.add_argument("--agency", help="the officer's agency id, as in content/catalog/services.yml")
    user.add_argument("--password-stdin", action="store_true", help="read the password from standard input")
    retention = commands.add_parser("retention", help="delete conversations and records older than N days")
    retention.add_argument("--days", type=int)
    return parser


def main(argv: list[str] | None = None) -> int:
    arguments = _parser().parse_args(argv)
    settings = load_settings()
    engine = create_database_engine(settings.database_url)
    catalog = load_catalog(settings.catalog_dir)
    try:
        if arguments.command == "serve":
            app = create_review_app(engine, catalog, secure_cookies=settings.review_secure_cookies)
            web.run_app(app, host=arguments.host, port=arguments.port)
        elif arguments.command == "create-user":
            if arguments.agency and arguments.agency not in catalog.facts.agencies:
                raise CitizenBotError(
                    f"unknown agency {arguments.agency!r}; known: {', '.join(catalog.facts.agencies)}"
                )
            password = sys.stdin.readline().rstrip("\n") if arguments.password_stdin else getpass.getpass("Password: ")
            user = Accounts(engine).create_user(arguments.username, password, arguments.role, arguments.agency)
            print(f"created {user.role} {user.username}" + (f" of {user.agency_id}" if user.agency_id else ""))
        else:
            removed = apply_retention(engine, arguments.days or settings.retention_days)
            print(", ".join(f"{table}: {count}" for table, count in removed.items()) or "nothing to delete")
    except (CitizenBotError, ValueError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
