# The asyncio API prints and types as CPython defines each function: create_task, sleep,
# gather, wait_for, shield, timeout and run are Python functions (<function create_task at
# 0x...>), current_task and get_running_loop C builtins (Python functions in the 3.10 and
# 3.11 oracles), and the loop's methods are bound methods (type 'method').
# Why: the model printed <built-in function create_task>, written in Java as it is.
import asyncio

async def main():
    for f in [asyncio.create_task, asyncio.sleep, asyncio.gather, asyncio.wait_for, asyncio.shield, asyncio.current_task,
              asyncio.get_running_loop, asyncio.run, print, len, sorted]:
        print(type(f).__name__, f)
    try:
        print(type(asyncio.timeout).__name__, asyncio.timeout)
    except AttributeError as e:
        print("AttributeError", e)
    loop = asyncio.get_running_loop()
    print(type(loop.call_soon).__name__, type(loop.create_future).__name__, type(loop.time).__name__, type(loop.call_later).__name__)

asyncio.run(main())
