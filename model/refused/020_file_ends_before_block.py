# Refused: a syntax error, a block that the file ends before (CPython points at the end
# of the header line: "expected an indented block after function definition on line 6").
import asyncio


async def main():
