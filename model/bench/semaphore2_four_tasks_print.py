# Bench: Semaphore(2) shared by four tasks that each print inside the critical section.
# Every order in which the tasks enter and leave is a distinct output, so the search
# cannot merge much: the acceptance case of "exhaustive search at scale" (issue 9),
# explored with --cancel 1 under -Xmx512m.
import asyncio

sem = asyncio.Semaphore(2)

async def worker(name):
    try:
        async with sem:
            print(name, "in")
            await asyncio.sleep(0)
            print(name, "out")
    except asyncio.CancelledError:
        print(name, "cancelled")

async def main():
    await asyncio.gather(*[worker(n) for n in "abcd"], return_exceptions=True)
    print(repr(sem))

asyncio.run(main())
