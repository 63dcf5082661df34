"""What CPython's compiler says about a program's value stack, from ``dis`` alone: for every
code object, the stack depth before each instruction, and what each instruction that loads a
known value leaves on top. test/node/engine/value-stack.test.ts compares the recorder's value
stacks (read from memory) with it.

The depth is found as the compiler's own stack-depth pass finds it: from depth 0 at the first
instruction, follow every edge (fall-through and jump, each with ``dis.stack_effect`` for that
edge) and every exception-table entry (its handler starts at the entry's depth, plus the saved
``lasti`` when the entry says so, plus the exception).
"""

import builtins
import dis
import inspect
import json

_NO_FALLTHROUGH = {"RETURN_VALUE", "RAISE_VARARGS", "RERAISE", "JUMP_FORWARD", "JUMP_BACKWARD",
                   "JUMP_BACKWARD_NO_INTERRUPT"}


def depths(code):
    """{offset: depth before the instruction} for the instructions of ``code`` that can run."""
    instructions = {i.offset: i for i in dis.get_instructions(code)}
    offsets = sorted(instructions)
    following = {a: b for a, b in zip(offsets, offsets[1:])}
    handlers = [(e.start, e.end, e.target, e.depth + int(e.lasti) + 1)
                for e in dis._parse_exception_table(code)]
    result = {}
    work = [(offsets[0], 0)]

    def reach(offset, depth):
        known = result.get(offset)
        if known is None:
            result[offset] = depth
            work.append((offset, depth))
        elif known != depth:
            raise AssertionError(f"{code.co_qualname}: depth {known} and {depth} at offset {offset}")

    while work:
        offset, depth = work.pop()
        instruction = instructions[offset]
        for start, end, target, handler_depth in handlers:
            if start <= offset < end:
                reach(target, handler_depth)
        op, arg = instruction.opcode, instruction.arg
        if instruction.jump_target is not None:
            reach(instruction.jump_target, depth + dis.stack_effect(op, arg, jump=True))
        if instruction.opname not in _NO_FALLTHROUGH and offset in following:
            reach(following[offset], depth + dis.stack_effect(op, arg, jump=False))
    return result


def loads(code):
    """{offset: [[place from the top, kind, what]]} for the instructions that push a value we
    can name: kind "repr" (a constant: its repr), "local" (a local's name), "global" (a name
    looked up in the module's globals, then builtins)."""
    result = {}
    # A function's locals are its f_locals; a class body's f_locals is the class namespace.
    optimized = code.co_flags & inspect.CO_OPTIMIZED
    for instruction in dis.get_instructions(code):
        name, value = instruction.opname, instruction.argval
        if name.startswith("LOAD_FAST") and not optimized:
            continue
        if name in ("LOAD_CONST", "LOAD_SMALL_INT"):
            result[instruction.offset] = [[0, "repr", repr(value)]]
        elif name in ("LOAD_FAST", "LOAD_FAST_BORROW", "LOAD_FAST_CHECK"):
            result[instruction.offset] = [[0, "local", value]]
        elif name in ("LOAD_FAST_LOAD_FAST", "LOAD_FAST_BORROW_LOAD_FAST_BORROW"):
            first, second = value
            result[instruction.offset] = [[1, "local", first], [0, "local", second]]
        elif name == "LOAD_GLOBAL":
            # With the low bit of its argument set, a NULL goes on top of the global (3.14).
            result[instruction.offset] = [[instruction.arg & 1, "global", value]]
        elif name == "LOAD_NAME" and code.co_name == "<module>":
            result[instruction.offset] = [[0, "global", value]]
    return result


def _codes(code):
    yield code
    for const in code.co_consts:
        if hasattr(const, "co_code"):
            yield from _codes(const)


def predict(source, filename):
    """JSON: a list of {qualname, firstLine, depths, loads} for every code object of ``source``."""
    module = compile(source, filename, "exec", dont_inherit=True)
    return json.dumps([
        {"qualname": code.co_qualname, "firstLine": code.co_firstlineno,
         "depths": depths(code), "loads": loads(code)}
        for code in _codes(module)
    ])


def builtin_repr(name):
    """The repr of a builtin, or None when there is no such builtin."""
    return repr(builtins.__dict__[name]) if name in builtins.__dict__ else None
