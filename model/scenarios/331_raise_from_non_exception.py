# Exit 1: "raise E from 5" raises TypeError: exception causes must derive from
# BaseException, not E (a cause that is an exception, a class of one or None is fine).
# Why: the model used to drop the cause unchecked and raise E.
import asyncio

async def main():
    try:
        raise ValueError("a") from KeyError("b")
    except ValueError as e:
        print("caught", repr(e))
    try:
        raise ValueError("c") from None
    except ValueError as e:
        print("caught", repr(e))
    raise ValueError("d") from 5

asyncio.run(main())
