# Refused: `**` keyword unpacking in a call is outside the subset (only
# positional, keyword and *args arguments). The refusal points at the `**`.
import asyncio

async def main():
    opts = {"sep": "-"}
    print("a", "b", **opts)

asyncio.run(main())
