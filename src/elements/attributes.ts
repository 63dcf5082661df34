/**
 * The one place where attribute values are checked. Every element runs these rules when an
 * attribute (or its property) is set, before any lazily loaded part is asked for, and shows the
 * same kind of message for every invalid value: the attribute, what it got, what it takes.
 */
// DOM-free (engine names only), so the `pyinnards bake` command reads the same defaults.
import { ENGINES } from '../engine/engines.js';

/** `<py-frames>`' play speeds, steps per second: the speed menu offers exactly these. */
export const SPEEDS = [1, 2, 4, 8, 16] as const;
/** The default for `max-steps`. */
export const DEFAULT_MAX_STEPS = 10_000;
/** The default for `timeout`, in seconds. */
export const DEFAULT_TIMEOUT_SECONDS = 10;

interface AttributeRule {
  /** The attribute's name in HTML. */
  attribute: string;
  /** What an invalid value is not, as the message says it: "a theme". */
  what: string;
  /** The values it takes, as the message says them: "auto, light or dark". */
  takes: string;
  /** Whether `text` (the attribute as written, or the property as text) is valid. */
  valid(text: string): boolean;
}

const WHOLE = /^\s*\d+\s*$/;
const NUMBER = /^\s*(\d+(\.\d*)?|\.\d+)\s*$/;
const oneOf = (values: readonly (string | number)[]) => (text: string) => values.map(String).includes(text.trim());

/**
 * A boolean attribute is on when present, whatever its value, as in HTML: so `show-empty="false"`
 * would quietly turn the option on. Only the values HTML allows (none, or the attribute's own
 * name) and "true" pass; anything else gets the message instead of the opposite of its meaning.
 */
function flag(attribute: string): AttributeRule {
  return {
    attribute,
    what: 'a value for an on/off attribute',
    takes: `${attribute} with no value to turn it on, or no ${attribute} attribute to leave it off`,
    valid: (text) => ['', attribute, 'true'].includes(text.trim().toLowerCase()),
  };
}

/** The rules, by property name. An element checks those of its own properties. */
const RULES: Readonly<Record<string, AttributeRule>> = {
  readonly: flag('readonly'),
  exact: flag('exact'),
  showCaches: flag('show-caches'),
  showOffsets: flag('show-offsets'),
  showPositions: flag('show-positions'),
  echoPreload: flag('echo-preload'),
  noBanner: flag('no-banner'),
  includeAttributes: flag('include-attributes'),
  showEmpty: flag('show-empty'),
  theme: { attribute: 'theme', what: 'a theme', takes: 'auto, light or dark', valid: oneOf(['auto', 'light', 'dark']) },
  engine: {
    attribute: 'engine',
    what: 'an engine',
    takes: `one of ${ENGINES.join(', ')}`,
    // No value: the page-wide engine.
    valid: (text) => text === '' || oneOf(ENGINES)(text),
  },
  timeout: { attribute: 'timeout', what: 'a number of seconds', takes: 'a number from 0 (0 for no limit), e.g. 10', valid: (text) => NUMBER.test(text) },
  speed: { attribute: 'speed', what: 'a speed', takes: `one of ${SPEEDS.join(', ')} (steps per second)`, valid: oneOf(SPEEDS) },
  step: { attribute: 'step', what: 'a step', takes: 'a whole number from 0 (the first step)', valid: (text) => WHOLE.test(text) },
  maxSteps: {
    attribute: 'max-steps',
    what: 'a number of steps',
    takes: `a whole number from 1 (${DEFAULT_MAX_STEPS} by default)`,
    valid: (text) => WHOLE.test(text) && Number(text) > 0,
  },
  granularity: { attribute: 'granularity', what: 'a granularity', takes: 'line or instruction', valid: oneOf(['line', 'instruction']) },
  breakpoints: {
    attribute: 'breakpoints',
    what: 'a list of lines',
    takes: 'line numbers from 1, separated by spaces or commas, e.g. "5 9"',
    valid: (text) => text.split(/[\s,]+/).every((item) => item === '' || (WHOLE.test(item) && Number(item) > 0)),
  },
  mode: { attribute: 'mode', what: 'a parse mode', takes: 'exec, eval, single or func_type', valid: oneOf(['exec', 'eval', 'single', 'func_type']) },
  indent: { attribute: 'indent', what: 'an indent', takes: 'a whole number of spaces from 0 (no attribute: one line)', valid: (text) => WHOLE.test(text) },
  depth: { attribute: 'depth', what: 'a depth', takes: 'a whole number from 0', valid: (text) => WHOLE.test(text) },
  adaptive: {
    attribute: 'adaptive',
    what: 'a number of runs',
    takes: 'a whole number from 0 (the runs before the specialized instructions are shown)',
    // A bare `adaptive` is 0 runs.
    valid: (text) => text === '' || WHOLE.test(text),
  },
};

/** The message for an invalid value; the same words for every attribute. */
export function invalidValueMessage(attribute: string, text: string, what: string, takes: string): string {
  return `${attribute}="${text}" is not ${what}; use ${takes}.`;
}

/** A property's value as text, the way its attribute would be written. */
function asText(value: unknown): string {
  if (value instanceof Set) return [...(value as Set<unknown>)].join(' ');
  return String(value);
}

/**
 * Checks property `name` of an element. `attributeText` is the attribute as written when the
 * value came from it (numbers and lists are converted, so "soon" or "two" only show there).
 * Returns the message for an invalid value, or undefined.
 */
export function checkAttribute(name: string, value: unknown, attributeText: string | null | undefined): string | undefined {
  const rule = RULES[name];
  if (!rule) return undefined;
  // Removed attributes and unset properties fall back to the default.
  if (attributeText === null || (attributeText === undefined && (value === undefined || value === null))) return undefined;
  // A boolean property set from script is what it says.
  if (attributeText === undefined && typeof value === 'boolean') return undefined;
  const text = attributeText ?? asText(value);
  return rule.valid(text) ? undefined : invalidValueMessage(rule.attribute, text, rule.what, rule.takes);
}

/** The names of properties that have a rule. */
export function hasRule(name: string): boolean {
  return name in RULES;
}

/** The attribute a rule checks, for the message. */
export function attributeOf(name: string): string {
  return RULES[name]?.attribute ?? name;
}
