# bpo-45997 / gh-90155 family: CPython 3.10's Semaphore lets a newcomer overtake a woken
# waiter (3.10 only; 3.11 rewrote Semaphore to keep FIFO order). release() wakes the
# first waiter, but a task calling acquire() before that waiter runs finds a unit and
# takes it; the woken waiter then queues again, behind everyone.
# Two workers take turns on a Semaphore(1), each entering twice; the one that just left
# comes straight back and takes the unit meant for the woken worker, which is starved
# until the other is done ("a" twice before "b", where 3.11+ alternates). Look for `fifo`
# (a woken waiter overtaken by a later arrival) from `explore` on 3.10 only.
# bug: bpo-45997 / gh-90155; looks for: fifo; lives in: 3.10
# explore: --cancel 0
import asyncio

sem = asyncio.Semaphore(1)

async def worker(name):
    for turn in range(2):
        async with sem:
            print(name, "turn", turn)
            await asyncio.sleep(0)  # work, holding the unit

async def main():
    await asyncio.gather(worker("a"), worker("b"))

asyncio.run(main())
