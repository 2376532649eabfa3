"""Registers the assistant's webhook with Telegram, with the secret token it must echo.

Usage: .venv/bin/python scripts/connect_telegram.py https://your.host/webhooks/telegram/webhook
Reads TELEGRAM_BOT_TOKEN, TELEGRAM_SECRET_TOKEN (and TELEGRAM_API_URL) from the environment.
Telegram only calls HTTPS URLs on ports 443, 80, 88 or 8443.
"""

from __future__ import annotations

import json
import sys
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.settings import load_settings  # noqa: E402


def main(webhook_url: str) -> int:
    channels = load_settings().channels
    if not channels.telegram_enabled:
        print("Set TELEGRAM_BOT_TOKEN and TELEGRAM_SECRET_TOKEN first (see .env.example).", file=sys.stderr)
        return 1
    body = {
        "url": webhook_url,
        "secret_token": channels.telegram_secret,
        "allowed_updates": ["message", "callback_query"],
    }
    request = urllib.request.Request(
        f"{channels.telegram_api_url}/bot{channels.telegram_token}/setWebhook",
        data=json.dumps(body).encode("utf-8"),
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=channels.http_timeout) as response:
        answer = json.loads(response.read())
    print(answer.get("description") or answer)
    return 0 if answer.get("ok") else 1


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1]))
