# The name of "except T as name" is unbound when the handler's body is left, normally or by
# break or continue: reading it afterwards raises UnboundLocalError in a function and
# NameError at module level; a name assigned inside the body is unbound too.
# Why: the model once left the exception in the name.
import asyncio

for i in range(2):
    try:
        raise ValueError("module")
    except ValueError as e:
        if i == 0:
            continue
        print("second round:", e)
try:
    print(e)
except NameError as ne:
    print(type(ne).__name__, ne)


async def main():
    try:
        raise ValueError("q")
    except ValueError as e:
        print("caught", repr(e))
    try:
        print(e)
    except NameError as ne:
        print(type(ne).__name__ + ":", ne)
    for i in range(3):
        try:
            raise KeyError(i)
        except KeyError as err:
            if i == 1:
                break
    try:
        print(err)
    except NameError as ne:
        print(type(ne).__name__ + ":", ne)
    try:
        await asyncio.sleep(0)
        raise RuntimeError("again")
    except RuntimeError as err:
        err = 5
    try:
        print(err)
    except UnboundLocalError as ne:
        print("UnboundLocalError:", ne)


asyncio.run(main())
