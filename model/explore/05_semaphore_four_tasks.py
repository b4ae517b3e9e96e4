# Explore: Semaphore(2) shared by four tasks (inject one cancel with --cancel 1).
# At most two are inside at any time (the assert, and lockstep's semaphore-bounds
# invariant, are checked in every schedule); a cancelled waiter gives its unit back,
# so the semaphore ends at 2 whoever is cancelled, and wherever.
# explore: --cancel 1
import asyncio

sem = asyncio.Semaphore(2)
inside = 0
done = []

async def worker(name):
    global inside
    try:
        async with sem:
            inside += 1
            assert inside <= 2, "more than two inside"
            await asyncio.sleep(0)
            inside -= 1
        done.append(name)
    except asyncio.CancelledError:
        done.append(name + " cancelled")

async def main():
    await asyncio.gather(*[worker(n) for n in "abcd"], return_exceptions=True)
    print(sorted(done), repr(sem))

asyncio.run(main())
