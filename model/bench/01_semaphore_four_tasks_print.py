# Bench: Semaphore(2) shared by four tasks that print inside the critical section
# (issue 9's "4 tasks, Semaphore(2), a print inside"). The prints make most orders
# distinct outcomes, so reduction cannot merge them; with --cancel 1 any task may be
# cancelled while waiting or inside.
# explore: --cancel 1
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
