# Barrier: cancelling a party blocked in wait() withdraws it: n_waiting drops and
# the barrier is not broken, so a newcomer can take its place.
# Why: unlike abort(), cancelling one waiter does not break the rendezvous.
import asyncio

barrier = asyncio.Barrier(2)

async def party(name):
    try:
        i = await barrier.wait()
        print(name, "passed with", i)
    except asyncio.CancelledError:
        print(name, "cancelled")
        raise

async def main():
    t1 = asyncio.create_task(party("quitter"))
    await asyncio.sleep(0)
    print("n_waiting:", barrier.n_waiting)
    t1.cancel()
    await asyncio.gather(t1, return_exceptions=True)
    print("n_waiting:", barrier.n_waiting, "broken:", barrier.broken)
    t2 = asyncio.create_task(party("newcomer"))
    await party("main")
    await t2

asyncio.run(main())
