// Short, learner-facing explanations of every opcode name CPython 3.14's `dis` can print,
// shown by <py-dis> when an instruction is hovered or focused. Written in our own words from
// CPython's dis documentation and Python/bytecodes.c; no sentence is copied from them.
//
// Coverage (checked against CPython by test/node/dis/opcode-notes.test.ts):
// - every name in `dis.opmap`: the real opcodes, the INSTRUMENTED_* forms that replace them
//   while sys.monitoring (or a tracer/profiler) watches the code, and the compiler's
//   pseudo-instructions (numbered 256 and up; they never survive into finished bytecode);
// - every specialized name in `dis._specialized_opmap`, which `dis.dis(..., adaptive=True)`
//   shows once the specializing interpreter has rewritten warmed-up code.
// "The stack" below always means the frame's value stack; "top" is the last item pushed.

export const OPCODE_NOTES: Readonly<Record<string, string>> = Object.freeze({
  // ---- Bookkeeping and stack shuffling -----------------------------------------------------
  CACHE:
    'Not an instruction: a slot of inline cache that belongs to the instruction before it, where the interpreter keeps what it learns while specializing. Execution skips over it; dis shows it only with show_caches.',
  EXTENDED_ARG:
    'Supplies extra high bits for the next instruction\'s argument when it does not fit in one byte. Up to three can be chained, and dis folds them into the argument it shows.',
  NOP: 'Does nothing. The compiler leaves it where an instruction was optimized away but a line number still needs a place to live.',
  NOT_TAKEN:
    'Does nothing when run; it marks the fall-through side of a conditional jump so sys.monitoring can tell which way a branch went.',
  RESERVED:
    'An opcode number kept in reserve. The compiler never emits it, and the interpreter treats running it as a fatal error.',
  POP_TOP: 'Throws away the value on top of the stack.',
  COPY: 'Pushes another reference to the stack item at the given depth (1 is the top), leaving the original where it is.',
  SWAP: 'Exchanges the top of the stack with the item at the given depth (2 is the one just below the top).',
  PUSH_NULL:
    'Pushes a NULL placeholder, which fills the "self" slot of a call when the callable is a plain function rather than a method.',
  RESUME:
    'Marks where a code object starts running or continues after a yield or await; the argument says which. It is where the interpreter checks for pending signals, thread switches and monitoring.',
  INTERPRETER_EXIT:
    'Used only in the small frame the C runtime uses to enter Python code: it hands the value on top of the stack back to the C caller and leaves the interpreter loop.',
  ENTER_EXECUTOR:
    'Stands in place of a hot JUMP_BACKWARD once the tier-two optimizer has built an optimized trace for that loop; running it jumps into the trace.',

  // ---- Loading values ----------------------------------------------------------------------
  LOAD_CONST: "Pushes one of the code object's constants (an entry of co_consts) onto the stack.",
  LOAD_SMALL_INT:
    'Pushes a small integer (0 to 255) that is encoded in the argument itself, so it needs no entry in co_consts.',
  LOAD_COMMON_CONSTANT:
    'Pushes one of a few objects the interpreter keeps at hand, chosen by the argument: AssertionError for assert, NotImplementedError, or the builtins tuple, all and any.',
  LOAD_FAST: "Pushes the value of a local variable (from the frame's fast locals) onto the stack.",
  LOAD_FAST_BORROW:
    'Pushes the value of a local variable like LOAD_FAST, but without taking a new reference: the compiler proved the variable keeps the object alive while it sits on the stack.',
  LOAD_FAST_CHECK:
    'Pushes the value of a local variable that might not be assigned yet, raising UnboundLocalError if it is not.',
  LOAD_FAST_AND_CLEAR:
    'Pushes a local variable\'s current value (or NULL if unset) and then empties the variable. Inlined comprehensions use it to save an outer variable they temporarily reuse.',
  LOAD_FAST_LOAD_FAST:
    'Two LOAD_FAST instructions fused into one: pushes two local variables, the first named by the high four bits of the argument and the second by the low four.',
  LOAD_FAST_BORROW_LOAD_FAST_BORROW:
    'Two LOAD_FAST_BORROW instructions fused into one: pushes two local variables without taking new references.',
  LOAD_DEREF:
    "Pushes the value held in a cell (a variable shared with nested functions) from the frame's cell or free variable slots; raises NameError if the cell is empty.",
  LOAD_NAME:
    'Pushes the value of a name, searching the local namespace, then the globals, then the builtins. Used at module level and in class bodies, where locals live in a dict.',
  LOAD_GLOBAL:
    'Pushes the value of a global name, falling back to the builtins. When the low bit of the argument is set it also pushes a NULL for the call that follows (dis shows "+ NULL").',
  LOAD_LOCALS: 'Pushes the current local namespace dict, such as the namespace of the class body being run.',
  LOAD_FROM_DICT_OR_GLOBALS:
    'Pops a mapping and looks a name up in it, falling back to the globals and then the builtins. Used for names in annotation scopes inside class bodies.',
  LOAD_FROM_DICT_OR_DEREF:
    "Pops a mapping and looks a variable's name up in it; if missing, reads the variable's cell instead. Lets class bodies see both their own names and enclosing functions' variables.",
  LOAD_BUILD_CLASS:
    'Pushes builtins.__build_class__, the function a class statement calls to run the class body and create the class.',
  LOAD_ATTR:
    'Replaces the object on top of the stack with one of its attributes. If the low bit of the argument is set it prepares a method call instead, pushing the function plus the object as self (or the attribute plus NULL).',
  LOAD_SUPER_ATTR:
    'Handles super().name: pops the global super, the class and self, then pushes the attribute found by super (or, for a method call, the method plus self or NULL).',
  LOAD_SPECIAL:
    'Looks up a special method (__enter__, __exit__, __aenter__ or __aexit__) on the type of the object on top of the stack, the way a with statement does. Leaves the method and the object as self, or a bound value and NULL.',

  // ---- Storing and deleting ----------------------------------------------------------------
  STORE_FAST: "Pops the top of the stack into a local variable (a slot of the frame's fast locals).",
  STORE_FAST_LOAD_FAST:
    'STORE_FAST followed by LOAD_FAST, fused: pops the top into one local variable, then pushes the value of another.',
  STORE_FAST_STORE_FAST:
    'Two STORE_FAST instructions fused into one: pops the top two values into two local variables, as in a, b = b, a.',
  STORE_NAME: 'Pops the top of the stack and binds it to a name in the local namespace (module globals or a class body).',
  STORE_GLOBAL: 'Pops the top of the stack into a global variable, as a global statement requires.',
  STORE_DEREF: 'Pops the top of the stack into a cell, so nested functions that share the variable see the new value.',
  STORE_ATTR: 'Pops an object and then a value, and sets the named attribute of the object to the value (obj.name = value).',
  STORE_SUBSCR: 'Pops a key, a container and a value, and stores container[key] = value.',
  STORE_SLICE: 'Pops end, start, a container and a value, and assigns container[start:end] = value.',
  DELETE_FAST: 'Deletes a local variable, leaving its slot empty (del x inside a function).',
  DELETE_NAME: 'Removes a name from the local namespace (del x at module level or in a class body).',
  DELETE_GLOBAL: 'Removes a name from the module globals.',
  DELETE_DEREF: 'Empties a cell, deleting a variable that nested functions share.',
  DELETE_ATTR: 'Pops an object and deletes the named attribute from it (del obj.name).',
  DELETE_SUBSCR: 'Pops a key and a container and deletes container[key].',
  MAKE_CELL:
    'Turns a local slot into a cell (keeping any value already there) so nested functions can share the variable. Emitted at the start of a function.',
  COPY_FREE_VARS:
    "Copies the closure cells from the function object into the frame's free-variable slots when a nested function starts running.",

  // ---- Operators ---------------------------------------------------------------------------
  UNARY_NEGATIVE: 'Replaces the top of the stack with its negation (-x).',
  UNARY_INVERT: 'Replaces the top of the stack with its bitwise inversion (~x).',
  UNARY_NOT:
    'Replaces the boolean on top of the stack with its opposite (not x); the compiler makes sure the operand is a real bool, adding TO_BOOL where needed.',
  TO_BOOL: 'Replaces the top of the stack with its truth value, as bool(x) would give. The compiler puts it before conditional jumps and not, which need a real bool.',
  BINARY_OP:
    'Pops two operands and pushes the result of the operator selected by the argument: arithmetic, bitwise, an in-place form such as +=, or subscription x[i] (shown as []).',
  BINARY_SLICE: 'Pops end, start and a container, and pushes container[start:end].',
  COMPARE_OP:
    'Pops two values and pushes the result of a rich comparison (<, <=, ==, !=, > or >=) chosen by the argument; dis shows bool(...) when the result is also converted to a bool.',
  IS_OP: 'Pops two values and pushes whether they are the same object (is); with argument 1 it tests is not.',
  CONTAINS_OP: 'Pops a container and a value and pushes whether the value is in the container (in); with argument 1 it tests not in.',

  // ---- Building objects --------------------------------------------------------------------
  BUILD_TUPLE: 'Pops the given number of values and pushes a tuple of them, in order.',
  BUILD_LIST: 'Pops the given number of values and pushes a new list of them, in order.',
  BUILD_SET: 'Pops the given number of values and pushes a new set of them.',
  BUILD_MAP: 'Pops the given number of key/value pairs and pushes a new dict holding them.',
  BUILD_STRING: 'Pops the given number of strings and pushes them joined into one; f-strings end with it.',
  BUILD_SLICE: 'Pops two or three values (start, stop and maybe step) and pushes a slice object made from them.',
  BUILD_INTERPOLATION:
    'Part of a t-string: pops a value, the source text of its expression and, if present, a format spec, and pushes a string.templatelib.Interpolation. The argument encodes the conversion (!s, !r or !a) and whether a format spec is there.',
  BUILD_TEMPLATE:
    'Finishes a t-string: pops a tuple of the literal string parts and a tuple of interpolations, and pushes the resulting string.templatelib.Template.',
  LIST_APPEND: 'Pops a value and appends it to the list sitting deeper in the stack, which stays put; list comprehensions use it.',
  SET_ADD: 'Pops a value and adds it to the set sitting deeper in the stack, which stays put; set comprehensions use it.',
  MAP_ADD: 'Pops a key and a value and adds them to the dict sitting deeper in the stack, which stays put; dict comprehensions use it.',
  LIST_EXTEND: 'Pops an iterable and extends the list deeper in the stack with its items, as when unpacking [*a, *b].',
  SET_UPDATE: 'Pops an iterable and adds its items to the set deeper in the stack, as when unpacking {*a, *b}.',
  DICT_UPDATE: 'Pops a mapping and merges it into the dict deeper in the stack, as when unpacking {**a, **b}.',
  DICT_MERGE:
    'Like DICT_UPDATE, but raises TypeError on a repeated key. Used to collect **kwargs for a call, where a keyword may appear only once.',
  FORMAT_SIMPLE: 'Replaces the value on top of the stack with its formatted string, using an empty format spec; used by f-strings.',
  FORMAT_WITH_SPEC: 'Pops a format spec and a value and pushes the value formatted with that spec, as in f"{x:>10}".',
  CONVERT_VALUE: 'Applies an f-string conversion to the value on top of the stack: str for !s, repr for !r, ascii for !a.',
  MAKE_FUNCTION: 'Pops a code object and pushes a new function object built from it and the current globals.',
  SET_FUNCTION_ATTRIBUTE:
    'Pops a function and a value and stores the value on the function (defaults, keyword-only defaults, annotations, the annotate function or the closure, chosen by the argument), then pushes the function back.',
  SETUP_ANNOTATIONS:
    'Makes sure the local namespace has an __annotations__ dict, creating an empty one if needed, before a module or class body stores annotations into it.',

  // ---- Unpacking ---------------------------------------------------------------------------
  UNPACK_SEQUENCE:
    'Pops an iterable that must hold exactly the given number of items and pushes them so the first item ends up on top, ready for the following stores.',
  UNPACK_EX:
    'Unpacking with a starred target (a, *b, c = it): pops an iterable and pushes the leading items, a list of the middle ones and the trailing items. The argument packs the counts before and after the star.',

  // ---- Calls -------------------------------------------------------------------------------
  CALL: 'Calls a function with the given number of positional arguments. Below them on the stack sit the callable and a self-or-NULL slot; all are popped and the return value is pushed.',
  CALL_KW:
    'Like CALL, but some arguments are passed by keyword: the top of the stack is a tuple naming the keyword arguments, which are the last ones before it.',
  CALL_FUNCTION_EX:
    'Calls a function with f(*args, **kwargs)-style arguments: pops the callable, a self-or-NULL slot, a tuple of positional arguments and a dict of keyword arguments (or NULL), and pushes the result.',
  CALL_INTRINSIC_1:
    'Calls one of a set of internal helper functions, picked by the argument (such as import *, unary +, or creating a TypeVar), on the top of the stack, and replaces it with the result.',
  CALL_INTRINSIC_2:
    'Calls one of a set of internal two-argument helper functions, picked by the argument (such as preparing an except* re-raise), pops both arguments and pushes the result.',
  EXIT_INIT_CHECK:
    "Runs after a class's Python __init__ returns during object creation: pops the return value and raises TypeError unless it is None.",

  // ---- Control flow ------------------------------------------------------------------------
  JUMP_FORWARD: 'Jumps forward unconditionally by the given number of instructions.',
  JUMP_BACKWARD:
    'Jumps backward unconditionally, closing a loop. Each time it runs, the interpreter checks for signals, thread switches and other pending work, so a loop can be interrupted.',
  JUMP_BACKWARD_NO_INTERRUPT:
    'Jumps backward without checking for pending interrupts, where the compiler needs a loop that must not be broken into, such as the send loop of yield from and await.',
  POP_JUMP_IF_TRUE: 'Pops the boolean on top of the stack and jumps to the target if it is True.',
  POP_JUMP_IF_FALSE: 'Pops the boolean on top of the stack and jumps to the target if it is False.',
  POP_JUMP_IF_NONE: 'Pops the top of the stack and jumps to the target if it is None.',
  POP_JUMP_IF_NOT_NONE: 'Pops the top of the stack and jumps to the target if it is anything other than None.',
  GET_ITER: 'Replaces the object on top of the stack with an iterator over it, as iter(x) does; a for loop starts with it.',
  FOR_ITER:
    'Asks the iterator on top of the stack for its next item and pushes it, leaving the iterator below. When the iterator is exhausted it jumps to the end of the loop instead.',
  END_FOR:
    'Marks the exit of a for loop and pops one value, like POP_TOP. The iterator itself is removed by the POP_ITER that follows.',
  POP_ITER: 'Removes the used-up iterator from the stack once a for loop has finished.',
  RETURN_VALUE: "Pops the top of the stack and returns it to the caller, ending this frame's execution.",
  RETURN_GENERATOR:
    'First instruction of a generator, coroutine or async generator function: it turns the new frame into a generator (or coroutine) object and returns that to the caller. The body runs later, when the object is resumed.',
  YIELD_VALUE:
    'Pauses the generator and hands the value on top of the stack to whoever resumed it. When resumed, the value sent in (None for plain next) is on the stack; the argument is 1 inside yield from or await.',
  SEND:
    'Drives a sub-generator or awaitable for yield from and await: sends the top value into the object below it and pushes what it yields. When that object finishes, its return value takes the place and control jumps to the target.',
  END_SEND: 'Removes the finished sub-iterator from under the result once a yield from or await is complete, keeping the result.',
  GET_YIELD_FROM_ITER:
    'Prepares the operand of yield from: generators and coroutines are kept as they are, anything else is replaced by iter(x).',

  // ---- Exceptions --------------------------------------------------------------------------
  RAISE_VARARGS:
    'Raises an exception. With argument 0 it re-raises the one being handled, with 1 it raises the top of the stack, and with 2 it raises the second item from the top with the top as its __cause__ (raise X from Y).',
  RERAISE:
    'Raises the exception on top of the stack again, used when a handler or finally block passes the exception on. A non-zero argument means an older instruction offset is also popped and restored into the frame.',
  PUSH_EXC_INFO:
    'At the start of an exception handler: makes the exception on the stack the one currently being handled, and saves the previously handled exception underneath it so it can be restored.',
  POP_EXCEPT:
    'At the end of an exception handler: pops the saved exception and restores it as the one currently being handled.',
  CHECK_EXC_MATCH:
    'For except T: pops the type T and pushes whether the exception below it is an instance of T, leaving the exception in place.',
  CHECK_EG_MATCH:
    'For except* T: splits the exception group on the stack by T and pushes the unmatched rest and the matched part (or, when nothing matches, None).',
  WITH_EXCEPT_START:
    "When an exception escapes a with block: calls the context manager's saved __exit__ with the exception's type, value and traceback, and pushes what it returns.",
  CLEANUP_THROW:
    'Handles an exception raised while throwing into or closing a delegated generator: if it is StopIteration, the sub-iterator is discarded and the exception value is pushed as the result; otherwise it is re-raised.',

  // ---- Async -------------------------------------------------------------------------------
  GET_AWAITABLE:
    'Replaces the top of the stack with something await can drive: a coroutine as it is, otherwise the iterator from its __await__ method. The argument says if it follows __aenter__ or __aexit__, for better error messages.',
  GET_AITER: 'Replaces the top of the stack with its asynchronous iterator, calling __aiter__; async for starts with it.',
  GET_ANEXT:
    'Calls __anext__ on the async iterator on top of the stack and pushes an awaitable for the next item, leaving the iterator in place.',
  END_ASYNC_FOR:
    'Ends an async for loop when awaiting the next item raised: pops the exception and the async iterator, and re-raises unless the exception is StopAsyncIteration.',

  // ---- Imports -----------------------------------------------------------------------------
  IMPORT_NAME:
    'Pops the fromlist and the relative-import level and pushes the module imported under the given name; a following store binds it to a variable.',
  IMPORT_FROM:
    'Pushes the named attribute of the module on top of the stack (falling back to importing a submodule), for from m import name.',

  // ---- Pattern matching --------------------------------------------------------------------
  GET_LEN: 'Pushes len() of the value on top of the stack, leaving the value in place; match uses it to check sequence lengths.',
  MATCH_MAPPING: 'Pushes whether the subject on top of the stack is a mapping for the purposes of match, leaving the subject in place.',
  MATCH_SEQUENCE:
    'Pushes whether the subject on top of the stack counts as a sequence for match (str, bytes and bytearray do not), leaving the subject in place.',
  MATCH_KEYS:
    'With a tuple of keys on top and the mapping subject below, pushes a tuple of the values for those keys, or None if any key is missing.',
  MATCH_CLASS:
    'For a class pattern: pops the subject, the class and a tuple of keyword attribute names, and pushes a tuple of the extracted attributes if the subject matches, otherwise None.',

  // ---- Instrumented forms (sys.monitoring) -------------------------------------------------
  INSTRUMENTED_LINE:
    'Put in place of an instruction that starts a new line while a line event is being monitored (for example by a debugger): reports the line, then runs the original instruction.',
  INSTRUMENTED_INSTRUCTION:
    'Put in place of an instruction while per-instruction events are monitored: reports the event, then runs the original instruction.',
  INSTRUMENTED_RESUME: 'Monitored form of RESUME: also reports that the code started or resumed running.',
  INSTRUMENTED_RETURN_VALUE: 'Monitored form of RETURN_VALUE: reports the return before handing the value back.',
  INSTRUMENTED_YIELD_VALUE: 'Monitored form of YIELD_VALUE: reports the yield before pausing the generator.',
  INSTRUMENTED_CALL: 'Monitored form of CALL: reports the call (and, for C functions, its return or exception) to sys.monitoring.',
  INSTRUMENTED_CALL_KW: 'Monitored form of CALL_KW: reports the call to sys.monitoring, then performs it.',
  INSTRUMENTED_CALL_FUNCTION_EX: 'Monitored form of CALL_FUNCTION_EX: reports the call to sys.monitoring, then performs it.',
  INSTRUMENTED_LOAD_SUPER_ATTR: 'Monitored form of LOAD_SUPER_ATTR: reports the implied call to super() to sys.monitoring.',
  INSTRUMENTED_JUMP_FORWARD: 'Monitored form of JUMP_FORWARD: reports the jump to sys.monitoring.',
  INSTRUMENTED_JUMP_BACKWARD: 'Monitored form of JUMP_BACKWARD: reports the jump to sys.monitoring.',
  INSTRUMENTED_POP_JUMP_IF_TRUE: 'Monitored form of POP_JUMP_IF_TRUE: reports which way the branch went.',
  INSTRUMENTED_POP_JUMP_IF_FALSE: 'Monitored form of POP_JUMP_IF_FALSE: reports which way the branch went.',
  INSTRUMENTED_POP_JUMP_IF_NONE: 'Monitored form of POP_JUMP_IF_NONE: reports which way the branch went.',
  INSTRUMENTED_POP_JUMP_IF_NOT_NONE: 'Monitored form of POP_JUMP_IF_NOT_NONE: reports which way the branch went.',
  INSTRUMENTED_NOT_TAKEN: 'Monitored form of NOT_TAKEN: reports that a conditional jump fell through instead of jumping.',
  INSTRUMENTED_FOR_ITER: 'Monitored form of FOR_ITER: reports whether the loop continues or exits.',
  INSTRUMENTED_END_FOR: 'Monitored form of END_FOR, used while the end of iteration is being monitored.',
  INSTRUMENTED_POP_ITER: 'Monitored form of POP_ITER: reports the branch that leaves the loop.',
  INSTRUMENTED_END_SEND: 'Monitored form of END_SEND, used while the end of a delegated generator is being monitored.',
  INSTRUMENTED_END_ASYNC_FOR: 'Monitored form of END_ASYNC_FOR: reports the branch that leaves the async for loop.',

  // ---- Pseudo-instructions (compiler only; never in finished bytecode) ---------------------
  ANNOTATIONS_PLACEHOLDER:
    'Compiler-only pseudo-instruction: marks where a module or class body will set up its lazily evaluated annotations once all of them are known. It never appears in finished bytecode.',
  JUMP: 'Compiler-only pseudo-instruction for an unconditional jump; the assembler turns it into JUMP_FORWARD or JUMP_BACKWARD.',
  JUMP_NO_INTERRUPT:
    'Compiler-only pseudo-instruction for a jump that must not check for interrupts; it becomes JUMP_FORWARD or JUMP_BACKWARD_NO_INTERRUPT.',
  JUMP_IF_TRUE:
    'Compiler-only pseudo-instruction: jump if the top value is true, without popping it. It is lowered to COPY, TO_BOOL and POP_JUMP_IF_TRUE.',
  JUMP_IF_FALSE:
    'Compiler-only pseudo-instruction: jump if the top value is false, without popping it. It is lowered to COPY, TO_BOOL and POP_JUMP_IF_FALSE.',
  LOAD_CLOSURE:
    'Compiler-only pseudo-instruction that pushes a variable\'s cell itself (not its value) to build a closure; the assembler turns it into LOAD_FAST.',
  SETUP_FINALLY:
    'Compiler-only pseudo-instruction opening a protected block: if an exception occurs, control goes to the handler. It becomes an entry in the exception table.',
  SETUP_CLEANUP:
    'Compiler-only pseudo-instruction like SETUP_FINALLY that also records the failing instruction offset so a later RERAISE can restore it; it becomes an exception table entry.',
  SETUP_WITH:
    'Compiler-only pseudo-instruction like SETUP_CLEANUP for the body of a with statement; it becomes an exception table entry.',
  POP_BLOCK: 'Compiler-only pseudo-instruction closing the block opened by SETUP_FINALLY, SETUP_CLEANUP or SETUP_WITH.',
  STORE_FAST_MAYBE_NULL:
    'Compiler-only pseudo-instruction that stores into a local a value that may be NULL, restoring a variable saved by LOAD_FAST_AND_CLEAR; it becomes STORE_FAST.',

  // ---- Specialized forms (shown with adaptive=True) ----------------------------------------
  RESUME_CHECK:
    'Specialized form of RESUME for warmed-up code: only checks for pending interrupts and that monitoring has not been switched on.',
  LOAD_CONST_MORTAL: 'Specialized form of LOAD_CONST for a constant whose reference count must be tracked.',
  LOAD_CONST_IMMORTAL:
    'Specialized form of LOAD_CONST for an immortal constant (such as None or True), which needs no reference counting.',
  TO_BOOL_BOOL: 'Specialized form of TO_BOOL for a value that is already a bool, so it is left as it is.',
  TO_BOOL_INT: 'Specialized form of TO_BOOL for an int: true unless it is zero.',
  TO_BOOL_LIST: 'Specialized form of TO_BOOL for a list: true unless it is empty.',
  TO_BOOL_NONE: 'Specialized form of TO_BOOL for None, which is always false.',
  TO_BOOL_STR: 'Specialized form of TO_BOOL for a str: true unless it is empty.',
  TO_BOOL_ALWAYS_TRUE:
    'Specialized form of TO_BOOL for instances of a class that defines neither __bool__ nor __len__, so the answer is always True.',
  BINARY_OP_ADD_INT: 'Specialized form of BINARY_OP for + on two ints.',
  BINARY_OP_SUBTRACT_INT: 'Specialized form of BINARY_OP for - on two ints.',
  BINARY_OP_MULTIPLY_INT: 'Specialized form of BINARY_OP for * on two ints.',
  BINARY_OP_ADD_FLOAT: 'Specialized form of BINARY_OP for + on two floats.',
  BINARY_OP_SUBTRACT_FLOAT: 'Specialized form of BINARY_OP for - on two floats.',
  BINARY_OP_MULTIPLY_FLOAT: 'Specialized form of BINARY_OP for * on two floats.',
  BINARY_OP_ADD_UNICODE: 'Specialized form of BINARY_OP for + on two strs (concatenation).',
  BINARY_OP_INPLACE_ADD_UNICODE:
    'Specialized form of BINARY_OP for s += t (or s = s + t) on a local str: it can grow the string in place and does the store to s itself.',
  BINARY_OP_EXTEND:
    'Specialized form of BINARY_OP that uses one of a table of extra type-specific handlers, such as mixing int and float operands.',
  BINARY_OP_SUBSCR_LIST_INT: 'Specialized form of BINARY_OP for indexing a list with an int (lst[i]).',
  BINARY_OP_SUBSCR_LIST_SLICE: 'Specialized form of BINARY_OP for slicing a list with a slice object.',
  BINARY_OP_SUBSCR_TUPLE_INT: 'Specialized form of BINARY_OP for indexing a tuple with an int.',
  BINARY_OP_SUBSCR_STR_INT: 'Specialized form of BINARY_OP for indexing a str with an int, giving a one-character string.',
  BINARY_OP_SUBSCR_DICT: 'Specialized form of BINARY_OP for looking up a key in a dict (d[key]).',
  BINARY_OP_SUBSCR_GETITEM:
    'Specialized form of BINARY_OP for subscripting an instance of a class whose __getitem__ is written in Python: it runs that method in a new frame directly.',
  STORE_SUBSCR_DICT: 'Specialized form of STORE_SUBSCR for d[key] = value on a dict.',
  STORE_SUBSCR_LIST_INT: 'Specialized form of STORE_SUBSCR for lst[i] = value on a list with an int index.',
  COMPARE_OP_INT: 'Specialized form of COMPARE_OP for comparing two ints.',
  COMPARE_OP_FLOAT: 'Specialized form of COMPARE_OP for comparing two floats.',
  COMPARE_OP_STR: 'Specialized form of COMPARE_OP for == or != between two strs.',
  CONTAINS_OP_DICT: 'Specialized form of CONTAINS_OP for testing membership in a dict.',
  CONTAINS_OP_SET: 'Specialized form of CONTAINS_OP for testing membership in a set or frozenset.',
  UNPACK_SEQUENCE_TWO_TUPLE: 'Specialized form of UNPACK_SEQUENCE for unpacking a tuple of exactly two items.',
  UNPACK_SEQUENCE_TUPLE: 'Specialized form of UNPACK_SEQUENCE for unpacking a tuple.',
  UNPACK_SEQUENCE_LIST: 'Specialized form of UNPACK_SEQUENCE for unpacking a list.',
  FOR_ITER_LIST: 'Specialized form of FOR_ITER for looping over a list.',
  FOR_ITER_TUPLE: 'Specialized form of FOR_ITER for looping over a tuple.',
  FOR_ITER_RANGE: 'Specialized form of FOR_ITER for looping over a range, producing the ints directly.',
  FOR_ITER_GEN: "Specialized form of FOR_ITER for looping over a generator: it resumes the generator's frame directly.",
  SEND_GEN: "Specialized form of SEND for a generator or coroutine: it resumes the sub-generator's frame directly.",
  JUMP_BACKWARD_NO_JIT: 'Specialized form of JUMP_BACKWARD used when no JIT or trace optimizer is enabled: a plain loop jump.',
  JUMP_BACKWARD_JIT:
    'Specialized form of JUMP_BACKWARD used when the JIT is enabled: it counts loop iterations and, once the loop is hot, asks the optimizer for a trace.',
  LOAD_GLOBAL_MODULE: 'Specialized form of LOAD_GLOBAL for a name found in the module globals, guarded by a cached version of the globals dict.',
  LOAD_GLOBAL_BUILTIN: 'Specialized form of LOAD_GLOBAL for a name found in the builtins, guarded by cached versions of the globals and builtins dicts.',
  LOAD_SUPER_ATTR_ATTR: 'Specialized form of LOAD_SUPER_ATTR for super().name when super is the real builtin and a plain attribute is wanted.',
  LOAD_SUPER_ATTR_METHOD: 'Specialized form of LOAD_SUPER_ATTR for super().method(...) when super is the real builtin.',
  LOAD_ATTR_INSTANCE_VALUE:
    "Specialized form of LOAD_ATTR for an instance attribute kept in the object's inline values, without a dict lookup.",
  LOAD_ATTR_WITH_HINT:
    "Specialized form of LOAD_ATTR for an attribute in the instance's __dict__, using a cached position inside the dict.",
  LOAD_ATTR_SLOT: 'Specialized form of LOAD_ATTR for an attribute stored in a __slots__ slot.',
  LOAD_ATTR_MODULE: 'Specialized form of LOAD_ATTR for an attribute of a module, such as math.pi.',
  LOAD_ATTR_CLASS: 'Specialized form of LOAD_ATTR for an attribute read from a class object itself.',
  LOAD_ATTR_CLASS_WITH_METACLASS_CHECK:
    'Specialized form of LOAD_ATTR for an attribute read from a class object, also checking that its metaclass has not changed.',
  LOAD_ATTR_PROPERTY:
    'Specialized form of LOAD_ATTR for a property whose getter is written in Python: it runs the getter in a new frame directly.',
  LOAD_ATTR_GETATTRIBUTE_OVERRIDDEN:
    'Specialized form of LOAD_ATTR for instances of a class that defines __getattribute__ in Python: it calls that method directly.',
  LOAD_ATTR_METHOD_WITH_VALUES:
    'Specialized form of LOAD_ATTR for loading a method to call, on an instance whose attributes live in inline values that cannot shadow it.',
  LOAD_ATTR_METHOD_NO_DICT: 'Specialized form of LOAD_ATTR for loading a method to call, on an instance that has no __dict__.',
  LOAD_ATTR_METHOD_LAZY_DICT:
    'Specialized form of LOAD_ATTR for loading a method to call, on an instance whose __dict__ has not been created yet.',
  LOAD_ATTR_NONDESCRIPTOR_WITH_VALUES:
    'Specialized form of LOAD_ATTR for a plain (non-descriptor) class attribute read through an instance whose inline values cannot shadow it.',
  LOAD_ATTR_NONDESCRIPTOR_NO_DICT:
    'Specialized form of LOAD_ATTR for a plain (non-descriptor) class attribute read through an instance that has no __dict__.',
  STORE_ATTR_INSTANCE_VALUE: "Specialized form of STORE_ATTR that writes straight into the instance's inline values.",
  STORE_ATTR_WITH_HINT: "Specialized form of STORE_ATTR that writes into the instance's __dict__ at a cached position.",
  STORE_ATTR_SLOT: 'Specialized form of STORE_ATTR that writes into a __slots__ slot.',
  CALL_PY_EXACT_ARGS:
    'Specialized form of CALL for a Python function given exactly its positional parameters: the new frame is set up directly.',
  CALL_PY_GENERAL: 'Specialized form of CALL for a Python function with any other argument shape (defaults, *args and so on).',
  CALL_BOUND_METHOD_EXACT_ARGS:
    'Specialized form of CALL for a bound method of a Python function given exactly its parameters: unpacks self and enters the function directly.',
  CALL_BOUND_METHOD_GENERAL: 'Specialized form of CALL for a bound method of a Python function with any argument shape.',
  CALL_NON_PY_GENERAL: 'Specialized form of CALL for any callable that is not a Python function, using the generic fast-call protocol.',
  CALL_BUILTIN_CLASS: 'Specialized form of CALL for calling a built-in class (a type implemented in C) to make an instance.',
  CALL_BUILTIN_O: 'Specialized form of CALL for a built-in C function that takes exactly one argument.',
  CALL_BUILTIN_FAST: 'Specialized form of CALL for a built-in C function that takes positional arguments in the fast-call convention.',
  CALL_BUILTIN_FAST_WITH_KEYWORDS:
    'Specialized form of CALL for a built-in C function using the fast-call convention that also accepts keywords.',
  CALL_METHOD_DESCRIPTOR_O: 'Specialized form of CALL for a method of a built-in type that takes exactly one argument.',
  CALL_METHOD_DESCRIPTOR_NOARGS: 'Specialized form of CALL for a method of a built-in type that takes no arguments, such as s.upper().',
  CALL_METHOD_DESCRIPTOR_FAST: 'Specialized form of CALL for a method of a built-in type using the fast-call convention.',
  CALL_METHOD_DESCRIPTOR_FAST_WITH_KEYWORDS:
    'Specialized form of CALL for a method of a built-in type using the fast-call convention that also accepts keywords.',
  CALL_TYPE_1: 'Specialized form of CALL for type(x) with one argument, which just fetches the type.',
  CALL_STR_1: 'Specialized form of CALL for str(x) with one argument.',
  CALL_TUPLE_1: 'Specialized form of CALL for tuple(x) with one argument.',
  CALL_LEN: 'Specialized form of CALL for the builtin len(x).',
  CALL_ISINSTANCE: 'Specialized form of CALL for the builtin isinstance(obj, cls).',
  CALL_LIST_APPEND: 'Specialized form of CALL for lst.append(x) on a list whose result is discarded.',
  CALL_ALLOC_AND_ENTER_INIT:
    'Specialized form of CALL for creating an instance of a Python class with a Python __init__: allocates the object and runs __init__ in a new frame directly.',
  CALL_KW_PY: 'Specialized form of CALL_KW for a Python function: sets up the new frame directly.',
  CALL_KW_BOUND_METHOD: 'Specialized form of CALL_KW for a bound method of a Python function.',
  CALL_KW_NON_PY: 'Specialized form of CALL_KW for any callable that is not a Python function.',
});

/** The note for an opcode name as dis prints it, or undefined if we have none. */
export function opcodeNote(opname: string): string | undefined {
  return Object.hasOwn(OPCODE_NOTES, opname) ? OPCODE_NOTES[opname] : undefined;
}
