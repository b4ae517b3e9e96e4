# Refused: a syntax error, a nonlocal declaration that no enclosing function binds
# (CPython: "no binding for nonlocal 'total' found", at the nonlocal statement).
import asyncio


async def main():
    def add():
        nonlocal total
        total = 1
    add()


asyncio.run(main())
