# zip, enumerate and reversed are lazy one-shot iterators, as in CPython: a zip read twice
# is empty the second time, zip(g, g) draws from one generator in turn, a list's reverse
# iterator sees the list as it is when each item is asked for (and stays exhausted), and
# each has its type name and repr (<zip object at 0x...>); reversed(range) is a range_iterator.
# Why: the model made each a tuple at once: read twice, it gave its items twice.
import asyncio

async def main():
    z = zip([1, 2], "ab")
    print(list(z), list(z))
    print(type(z).__name__, type(enumerate("a")).__name__, type(reversed([1])).__name__, type(reversed((1,))).__name__)
    print(type(reversed(range(3))).__name__, list(reversed(range(1, 10, 3))), list(reversed(range(0))))
    print(reversed([1]), zip(), enumerate([]))
    e = enumerate("abc", 5)
    print(list(e), list(e))
    l = [1, 2, 3]
    r = reversed(l)
    l.append(4)
    print(list(r))
    r = reversed(l)
    l.pop()
    l.pop()
    print(list(r))
    g = (x for x in range(5))
    print(list(zip(g, g)))
    print(list(zip([1, 2, 3], [4, 5])), list(zip()), list(zip("a")))
    print(list(reversed({"a": 1, "b": 2})), list(reversed({"a": 1}.values())), list(reversed({"a": 1}.items())))
    print([i * 2 for i, c in enumerate("xyz")], dict(zip("ab", [1, 2])), sorted(reversed("bca")))
    print(type(reversed({})).__name__, type(reversed({}.items())).__name__)
    for call in [lambda: reversed(5), lambda: reversed(x for x in []), lambda: zip(5), lambda: enumerate(5), lambda: enumerate([], "a")]:
        try:
            call()
        except TypeError as e:
            print("TypeError", e)
    for i, (a, b) in enumerate(zip("ab", "cd")):
        print(i, a, b)

asyncio.run(main())
