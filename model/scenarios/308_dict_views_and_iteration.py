# d.keys(), d.values() and d.items() are views, not lists: they print as dict_keys([...]),
# follow the dict as it changes, support len, in and iteration but not indexing; iterating a
# dict (or a view) while adding or removing a key raises RuntimeError at the next step.
# Why: the model once returned lists, and iterated a copy of the keys whatever happened.
import asyncio

d = {"a": 1, "b": 2}


def dict_view_live():
    x = {"k": 1}
    ks = x.keys()
    x["j"] = 2
    return ks


def grow():
    x = {"a": 1}
    for k in x:
        x[k + "x"] = 1
    return x


def shrink():
    x = {"a": 1, "b": 2}
    for k in x.keys():
        x.pop("b")
    return x


def same_size():
    x = {"a": 1, "b": 2}
    seen = []
    for k in x:
        seen.append(k)
        x[k] = 5
    return seen, x


def update_value():
    x = {"a": 1, "b": 2}
    for k, v in x.items():
        x[k] = v * 10
    return x


def iter_d():
    for k in d:
        return k


CALLS = [
    ('d.keys()', lambda: d.keys()),
    ('d.values()', lambda: d.values()),
    ('d.items()', lambda: d.items()),
    ('str(d.keys())', lambda: str(d.keys())),
    ('list(d.keys())', lambda: list(d.keys())),
    ('sorted(d.values())', lambda: sorted(d.values())),
    ('len(d.items())', lambda: len(d.items())),
    ('"a" in d.keys()', lambda: "a" in d.keys()),
    ('("a", 1) in d.items()', lambda: ("a", 1) in d.items()),
    ('("a", 2) in d.items()', lambda: ("a", 2) in d.items()),
    ('1 in d.values()', lambda: 1 in d.values()),
    ('bool({}.keys())', lambda: bool({}.keys())),
    ('type(d.keys()).__name__', lambda: type(d.keys()).__name__),
    ('type(d.values()).__name__', lambda: type(d.values()).__name__),
    ('type(d.items()).__name__', lambda: type(d.items()).__name__),
    ('d.keys()[0]', lambda: d.keys()[0]),
    ('d.keys() == ["a", "b"]', lambda: d.keys() == ["a", "b"]),
    ('list(d.keys()) == ["a", "b"]', lambda: list(d.keys()) == ["a", "b"]),
    ('[k for k in d.keys()]', lambda: [k for k in d.keys()]),
    ('[v for k, v in d.items()]', lambda: [v for k, v in d.items()]),
    ('dict_view_live()', lambda: dict_view_live()),
    ('grow()', lambda: grow()),
    ('shrink()', lambda: shrink()),
    ('same_size()', lambda: same_size()),
    ('update_value()', lambda: update_value()),
    ('sum(d.values())', lambda: sum(d.values())),
    ('max(d.keys())', lambda: max(d.keys())),
    ('", ".join(d.keys())', lambda: ", ".join(d.keys())),
    ('tuple(d.items())', lambda: tuple(d.items())),
    ('repr({}.items())', lambda: repr({}.items())),
    ('type(iter_d()).__name__', lambda: type(iter_d()).__name__),
]


async def main():
    for text, call in CALLS:
        try:
            print(text, repr(call()))
        except Exception as e:
            print(text, type(e).__name__, e)


asyncio.run(main())
