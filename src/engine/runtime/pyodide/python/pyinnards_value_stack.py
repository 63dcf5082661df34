"""Reads the value stack of a stopped frame: the objects CPython's bytecode pushes and pops.

CPython keeps no Python-level view of a frame's value stack, but it publishes the layout of its
own structures for external debuggers in ``_Py_DebugOffsets``, the table at the start of
``_PyRuntime`` (Include/internal/pycore_debug_offsets.h). With ``ctypes`` we read the frame's
``_PyInterpreterFrame`` through that table: the value stack is the ``_PyStackRef`` slots from
``localsplus[co_nlocalsplus]`` up to ``stackpointer``. Each slot is a tagged word
(Include/internal/pycore_stackref.h, default build): ``1`` is NULL, low bits ``11`` mark an
integer that is not an object (``value << 2 | 3``), anything else is an object pointer whose low
bit may be set (a borrowed or immortal reference).

The slots are only meaningful at an instruction boundary of a frame that is not running: the
traced frame during its ``opcode`` event, when CPython has saved its stack pointer. Every read is
guarded, and any doubt gives ``Unavailable`` rather than a guess:

- the table must carry the cookie, a version whose layout was checked here (``CHECKED``) and
  equal to the running interpreter's, and the default (not free-threaded) build;
- the frame object must point to an interpreter frame that points back to that frame object and
  runs the frame's code, whose instruction pointer is the frame's ``f_lasti``, and whose stack
  pointer lies within the code's ``co_stacksize`` slots.

``read(frame)`` returns the slots bottom first: objects as themselves, ``NULL`` for a NULL slot,
a ``TaggedInt`` for an integer slot.
"""

import ctypes
import dis
import sys
import weakref

# CPython versions whose _Py_DebugOffsets layout (the order of the uint64 fields) and tagging
# scheme were checked against their headers and against a running interpreter (test/node/engine/
# value-stack.test.ts reads the same slots through the wasm memory from JavaScript).
CHECKED = frozenset({0x030E02F0})  # 3.14.2, the CPython of the pinned Pyodide

# Positions of the fields we use, in uint64 words from the start of the 3.14 table: cookie (one
# word), version, free_threaded, runtime_state (3), interpreter_state (16), thread_state (9),
# interpreter_frame (8), code_object (11), pyobject (2), ...
_VERSION = 1
_FREE_THREADED = 2
_FRAME = 31  # interpreter_frame: size, previous, executable, instr_ptr, localsplus, owner, stackpointer, tlbc_index
_CODE = 39  # code_object: size, filename, name, qualname, linetable, firstlineno, argcount,
#             localsplusnames, localspluskinds, co_code_adaptive, co_tlbc
_OBJECT = 50  # pyobject: size, ob_type
_TABLE_WORDS = 52

_NULL_BITS = 1
_INT_TAG = 3


class Unavailable(Exception):
    """The value stack can't be read here; the message says why, for the reader."""


class _Null:
    """A NULL slot: no object (e.g. the one a CALL expects after the callable when there is no
    ``self``)."""

    def __repr__(self):
        return "NULL"


NULL = _Null()


class TaggedInt:
    """A slot that holds a plain integer, not an object."""

    __slots__ = ("value", "lasti")

    def __init__(self, value, lasti):
        self.value = value
        # True when an exception handler saved it: the offset of the instruction that raised.
        self.lasti = lasti

    def describe(self):
        if self.lasti:
            return (f"lasti {self.value * 2}: the offset of the instruction that raised, "
                    "kept for RERAISE (an integer, not an object)")
        return f"integer {self.value} (not an object)"


