# Future: result() and exception() of a pending future raise InvalidStateError
# ('Result is not set.' / 'Exception is not set.'); setting a result or exception
# on a done or cancelled future raises InvalidStateError('invalid state').
# Why: the state machine of a future rejects every out-of-order call.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    try:
        fut.result()
    except asyncio.InvalidStateError as e:
        print("result():", repr(e))
    try:
        fut.exception()
    except asyncio.InvalidStateError as e:
        print("exception():", repr(e))
    fut.set_result(1)
    try:
        fut.set_result(2)
    except asyncio.InvalidStateError as e:
        print("set_result twice:", repr(e))
    try:
        fut.set_exception(ValueError("late"))
    except asyncio.InvalidStateError as e:
        print("set_exception after result:", repr(e))
    c = loop.create_future()
    c.cancel()
    try:
        c.set_result(3)
    except asyncio.InvalidStateError as e:
        print("set_result after cancel:", repr(e))
    print("result kept:", fut.result())

asyncio.run(main())
