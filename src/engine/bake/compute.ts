// Computes an element's result for a bake, the way the element computes it live, with whatever
// runs the pinned CPython: the `pyodide` package in Node (`pyinnards bake`) or the kit's own
// worker in a browser (the WordPress block editor, the embed builder). One place for the
// options each element passes and for the attribute checks, so every baker makes the same bake.
import { checkAttribute, DEFAULT_MAX_STEPS, DEFAULT_TIMEOUT_SECONDS } from '../../elements/attributes.js';
import { BAKE_FORMAT, BAKE_PYTHON, BAKE_VERSION, type Bake, type BakeResults, type BakeTag } from './format.js';
import { KIT_VERSION } from './kit-version.js';
import { consoleTranscript } from './console-transcript.js';
import type { Disassembly, DisassembleRequest } from '../runtime/types.js';
import type { Trace, TraceOptions } from '../trace/format.js';
import type { ConsoleEngine } from '../../elements/repl/console-session.js';

import { BakeRefusal } from './refusal.js';

export { BakeRefusal };

/** What a baker needs of an engine: the calls the elements make. */
export interface BakeEngine extends ConsoleEngine {
  disassemble(code: string, options: DisassembleRequest): Promise<Disassembly>;
  /** A recording; `stdin` is what input() reads, and without it `onInput` is asked. */
  trace(code: string, options: TraceOptions & { stdin?: string; onInput?: () => Promise<null> }): Promise<Trace>;
}

/** The result-affecting attributes that have a rule in src/elements/attributes.ts, by property. */
const PROPERTIES: Readonly<Record<string, string>> = {
  adaptive: 'adaptive',
  depth: 'depth',
  'max-steps': 'maxSteps',
  granularity: 'granularity',
  timeout: 'timeout',
};

/**
 * An attribute's value, checked by the elements' own rules: an invalid value makes the element
 * show an error instead of a result, so there is nothing to bake.
 */
function checked(attribute: (name: string) => string | null, name: string): string | null {
  const raw = attribute(name);
  const message = checkAttribute(PROPERTIES[name]!, undefined, raw);
  if (message) throw new BakeRefusal(`${message} The element shows this error instead of a result.`);
  return raw;
}

/** The result of `tag` for `code` (dedented, as the element sources it) and its attributes. */
export async function computeResult<T extends BakeTag>(
  engine: BakeEngine,
  tag: T,
  code: string,
  attribute: (name: string) => string | null,
): Promise<BakeResults[T]> {
  if (tag === 'py-dis') {
    const adaptive = checked(attribute, 'adaptive');
    const depth = checked(attribute, 'depth');
    const warmup = adaptive === null || adaptive === '' ? 0 : Number(adaptive);
    // What <py-dis> passes (src/elements/py-dis.ts), through disassembleWith (src/engine/dis).
    const answer = await engine.disassemble(code, {
      showCaches: attribute('show-caches') !== null,
      showOffsets: attribute('show-offsets') !== null,
      showPositions: attribute('show-positions') !== null,
      adaptive: adaptive !== null && warmup > 0,
      warmup,
      depth: depth === null ? null : Number(depth),
      withText: false,
    });
    return ('error' in answer ? answer : { tree: answer.code }) as BakeResults[T];
  }
  if (tag === 'py-frames') {
    const granularity = (checked(attribute, 'granularity') ?? 'line').trim() as 'line' | 'instruction';
    const maxStepsText = checked(attribute, 'max-steps');
    const timeoutText = checked(attribute, 'timeout');
    const maxSteps = maxStepsText === null ? DEFAULT_MAX_STEPS : Number(maxStepsText);
    const timeout = timeoutText === null ? DEFAULT_TIMEOUT_SECONDS : Number(timeoutText);
    const stdin = attribute('stdin');
    let askedReader = false;
    // What <py-frames> asks for (src/elements/py-frames.ts, engine-element.ts).
    const trace = await engine.trace(code, {
      maxSteps,
      granularity,
      timeLimitMs: timeout * 1000,
      ...(stdin === null
        ? {
            onInput: async () => {
              askedReader = true;
              return null;
            },
          }
        : { stdin }),
    });
    // (An engine that can't wait for the reader ends input() with EOFError instead of asking:
    // the element then asks and runs again, src/elements/engine-element.ts.)
    const end = trace.end;
    if (stdin === null && end.status === 'error' && end.error.type === 'EOFError' && end.error.message === 'EOF when reading a line') askedReader = true;
    if (askedReader) throw new BakeRefusal('the code calls input(), which asks the reader: give the element a stdin attribute to bake it');
    if (trace.end.status === 'time-limit') throw new BakeRefusal(`the run took longer than its time limit (${timeout} s), so the reader's run would differ`);
    return trace as BakeResults[T];
  }
  if (tag === 'py-repl') return (await consoleTranscript(engine, code, attribute)) as BakeResults[T];
  throw new BakeRefusal(`<${tag}> has no bake`);
}

/** The bake of a result computed for `key`. */
export function newBake<T extends BakeTag>(tag: T, key: string, result: BakeResults[T]): Bake<T> {
  return { format: BAKE_FORMAT, version: BAKE_VERSION, kit: KIT_VERSION, python: BAKE_PYTHON, tag, key, result };
}
