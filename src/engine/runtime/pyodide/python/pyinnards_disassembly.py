"""What <py-dis> shows: ``dis.dis`` text and the code objects as JSON-able trees.

Part of pyinnards' Pyodide backend (see ``pyinnards_runtime``). The recorder reuses
``code_tree`` for the code a trace enters.
"""

import builtins
import contextlib
import dis
import io
import json
import types

from pyinnards_errors import report


def parse_options(options):
    # From the worker: JSON text (JS objects would arrive as proxies); from Python: a dict.
    if isinstance(options, str):
        options = json.loads(options or "{}")
    return dict(options or {})


def _positions(pos):
    if pos is None:
        return None
    return {"lineno": pos.lineno, "end_lineno": pos.end_lineno, "col_offset": pos.col_offset,
            "end_col_offset": pos.end_col_offset}


def _instruction(ins):
    # Every field of dis.Instruction and its properties, values JSON-able (argval as repr).
    return {
        "opname": ins.opname,
        "opcode": ins.opcode,
        "arg": ins.arg,
        "oparg": ins.oparg,
        "argval": repr(ins.argval),
        "argrepr": ins.argrepr,
        "offset": ins.offset,
        "start_offset": ins.start_offset,
        "starts_line": ins.starts_line,
        "line_number": ins.line_number,
        "label": ins.label,
        "positions": _positions(ins.positions),
        "cache_info": None if ins.cache_info is None else [
            [name, size, data.hex()] for name, size, data in ins.cache_info
        ],
        "cache_offset": ins.cache_offset,
        "end_offset": ins.end_offset,
        "baseopcode": ins.baseopcode,
        "baseopname": ins.baseopname,
        "jump_target": ins.jump_target,
        "is_jump_target": ins.is_jump_target,
    }


def _flag_names(flags):
    return [name for bit, name in sorted(dis.COMPILER_FLAG_NAMES.items()) if flags & bit]


def code_tree(co, depth, show_caches, adaptive):
    """One code object and, in dis.dis's order (its co_consts, depth first), the ones inside."""
    children = []
    consts = []
    for const in co.co_consts:
        entry = {"repr": repr(const), "type": type(const).__name__}
        if isinstance(const, types.CodeType) and (depth is None or depth > 0):
            entry["child"] = len(children)
            children.append(code_tree(const, None if depth is None else depth - 1, show_caches, adaptive))
        consts.append(entry)
    return {
        "name": co.co_name,
        # What repr(code) shows after "at" (its %p), so a formatter can rebuild the
        # "Disassembly of <code object ...>:" headers exactly as this run printed them.
        "address": hex(id(co)),
        "qualname": co.co_qualname,
        "filename": co.co_filename,
        "firstlineno": co.co_firstlineno,
        "argcount": co.co_argcount,
        "posonlyargcount": co.co_posonlyargcount,
        "kwonlyargcount": co.co_kwonlyargcount,
        "nlocals": co.co_nlocals,
        "stacksize": co.co_stacksize,
        "flags": co.co_flags,
        "flag_names": _flag_names(co.co_flags),
        "pretty_flags": dis.pretty_flags(co.co_flags),
        "consts": consts,
        "names": list(co.co_names),
        "varnames": list(co.co_varnames),
        "cellvars": list(co.co_cellvars),
        "freevars": list(co.co_freevars),
        "exception_table": [
            {"start": e.start, "end": e.end, "target": e.target, "depth": e.depth, "lasti": e.lasti}
            for e in dis._parse_exception_table(co)
        ],
        "instructions": [
            _instruction(ins) for ins in dis.get_instructions(co, show_caches=show_caches, adaptive=adaptive)
        ],
        "children": children,
    }


def disassemble(source, options=None, filename="<py-dis>"):
    """``{text, code}``: what ``dis.dis(compile(source, '<py-dis>', 'exec'), ...)`` prints and
    the code objects as a tree; or ``{error}`` when the code doesn't compile."""
    options = parse_options(options)
    show_caches = bool(options.get("showCaches", False))
    adaptive = bool(options.get("adaptive", False))
    show_offsets = bool(options.get("showOffsets", False))
    show_positions = bool(options.get("showPositions", False))
    depth = options.get("depth")
    depth = None if depth is None else int(depth)
    warmup = int(options.get("warmup", 0) or 0)
    try:
        co = compile(source, filename, "exec", dont_inherit=True)
    except (SyntaxError, ValueError, OverflowError) as exc:
        exc.__traceback__ = None
        return json.dumps({"error": report(exc, filename, source, write=False)})
    # adaptive shows what the specializing interpreter made of code that has run: run this very
    # code object (and so the functions it defines) that many times first, output discarded.
    for _ in range(warmup):
        namespace = {"__name__": "__main__", "__builtins__": builtins}
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            try:
                exec(co, namespace)
            except Exception:
                break
    tree = code_tree(co, depth, show_caches, adaptive)
    if not options.get("withText", True):
        # <py-dis> renders the text from the tree itself; skipping dis.dis saves most of the time.
        return json.dumps({"code": tree})
    out = io.StringIO()
    dis.dis(co, file=out, depth=depth, show_caches=show_caches, adaptive=adaptive,
            show_offsets=show_offsets, show_positions=show_positions)
    return json.dumps({"text": out.getvalue(), "code": tree})
