# -*- coding: latin-1 -*-
import asyncio
async def main():
    print("café")
asyncio.run(main())
