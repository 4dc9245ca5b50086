"""Server-sent events for `nota preview` and `nota serve`: one loop, on sse-starlette."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator, Callable
from typing import Any

from sse_starlette.sse import EventSourceResponse
from starlette.concurrency import run_in_threadpool
from starlette.responses import PlainTextResponse, Response

from generator.web import runner

TOO_MANY = "te veel open vensters; sluit er een en laad de pagina opnieuw"


def change_events(
    streams: runner.Slots,
    current: Callable[[], Any],
    seconds: float = 0.2,
    ping: float = 15.0,
    *,
    stopped: Callable[[], bool] = lambda: False,
    in_thread: bool = True,
    too_many: str = TOO_MANY,
) -> Response:
    """`current()` (JSON-able) now and whenever it changes, until `stopped()`; one of a
    limited number of open streams. `in_thread`: `current` blocks (reads a file)."""
    if not streams.take():
        return PlainTextResponse(too_many, 503)

    async def read() -> Any:
        return await run_in_threadpool(current) if in_thread else current()

    async def stream() -> AsyncIterator[dict[str, str]]:
        try:
            told = await read()
            yield {"data": json.dumps(told)}
            while not stopped():
                await asyncio.sleep(seconds)
                now = await read()
                if now != told:
                    told = now
                    yield {"data": json.dumps(now)}
        finally:
            streams.release()

    return EventSourceResponse(stream(), ping=int(ping), headers={"Cache-Control": "no-store"})
