# Run on each CPython of record by model/cpython/regen-suggestion-names.sh: prints the names
# that CPython's "Did you mean: ...?" of an uncaught NameError is chosen from (besides the
# frame's locals and the program's own globals), in the order CPython tries them: the
# module's own dunder globals, the builtins, and sys.stdlib_module_names (for "Did you
# forget to import 'x'"), one section per line group; then the dir() of a value of each type
# the model has, for an uncaught AttributeError's suggestion.
import sys
import builtins

print("[globals]")
for name in list(globals()):
    if name.startswith("__"):
        print(name)
print("[builtins]")
for name in vars(builtins):
    print(name)
print("[stdlib]")
for name in sorted(sys.stdlib_module_names):
    print(name)


# The attributes an AttributeError's "Did you mean" is chosen from: dir() of a value of
# each type the model has, keyed by its type's __name__.
import asyncio


def coroutine_function():
    pass


async def values():
    loop = asyncio.get_running_loop()
    future = loop.create_future()
    task = asyncio.current_task()
    coro = values_to_list()
    kinds = [[], {}, "", (), 0, 0.0, True, None, range(1), {}.keys(), {}.values(), {}.items(),
             asyncio.Lock(), asyncio.Event(), asyncio.Condition(), asyncio.Semaphore(), asyncio.BoundedSemaphore(),
             future, task, coro, coroutine_function, len, (x for x in ()), ValueError(), zip(), enumerate(()),
             reversed([])]
    if hasattr(asyncio, "Barrier"):
        kinds.append(asyncio.Barrier(1))
    for v in kinds:
        print("[dir:" + type(v).__name__ + "]")
        for name in dir(v):
            print(name)
    coro.close()
    future.cancel()


async def values_to_list():
    pass


asyncio.run(values())
