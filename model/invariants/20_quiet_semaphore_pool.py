# 20 must not fire: a Semaphore(2) limits four jobs to two at a time.
# expect: none
# explore: --cancel 1
import asyncio

sem = asyncio.Semaphore(2)
inside = 0

async def job(name):
    global inside
    async with sem:
        inside += 1
        try:
            assert inside <= 2, f"{inside} inside"
            await asyncio.sleep(0)
        finally:
            inside -= 1
        print(name, "done")

async def main():
    await asyncio.gather(*[job(n) for n in "abcd"], return_exceptions=True)

asyncio.run(main())
