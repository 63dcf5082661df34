// A baked result: what an engine element would compute, computed ahead of time (by
// `pyinnards bake`, the WordPress block editor, the embed builder) and carried inside the element
// as `<script type="application/json" data-pyinnards-baked>`. Documented in the README ("Baked
// results"); the key is defined in ./key.ts. This module has no DOM and no lit, so the CLI and
// other tools import it on its own.
import { RESULT_SCHEMAS, v, type DisResult, type ReplResultBake } from './schema.js';
import { BAKE_TAGS, type BakeTag } from './key.js';
import type { Trace } from '../trace/format.js';

export { bakeKey, bakeKeyInput, BAKE_ATTRIBUTES, BAKE_TAGS, type BakeTag } from './key.js';
export type { DisResult, ReplResultBake };

/** The value of `Bake.format`. */
export const BAKE_FORMAT = 'pyinnards-bake';
/** Bumped on any change a reader of the previous version would misread. */
export const BAKE_VERSION = 1;
/** The only Python a bake may come from: the one the kit runs (the pinned Pyodide's). */
export const BAKE_PYTHON = 'CPython 3.14.2';
/** The attribute that marks the bake's script element. */
export const BAKE_ATTRIBUTE = 'data-pyinnards-baked';

/** Each element's result, as the element itself computes it live. */
export interface BakeResults {
  /** What `disassemble` answered, before `function=` picks a code object. */
  'py-dis': DisResult;
  /** The recording (the trace format). */
  'py-frames': Trace;
  /** The transcript of the preload, echoed. */
  'py-repl': ReplResultBake;
}

export interface Bake<T extends BakeTag = BakeTag> {
  format: typeof BAKE_FORMAT;
  version: typeof BAKE_VERSION;
  /** The kit version that computed it (informative: the key and the format version decide). */
  kit: string;
  python: typeof BAKE_PYTHON;
  tag: T;
  /** See ./key.ts. */
  key: string;
  result: BakeResults[T];
}

export type ParsedBake = { ok: true; bake: Bake } | { ok: false; reason: string };

const envelope = v.object({
  format: v.literal(BAKE_FORMAT),
  version: v.literal(BAKE_VERSION),
  kit: v.string(),
  python: v.literal(BAKE_PYTHON),
  tag: v.picklist(BAKE_TAGS),
  key: v.pipe(v.string(), v.regex(/^sha256-[0-9a-f]{64}$/)),
  result: v.unknown(),
});

/** Reads a bake's JSON text; anything that isn't exactly a bake of this version is refused, with why. */
export function parseBake(text: string): ParsedBake {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, reason: `not JSON (${error instanceof Error ? error.message : String(error)})` };
  }
  const head = v.safeParse(envelope, data);
  if (!head.success) return { ok: false, reason: describeIssue(head.issues[0]) };
  const result = v.safeParse(RESULT_SCHEMAS[head.output.tag], head.output.result);
  if (!result.success) return { ok: false, reason: `result: ${describeIssue(result.issues[0])}` };
  return { ok: true, bake: { ...head.output, result: result.output } as Bake };
}

/** The issue to report: of a union's alternatives, the one that got furthest into the data. */
function deepest(issue: v.BaseIssue<unknown>): v.BaseIssue<unknown> {
  const inner = (issue.issues ?? []).map(deepest);
  return inner.reduce((best, next) => ((next.path?.length ?? 0) > (best.path?.length ?? 0) ? next : best), issue);
}

function describeIssue(found: v.BaseIssue<unknown> | undefined): string {
  if (!found) return 'invalid';
  const issue = deepest(found);
  const path = issue.path?.map((item) => String(item.key)).join('.');
  return path ? `${path}: ${issue.message}` : issue.message;
}

/**
 * The bake as JSON that can sit inside a <script> element: `<`, `>` and `&` are written as
 * \u003c, \u003e, \u0026, so no value (a `</script>` in a repr) can end the element or open a
 * comment, whatever the HTML around it.
 */
export function serializeBake(bake: Bake): string {
  return JSON.stringify(bake).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The whole child element, ready to put inside the element. */
export function bakeScript(bake: Bake): string {
  return `<script type="application/json" ${BAKE_ATTRIBUTE}>${serializeBake(bake)}</script>`;
}
