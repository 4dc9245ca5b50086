"""The one server-sent-event loop (generator.web.events) of `nota preview` and `nota serve`."""

import asyncio

from generator.web import runner
from generator.web.events import change_events


def collect(response, n: int) -> list:
    async def first() -> list:
        out = []
        async for event in response.body_iterator:
            out.append(event)
            if len(out) == n:
                break
        await response.body_iterator.aclose()
        return out

    return asyncio.run(first())


def test_a_change_is_sent_once_and_the_stream_ends_when_the_preview_stops():
    slots, states = runner.Slots(), iter([1, 1, 2, 2, 2])
    stopped = iter([False, False, False, True])
    response = change_events(
        slots, lambda: {"versie": next(states)}, 0.001, stopped=lambda: next(stopped), in_thread=False
    )
    assert slots.taken == 1
    assert collect(response, 10) == [{"data": '{"versie": 1}'}, {"data": '{"versie": 2}'}]
    assert slots.taken == 0  # the slot is given back


def test_more_streams_than_slots_are_refused_in_dutch():
    slots = runner.Slots(limit=1)
    change_events(slots, lambda: 1)
    refused = change_events(slots, lambda: 1, too_many="te veel open vensters met dit voorbeeld")
    assert refused.status_code == 503 and refused.body.decode() == "te veel open vensters met dit voorbeeld"