class _Layout:
    """The offsets this reader needs, read from the running interpreter's table."""

    def __init__(self):
        try:
            runtime = ctypes.c_char.in_dll(ctypes.pythonapi, "_PyRuntime")
        except (AttributeError, ValueError, OSError) as exc:
            raise Unavailable(f"CPython's debug offsets can't be found ({exc})") from None
        table = ctypes.addressof(runtime)
        if ctypes.string_at(table, 8) != b"xdebugpy":
            raise Unavailable("CPython's debug offsets table is not where it should be")
        words = (ctypes.c_uint64 * _TABLE_WORDS).from_address(table)
        version = words[_VERSION]
        if version != sys.hexversion:
            raise Unavailable("CPython's debug offsets belong to another version")
        if version not in CHECKED:
            raise Unavailable(f"the value stack layout of CPython {_version_text(version)} has not been checked")
        if words[_FREE_THREADED]:
            raise Unavailable("the free-threaded build keeps its value stack differently")
        self.word = ctypes.sizeof(ctypes.c_void_p)
        self.word_type = ctypes.c_uint32 if self.word == 4 else ctypes.c_uint64
        frame_size = words[_FRAME]
        self.executable = words[_FRAME + 2]
        self.instr_ptr = words[_FRAME + 3]
        self.localsplus = words[_FRAME + 4]
        self.stackpointer = words[_FRAME + 6]
        self.code_adaptive = words[_CODE + 9]
        self.localsplusnames = words[_CODE + 7]
        object_size = words[_OBJECT]
        self.ob_type = words[_OBJECT + 1]
        # Two fields the table leaves out, placed by the 3.14 structures themselves
        # (Include/internal/pycore_frame.h, pycore_interpframe_structs.h): PyFrameObject starts
        # PyObject_HEAD, f_back, f_frame; in _PyInterpreterFrame, frame_obj comes just before
        # instr_ptr. Both are checked at every read: the interpreter frame found through the
        # first must name this frame object through the second.
        self.f_frame = object_size + self.word
        self.frame_obj = self.instr_ptr - self.word
        fields = (self.executable, self.frame_obj, self.instr_ptr, self.stackpointer)
        if any(f % self.word for f in fields) or max(fields) + self.word > frame_size or self.localsplus + self.word > frame_size:
            raise Unavailable("CPython's debug offsets describe an unexpected frame layout")


def _version_text(hexversion):
    return f"{hexversion >> 24}.{(hexversion >> 16) & 0xFF}.{(hexversion >> 8) & 0xFF}"


from _ctypes import PyObj_FromPtr as _object_at  # the object at an address, a new reference

_layout = None
_layout_error = None
# id(code) -> (co_nlocalsplus, co_stacksize, the stack depths where a handler saves lasti, the
# array type of its interpreter frame, a weak reference whose callback drops the entry when the
# code object goes, before its id can be reused). By id: hashing a code object hashes its
# contents, every time.
_codes = {}


def layout():
    """The layout of this interpreter, read once; raises ``Unavailable`` if it can't be used."""
    global _layout, _layout_error
    if _layout is None and _layout_error is None:
        try:
            _layout = _Layout()
        except Unavailable as exc:
            _layout_error = exc
    if _layout_error is not None:
        raise _layout_error
    return _layout


