# Refused: importing any module other than asyncio (here `time`, whose real clock
# would make the run non-deterministic). The refusal points at the import.
import asyncio
import time

async def main():
    start = time.monotonic()
    await asyncio.sleep(0)
    print(time.monotonic() >= start)

asyncio.run(main())
