# Bench: three clients, two requests each, served one at a time by Semaphore(1)
# (issue 9's "3 clients x 2 requests on Semaphore(1)"); a client thinks (yields)
# between its requests. Each request prints, so orders of service are outcomes.
# explore: --cancel 0
import asyncio

server = asyncio.Semaphore(1)

async def client(name):
    for i in range(2):
        async with server:
            print(name, "request", i)
            await asyncio.sleep(0)
        await asyncio.sleep(0)

async def main():
    await asyncio.gather(*[client(n) for n in "abc"])

asyncio.run(main())
