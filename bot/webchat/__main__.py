"""`python -m bot.webchat --port 8080 --socket-url http://localhost:5005` serves the citizen page."""

from __future__ import annotations

import argparse

from aiohttp import web

from bot.settings import load_settings
from bot.webchat.app import create_app


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, default=8080)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--socket-url", required=True, help="where the browser reaches Rasa's Socket.IO channel")
    arguments = parser.parse_args()
    web.run_app(create_app(load_settings(), arguments.socket_url), host=arguments.host, port=arguments.port)


if __name__ == "__main__":
    main()
