# 29 must not fire: check-then-act under a Lock: never overdrawn.
# expect: none
# explore: --cancel 1
import asyncio

balance = 100
lock = asyncio.Lock()

async def withdraw(name, amount):
    global balance
    async with lock:
        if balance >= amount:
            await asyncio.sleep(0)
            balance -= amount
            assert balance >= 0
            print(name, "withdrew", amount)
        else:
            print(name, "refused")

async def main():
    await asyncio.gather(withdraw("a", 80), withdraw("b", 70), return_exceptions=True)
    print("balance", balance)

asyncio.run(main())
