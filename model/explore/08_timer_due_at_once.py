# Explore: a timer that is due at once (call_later(0)) joins the ready queue only when
# the loop iteration that created it ends, so where iterations end decides which steps
# can run before it. The explorer finds that the split into iterations matters here and
# searches with batches (see SleepSetDfs): these are all the orders CPython can show.
# explore: --cancel 0
import asyncio

async def worker(name, out):
    out.append(name + "1")
    await asyncio.sleep(0)
    out.append(name + "2")

async def main():
    loop = asyncio.get_running_loop()
    out = []
    loop.call_later(0, out.append, "timer")
    await asyncio.gather(worker("a", out), worker("b", out))
    print(" ".join(out))

asyncio.run(main())
