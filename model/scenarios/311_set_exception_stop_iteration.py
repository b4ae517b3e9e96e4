# Future.set_exception: an exception class is instantiated; a StopIteration, which would end
# the coroutine that awaits the future as if it returned, is refused with TypeError in 3.10
# and 3.11 (the future stays pending) and replaced by a RuntimeError from 3.12; a done
# future raises InvalidStateError first.
# Why: the model once stored the StopIteration in every version.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    for exc in [StopIteration, StopIteration("s"), ValueError, KeyError("k")]:
        f = loop.create_future()
        try:
            f.set_exception(exc)
            print(repr(exc), "->", f.done(), repr(f.exception()))
        except Exception as e:
            print(repr(exc), "->", type(e).__name__, e)

    f = loop.create_future()
    f.set_result(1)
    try:
        f.set_exception(StopIteration)
    except Exception as e:
        print(type(e).__name__, e)

asyncio.run(main())
