# Exit 1: [].abort() ends with "Did you mean: 'sort'?" from 3.12 on (two edits of the
# five letters); the 3.10 and 3.11 oracles print no suggestion.
# Why: a public method suggested from dir(list), the common case.
import asyncio

async def main():
    [].abort()

asyncio.run(main())