def _code_facts(code, where):
    facts = _codes.get(id(code))
    if facts is None:
        # co_localsplusnames: a tuple (its type checked before it is taken as an object) as
        # long as the names Python lists for the code's locals, cells and free variables.
        address = where.word_type.from_address(id(code) + where.localsplusnames).value
        if not address or address % where.word or where.word_type.from_address(address + where.ob_type).value != id(tuple):
            raise Unavailable("the code object's local names can't be read")
        names = _object_at(address)
        listed = len(code.co_varnames) + len(set(code.co_cellvars) - set(code.co_varnames)) + len(code.co_freevars)
        if len(names) != listed:
            raise Unavailable("the code object's local names don't match its variables")
        lasti_depths = frozenset(
            entry.depth for entry in dis._parse_exception_table(code) if entry.lasti
        )
        frame_words = where.word_type * (where.localsplus // where.word + len(names) + code.co_stacksize)
        key = id(code)
        gone = weakref.ref(code, lambda _, key=key: _codes.pop(key, None))
        facts = _codes[key] = (len(names), code.co_stacksize, lasti_depths, frame_words, gone)
    return facts


def read(frame):
    """The value stack of ``frame``, bottom first, as it stands before the instruction at
    ``frame.f_lasti`` runs: objects as themselves, ``NULL``, ``TaggedInt``.

    ``frame`` must be the frame of the ``opcode`` trace event being handled: only then is it
    stopped between two instructions. A caller's frame is stopped inside its CALL, with the
    call's arguments already taken off, so its slots are not "the stack before an instruction"
    (the element shows callers as waiting in CALL). Raises ``Unavailable`` (with the reason)
    whenever a check fails."""
    words, lasti_depths, word = _slot_words(frame)
    return [_slot(bits, index, lasti_depths, word) for index, bits in enumerate(words)]


def _slot(bits, index, lasti_depths, word):
    if bits == _NULL_BITS:
        return NULL
    if bits & _INT_TAG == _INT_TAG:
        if bits >> (word * 8 - 1):
            bits -= 1 << (word * 8)  # a negative integer: the shift is arithmetic
        return TaggedInt(bits >> 2, index in lasti_depths)
    return _object_at(bits & ~_NULL_BITS)


def _slot_words(frame):
    """The raw slot words of ``frame``'s value stack, checked; with the depths where a handler
    keeps lasti and the word size."""
    where = _layout or layout()
    code = frame.f_code
    nlocalsplus, stacksize, lasti_depths, frame_words, _ = _codes.get(id(code)) or _code_facts(code, where)
    word = where.word
    address = where.word_type.from_address(id(frame) + where.f_frame).value
    if not address or address % word:
        raise Unavailable("the frame has no interpreter frame")
    # The whole interpreter frame as one array: its fields, its locals and its stack's room.
    # (Not ctypes.string_at: a foreign-function call, which costs far more under WebAssembly.)
    words = frame_words.from_address(address)
    if words[where.executable // word] & ~_NULL_BITS != id(code):
        raise Unavailable("the interpreter frame runs other code")
    if words[where.frame_obj // word] != id(frame):
        raise Unavailable("the interpreter frame belongs to another frame object")
    if words[where.instr_ptr // word] != id(code) + where.code_adaptive + frame.f_lasti:
        raise Unavailable("the frame is not stopped at an instruction")
    depth, rest = divmod(words[where.stackpointer // word] - address - where.localsplus, word)
    depth -= nlocalsplus
    if rest or not 0 <= depth <= stacksize:
        raise Unavailable("the frame's stack pointer is not saved here")
    base = where.localsplus // word + nlocalsplus
    slots = words[base:base + depth]
    for bits in slots:
        if bits & _INT_TAG == 2 or not bits:
            raise Unavailable("a slot holds neither an object nor NULL")
    return slots, lasti_depths, word


# Exact types whose repr can't change while the object lives.
_IMMUTABLE = frozenset({int, float, complex, str, bytes, bool, type(None)})


class TraceSlots:
    """Value stacks as one recording stores them (src/engine/trace/format.ts): ``slots(frame)``
    is a list, bottom first, of ``value(obj)`` (the recording's value index) for an object,
    ``None`` for NULL and a sentence for an integer slot; or ``{"unavailable": reason}``.

    Most slots are still there at the next instruction: an immutable object's value index is
    kept by its address, with the object held so the address can't be reused meanwhile."""

    LIMIT = 4096

    def __init__(self, value):
        self.value = value
        self.known = {}

    def slots(self, frame):
        try:
            words, lasti_depths, word = _slot_words(frame)
        except Unavailable as exc:
            return {"unavailable": f"The value stack is not available here: {exc}."}
        known = self.known
        result = []
        for index, bits in enumerate(words):
            hit = known.get(bits & ~_NULL_BITS)
            if hit is not None:
                result.append(hit[1])
                continue
            slot = _slot(bits, index, lasti_depths, word)
            if slot is NULL:
                result.append(None)
            elif type(slot) is TaggedInt:
                result.append(slot.describe())
            else:
                number = self.value(slot)
                if type(slot) in _IMMUTABLE:
                    if len(known) >= self.LIMIT:
                        known.clear()
                    known[bits & ~_NULL_BITS] = (slot, number)
                result.append(number)
        return result
