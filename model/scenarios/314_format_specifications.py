# f"{v:spec}" reads Python's format-specification mini-language: fill and alignment (< > ^ =),
# sign, #, 0, width, grouping (, and _), precision and the types of int (b c d o x X n), float
# (e E f F g G n %, and none: like g with a digit after the point) and str, with CPython's
# errors. Float digits are rounded half to even from the exact value.
# Why: the model once knew a few specs, and gave 100000000000000000000 for f"{1e20:.3}".
import asyncio

CALLS = [
    ('f"{2.5:.2f}"', lambda: f"{2.5:.2f}"),
    ('f"{0.125:.2f}"', lambda: f"{0.125:.2f}"),
    ('f"{1e20:.3}"', lambda: f"{1e20:.3}"),
    ('f"{3.14159:.3}"', lambda: f"{3.14159:.3}"),
    ('f"{2.5:.0e}"', lambda: f"{2.5:.0e}"),
    ('f"{12345.678:e}"', lambda: f"{12345.678:e}"),
    ('f"{0.0001234:g}"', lambda: f"{0.0001234:g}"),
    ('f"{1234567.0:g}"', lambda: f"{1234567.0:g}"),
    ('f"{100000.0:g}"', lambda: f"{100000.0:g}"),
    ('f"{1.0:.3}"', lambda: f"{1.0:.3}"),
    ('f"{10.0:.3}"', lambda: f"{10.0:.3}"),
    ('f"{1234.5:.3}"', lambda: f"{1234.5:.3}"),
    ('f"{0.5:%}"', lambda: f"{0.5:%}"),
    ('f"{0.125:.1%}"', lambda: f"{0.125:.1%}"),
    ('f"{42:5}"', lambda: f"{42:5}"),
    ('f"{42:<5}|"', lambda: f"{42:<5}|"),
    ('f"{42:^7}|"', lambda: f"{42:^7}|"),
    ('f"{42:05}"', lambda: f"{42:05}"),
    ('f"{-42:05}"', lambda: f"{-42:05}"),
    ('f"{3.5:08.2f}"', lambda: f"{3.5:08.2f}"),
    ('f"{-3.5:+08.2f}"', lambda: f"{-3.5:+08.2f}"),
    ('f"{1234567:,}"', lambda: f"{1234567:,}"),
    ('f"{1234567.891:,.2f}"', lambda: f"{1234567.891:,.2f}"),
    ('f"{255:x}"', lambda: f"{255:x}"),
    ('f"{255:#x}"', lambda: f"{255:#x}"),
    ('f"{255:X}"', lambda: f"{255:X}"),
    ('f"{255:o}"', lambda: f"{255:o}"),
    ('f"{255:b}"', lambda: f"{255:b}"),
    ('f"{5:+}"', lambda: f"{5:+}"),
    ('f"{5: }"', lambda: f"{5: }"),
    ('f"{"ab":>5}|"', lambda: f"{'ab':>5}|"),
    ('f"{"ab":*^6}"', lambda: f"{'ab':*^6}"),
    ('f"{"abcdef":.3}"', lambda: f"{'abcdef':.3}"),
    ('f"{True:5}|"', lambda: f"{True:5}|"),
    ('f"{True:d}"', lambda: f"{True:d}"),
    ('f"{None!r:>6}"', lambda: f"{None!r:>6}"),
    ('f"{1.5:}"', lambda: f"{1.5:}"),
    ('f"{float("inf"):.2f}"', lambda: f"{float('inf'):.2f}"),
    ('f"{float("nan"):e}"', lambda: f"{float('nan'):e}"),
    ('f"{-0.0:.1f}"', lambda: f"{-0.0:.1f}"),
    ('f"{1e-7:f}"', lambda: f"{1e-7:f}"),
    ('f"{123.456:.2e}"', lambda: f"{123.456:.2e}"),
    ('f"{0.000012345:.3g}"', lambda: f"{0.000012345:.3g}"),
    ('f"{1e16:g}"', lambda: f"{1e16:g}"),
    ('f"{1.0:g}"', lambda: f"{1.0:g}"),
    ('f"{1.0:.0f}"', lambda: f"{1.0:.0f}"),
    ('f"{2.675:.2f}"', lambda: f"{2.675:.2f}"),
    ('f"{7:.2f}"', lambda: f"{7:.2f}"),
    ('f"{7:e}"', lambda: f"{7:e}"),
    ('f"{7:%}"', lambda: f"{7:%}"),
    ('f"{7:g}"', lambda: f"{7:g}"),
    ('f"{1e300*1e300:g}"', lambda: f"{1e300*1e300:g}"),
    ('f"{12:=+6}"', lambda: f"{12:=+6}"),
    ('f"{3.0:.3g}"', lambda: f"{3.0:.3g}"),
    ('f"{3.0:#.3g}"', lambda: f"{3.0:#.3g}"),
    ('f"{1234.5:10.1f}|"', lambda: f"{1234.5:10.1f}|"),
    ('f"{-1234.5:<10.1f}|"', lambda: f"{-1234.5:<10.1f}|"),
    ('f"{0:03d}"', lambda: f"{0:03d}"),
    ('f"{10**20:,}"', lambda: f"{10**20:,}"),
    ("int width and sign", lambda: f"{-7:+5}|{7:=+5}|{7:-5}"),
    ("float underscore", lambda: f"{1234.5:_.1f}"),
    ("str errors", lambda: f"{'x':+}"),
    ("str alignment error", lambda: f"{'x':=5}"),
    ("int precision", lambda: f"{5:.2}"),
    ("unknown code", lambda: f"{5:s}"),
    ("None spec", lambda: f"{None:>5}"),
    ("list spec", lambda: f"{[1]:5}"),
    ("grouping with x", lambda: f"{255:,x}"),
    ("underscore x", lambda: f"{65535:_x}"),
    ("char", lambda: f"{65:c}{97:c}"),
]


async def main():
    for text, call in CALLS:
        try:
            print(text, repr(call()))
        except Exception as e:
            print(text, type(e).__name__, e)


asyncio.run(main())
