# asyncio.run(): a task created in main()'s very last step still runs its first
# step, because main's completion only schedules the loop's stop behind that step;
# the task is then cancelled at its next await like any other leftover.
# Why: the exact point where asyncio.run stops the loop decides what still runs.
import asyncio

async def late():
    print("late task: first step runs after main returned")
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("late task: cancelled by asyncio.run")
        raise

async def main():
    asyncio.create_task(late())
    print("main returns without yielding")

asyncio.run(main())
