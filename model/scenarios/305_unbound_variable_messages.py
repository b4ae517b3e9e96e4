# Reading a variable before it is assigned: UnboundLocalError for a local (also one that an
# inner function shares), NameError for a free variable of an inner function; the messages
# are 3.11's ("cannot access ... where it is not associated with a value") and 3.10's
# ("referenced before assignment").
# Why: the model once gave 3.11's messages in 3.10, and a NameError for a function's own cell.
import asyncio


def reads_then_assigns():
    print(x)
    x = 1


def inner_reads_too_early():
    def inner():
        return y
    try:
        inner()
    except NameError as e:
        print(type(e).__name__ + ":", e)
    y = 2
    return inner()


def own_cell_too_early():
    def inner():
        return z
    print(z)
    z = 3


async def main():
    for f in (reads_then_assigns, inner_reads_too_early, own_cell_too_early):
        try:
            print(f())
        except NameError as e:
            print(type(e).__name__ + ":", e)
        await asyncio.sleep(0)


asyncio.run(main())
