"""Running blocking library calls without stalling the event loop."""

from __future__ import annotations

import asyncio
import functools
from typing import Any, Callable, TypeVar

ResultT = TypeVar("ResultT")


async def run_blocking(function: Callable[..., ResultT], *args: Any, **kwargs: Any) -> ResultT:
    """Runs `function(*args, **kwargs)` in the default executor and awaits its result."""
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(None, functools.partial(function, *args, **kwargs))
