# Exit 1: a NameError at module level, before asyncio.run: the module's globals are the
# frame's locals, so "asyncoi" suggests "asyncio".
# Why: the module's frame is not a function's.
import asyncio

print("start")
print(asyncoi)
