# Version details: entering an asyncio.timeout() a second time is an error from 3.12
# ("Timeout has already been entered") but was allowed in 3.11; rescheduling one never
# entered is a RuntimeError from 3.12 and a failed assert in 3.11 (3.10 has no timeout());
# min() and max() of nothing say "arg is an empty sequence" before 3.12.
# Why: the model once gave 3.12's behaviour in 3.11, and 3.12's messages in 3.10 and 3.11.
import asyncio


async def main():
    for f in (min, max):
        try:
            f([])
        except ValueError as e:
            print(type(e).__name__, e)
    print(min([], default="none"), max([3, 1, 2]))
    try:
        timeout = asyncio.timeout
    except AttributeError as e:
        print("AttributeError", e)
        return
    t = timeout(1)
    async with t:
        await asyncio.sleep(0)
    print(repr(t))
    try:
        async with t:
            print("entered again", repr(t))
    except RuntimeError as e:
        print(repr(e))
    u = timeout(2)
    try:
        u.reschedule(3)
    except RuntimeError as e:
        print("RuntimeError", e)
    except AssertionError as e:
        print("AssertionError", repr(e))
    print(repr(u))


asyncio.run(main())
