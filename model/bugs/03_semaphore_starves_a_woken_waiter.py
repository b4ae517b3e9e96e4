# bpo-45997 / gh-90155 family: CPython 3.10's Semaphore lets a task that comes straight
# back overtake the waiter that release() woke (3.10 only; 3.11 rewrote Semaphore to keep
# FIFO order). release() wakes the first waiter, but a task calling acquire() before that
# waiter runs finds the unit free and takes it; the woken waiter then queues again,
# behind it, and so on while the other keeps coming back.
# A pool of one connection: a poller uses it in a loop, a request needs it within 0.25 s.
# On 3.10 the poller takes the connection back each time it was handed to the request,
# which starves until its wait_for times out: look for `exception` (TimeoutError) from
# `explore` on 3.10 only (CPython's own schedule shows it). On 3.11+ the request gets the
# connection as soon as the poller releases it.
# bug: bpo-45997 / gh-90155; looks for: exception; lives in: 3.10
# explore: --cancel 0
import asyncio

pool = asyncio.Semaphore(1)

async def poller():
    for poll in range(5):
        async with pool:
            await asyncio.sleep(0.1)  # fetch, on the connection
            print("poll", poll)

async def request():
    await asyncio.sleep(0.05)
    await asyncio.wait_for(pool.acquire(), timeout=0.25)
    try:
        print("request served")
    finally:
        pool.release()

async def main():
    await asyncio.gather(poller(), request())
    print("done")

asyncio.run(main())
