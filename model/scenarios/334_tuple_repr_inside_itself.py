# A tuple met again inside itself (through a list it holds) prints as (...), as CPython's
# Py_ReprEnter guards tuples as well as lists and dicts.
# Why: the model printed one more level of the cycle: ([([...],)],) for ([(...)],).
import asyncio

async def main():
    t = ([],)
    t[0].append(t)
    print(t, str(t), [t], (t, t))
    u = (1, [2])
    u[1].append(u)
    d = {"k": u}
    print(d, repr(u[1]))
    s = (3,)
    print((s, s, [s]))

asyncio.run(main())
