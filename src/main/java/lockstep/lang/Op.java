package lockstep.lang;

/** The instruction set the compiler emits and the interpreter runs: a small stack machine. */
public final class Op {
    private Op() {}

    public static final int CONST = 1;          // push consts[arg]
    public static final int POP = 2;
    public static final int DUP = 3;
    public static final int DUP2 = 4;            // a b -> a b a b
    public static final int ROT2 = 5;            // a b -> b a
    public static final int ROT3 = 6;            // a b c -> c a b
    public static final int LOAD_FAST = 10;      // locals[arg]
    public static final int STORE_FAST = 11;
    public static final int DELETE_FAST = 12;
    public static final int LOAD_CELL = 13;      // the cell whose ref is in locals[arg]
    public static final int STORE_CELL = 14;
    public static final int LOAD_FREE = 15;      // the closure's cell number arg
    public static final int STORE_FREE = 16;
    public static final int LOAD_GLOBAL = 17;    // module slot arg (names[arg] for messages), then builtins
    public static final int STORE_GLOBAL = 18;
    public static final int DELETE_GLOBAL = 19;  // module slot arg: unbound again
    public static final int LOAD_ATTR = 20;      // names[arg]
    public static final int STORE_ATTR = 21;     // value obj -> (obj.name = value)
    public static final int SUBSCR = 22;         // obj idx -> obj[idx]
    public static final int STORE_SUBSCR = 23;   // value obj idx -> (obj[idx] = value)
    public static final int BUILD_LIST = 30;     // arg items
    public static final int BUILD_TUPLE = 31;
    public static final int BUILD_DICT = 32;     // arg pairs k v k v ...
    public static final int BUILD_SLICE = 33;    // lower upper step
    public static final int BUILD_STRING = 34;   // concatenate arg strings
    public static final int FORMAT = 35;         // value -> str; arg: conversion char | (spec const index + 1) << 8
    public static final int LIST_APPEND = 36;    // list ... item -> list ...; list is arg deep below item
    public static final int UNPACK = 37;         // seq -> arg items, first on top
    public static final int UNARY = 40;          // arg: 0 not, 1 neg, 2 pos
    public static final int BINARY = 41;         // arg: index into Op.BINOPS
    public static final int COMPARE = 42;        // arg: index into Op.CMPOPS
    public static final int JUMP = 50;
    public static final int JUMP_IF_FALSE = 51;  // pops
    public static final int JUMP_IF_TRUE = 52;   // pops
    public static final int JUMP_IF_FALSE_OR_POP = 53;
    public static final int JUMP_IF_TRUE_OR_POP = 54;
    public static final int GET_ITER = 55;
    public static final int FOR_ITER = 56;       // iter -> iter next, or pops iter and jumps to arg
    public static final int CALL = 60;           // func args... -> result; arg indexes a CallShape const
    public static final int MAKE_FUNCTION = 61;  // defaults... kwdefaults... -> function; arg: code const
    public static final int RETURN = 62;
    public static final int AWAIT = 63;          // awaitable -> result (may suspend the task)
    public static final int RAISE = 64;          // arg 0: re-raise current; 1: exc; 2: exc cause
    public static final int SETUP_HANDLER = 70;  // push a handler block jumping to arg
    public static final int POP_BLOCK = 71;
    public static final int PUSH_EXC_INFO = 72;  // the exception on top becomes the one being handled
    public static final int POP_EXC_INFO = 73;
    public static final int RERAISE = 74;        // exc -> raise it unchanged
    public static final int EXC_MATCH = 75;      // exc type -> exc bool
    public static final int AENTER = 76;         // mgr -> awaitable of mgr.__aenter__()
    public static final int AEXIT = 77;          // mgr -> awaitable of mgr.__aexit__(None, None, None)
    public static final int AEXIT_EXC = 78;      // exc mgr -> exc awaitable of mgr.__aexit__(type, exc, None)
    public static final int ASSERT_FAIL = 79;    // msg-or-absent -> raise AssertionError; arg 1 when a message is on the stack
    public static final int NOP = 80;
    public static final int GENEXP = 81;         // iterator step -> generator object (see Ast.GenExp)

    public static final String[] BINOPS = {"+", "-", "*", "/", "//", "%", "**"};
    public static final String[] CMPOPS = {"==", "!=", "<", "<=", ">", ">=", "is", "is not", "in", "not in"};

    public static int binop(String op) { return indexOf(BINOPS, op); }
    public static int cmpop(String op) { return indexOf(CMPOPS, op); }

    private static int indexOf(String[] a, String s) {
        for (int i = 0; i < a.length; i++) if (a[i].equals(s)) return i;
        throw new IllegalArgumentException(s);
    }

    /**
     * The shape of a call site: per argument, its kind and (for keywords) its name; simple
     * when every argument is positional (found once, when the site is compiled).
     */
    public record CallShape(Ast.ArgKind[] kinds, String[] names, boolean simple) {
        public CallShape(Ast.ArgKind[] kinds, String[] names) {
            this(kinds, names, allPositional(kinds));
        }

        private static boolean allPositional(Ast.ArgKind[] kinds) {
            for (Ast.ArgKind k : kinds) if (k != Ast.ArgKind.POSITIONAL) return false;
            return true;
        }
    }
}
