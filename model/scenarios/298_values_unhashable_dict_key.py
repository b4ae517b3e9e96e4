# Values: a list or a dict cannot be a dict key. The TypeError says so in the words of the
# version: 3.10-3.13 "unhashable type: 'list'", 3.14 "cannot use 'list' as a dict key
# (unhashable type: 'list')"; `in`, item access, assignment and literals all check.
# A literal's equal keys (1, 1.0, True) are one key: the first key, the last value.
import asyncio

async def main():
    d = {"a": 1}
    try:
        print([1] in d)
    except TypeError as e:
        print("in:", e)
    try:
        d[[1]] = 2
    except TypeError as e:
        print("set:", e)
    try:
        print(d[{}])
    except TypeError as e:
        print("get:", e)
    try:
        print({[1]: 1})
    except TypeError as e:
        print("literal:", e)
    print(d)
    print({1: "a", 1.0: "b", True: "c"}, {"x": 1, "x": 2})

asyncio.run(main())
