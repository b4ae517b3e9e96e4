# 05 must fire: check-then-act across an await. Two withdrawals check the balance, yield,
# then withdraw: both can pass the check and overdraw; the assert says so.
# expect: assert
# symptom: error AssertionError: overdrawn
# explore: --cancel 1
import asyncio

balance = 100

async def withdraw(name, amount):
    global balance
    if balance >= amount:
        await asyncio.sleep(0)
        balance -= amount
        assert balance >= 0, f"overdrawn by {name}: {balance}"
        print(name, "withdrew", amount)

async def main():
    await asyncio.gather(withdraw("a", 80), withdraw("b", 70))
    print("balance", balance)

asyncio.run(main())
