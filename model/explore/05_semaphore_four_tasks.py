# Explore: Semaphore(2) shared by four tasks (inject one cancel with --cancel 1).
# At most two are inside at any time; a cancelled waiter gives its unit back.
import asyncio

sem = asyncio.Semaphore(2)
inside = 0

async def worker(name):
    global inside
    try:
        async with sem:
            inside += 1
            assert inside <= 2, "more than two inside"
            print(name, "in", inside)
            await asyncio.sleep(0)
            inside -= 1
    except asyncio.CancelledError:
        print(name, "cancelled")

async def main():
    await asyncio.gather(*[worker(n) for n in "abcd"], return_exceptions=True)
    print("value", repr(sem))

asyncio.run(main())
