// Shared by the dis conformance tests.

/** The only normalization allowed: object addresses, which differ between runs. */
export const normalize = (text: string): string => text.replace(/ at 0x[0-9a-f]+/g, ' at 0x…');

/** The first differing line, so a failure says where instead of dumping two whole listings. */
export function firstDifference(actual: string, expected: string): string {
  const a = actual.split('\n');
  const b = expected.split('\n');
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] !== b[i]) return `line ${i + 1}:\n  ours:    ${JSON.stringify(a[i])}\n  CPython: ${JSON.stringify(b[i])}`;
  }
  return 'identical';
}
