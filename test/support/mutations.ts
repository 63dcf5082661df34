// Source mutations for the property tests (tokenizer, parser): insert, delete or replace a bit of
// text at a relative place, so shrinking keeps a failing case's shape whatever the source length.
import fc from 'fast-check';

export interface Mutation {
  /** Where, from 0 (start) to 1 (end) of the source as it is when this mutation applies. */
  at: number;
  kind: 'insert' | 'delete' | 'replace';
  text: string;
  length: number;
}

export function mutate(source: string, mutations: readonly Mutation[]): string {
  let s = source;
  for (const m of mutations) {
    const at = Math.floor(m.at * (s.length + 1));
    if (m.kind === 'insert') s = s.slice(0, at) + m.text + s.slice(at);
    else if (m.kind === 'delete') s = s.slice(0, at) + s.slice(at + m.length);
    else s = s.slice(0, at) + m.text + s.slice(at + m.length);
  }
  return s;
}

/** A mutation whose inserted or replacing text comes from `text`. */
export function mutationArbitrary(text: fc.Arbitrary<string>): fc.Arbitrary<Mutation> {
  return fc.record({
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    kind: fc.constantFrom('insert', 'delete', 'replace'),
    text,
    length: fc.integer({ min: 1, max: 4 }),
  });
}
