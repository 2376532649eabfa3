"""Posting to the stack's webhooks as a platform does."""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.request
from typing import Any, Callable, Dict, Optional, Tuple


def post(url: str, body: bytes, headers: Optional[Dict[str, str]] = None) -> Tuple[int, Any]:
    """POSTs raw bytes; returns the status and the decoded JSON (or text) of the answer."""
    request = urllib.request.Request(url, data=body, headers={"Content-Type": "application/json", **(headers or {})})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            status, raw = response.status, response.read()
    except urllib.error.HTTPError as error:
        status, raw = error.code, error.read()
    try:
        return status, json.loads(raw)
    except ValueError:
        return status, raw.decode("utf-8", "replace")


def post_json(url: str, payload: Any, headers: Optional[Dict[str, str]] = None) -> Tuple[int, Any]:
    return post(url, json.dumps(payload).encode("utf-8"), headers)


def eventually(check: Callable[[], Any], seconds: float = 20) -> Any:
    """The first truthy result of `check`, polled until `seconds` pass."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        result = check()
        if result:
            return result
        time.sleep(0.2)
    return check()
