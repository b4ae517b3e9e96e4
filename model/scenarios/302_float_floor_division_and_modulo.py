# Float // and % are not floor(x / y) and fmod: Python takes the exact remainder, gives it
# the sign of the divisor (a zero remainder too), and rounds the quotient (x - r) / y to an
# integer, so 1 // 0.1 is 9.0 while 1 / 0.1 is 10.0. Infinities and signed zeros as CPython.
# Why: the model once computed Math.floor(x / y) and kept the dividend's sign on a zero remainder.
import asyncio


async def share(total, part):
    await asyncio.sleep(0)
    return total // part, total % part


async def main():
    print(1 // 0.1, 1.0 // 0.1, 1 % 0.1, -1 // 0.1, -1 % 0.1)
    print(-4.0 % 2.0, 4.0 % -2.0, -4.0 // 2.0, 0.0 // -3.0, -0.0 // 3.0, 0.0 % -3.0)
    print(7.5 // 2, 7.5 % 2, -7.5 // 2, -7.5 % 2, 7.5 // -2, 7.5 % -2)
    print(0.3 // 0.1, 0.3 % 0.1, 2.0 // 0.2, 5 // 0.5)
    x = 10.0
    x //= 0.1
    y = 10.0
    y %= 0.1
    print(x, y)
    inf = float("inf")
    print(inf // 1.0, 1.0 // inf, -1.0 // inf, 1.0 % inf, -1.0 % inf)
    print(await asyncio.gather(share(1, 0.1), share(-7.5, 2), share(3, -0.5)))
    try:
        print(1.5 // 0.0)
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", e)
    try:
        print(1.5 % 0)
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", e)


asyncio.run(main())
