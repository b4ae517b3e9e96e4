# Run on each CPython of record by model/cpython/regen-suggestion-names.sh: prints the names
# that CPython's "Did you mean: ...?" of an uncaught NameError is chosen from (besides the
# frame's locals and the program's own globals), in the order CPython tries them: the
# module's own dunder globals, the builtins, and sys.stdlib_module_names (for "Did you
# forget to import 'x'"), one section per line group.
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
