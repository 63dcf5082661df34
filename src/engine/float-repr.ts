// Shared by the parser (Constant values) and the Skulpt backend (patched float repr); kept out
// of both folders so that loading the parser never pulls in an interpreter chunk.
// CPython's repr() of a float (also its str() since Python 3): the shortest digits that read
// back as the same double, laid out by Python's rules. JavaScript finds the same shortest digits
// (Number.prototype.toExponential() without an argument), so only the layout differs:
// positional notation when -4 <= exponent < 16, else scientific with a signed exponent of at
// least two digits; always a digit after the point in positional form ("1.0", not "1").
export function floatRepr(value: number): string {
  if (Number.isNaN(value)) return 'nan';
  if (value === Infinity) return 'inf';
  if (value === -Infinity) return '-inf';
  if (value === 0) return Object.is(value, -0) ? '-0.0' : '0.0';
  const sign = value < 0 ? '-' : '';
  const [mantissa = '', exponentText = '0'] = Math.abs(value).toExponential().split('e');
  const digits = mantissa.replace('.', '');
  const exponent = Number(exponentText);
  if (exponent < -4 || exponent >= 16) {
    const fraction = digits.length > 1 ? `.${digits.slice(1)}` : '';
    const magnitude = String(Math.abs(exponent)).padStart(2, '0');
    return `${sign}${digits[0]}${fraction}e${exponent < 0 ? '-' : '+'}${magnitude}`;
  }
  if (exponent < 0) return `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`;
  const whole = digits.slice(0, exponent + 1).padEnd(exponent + 1, '0');
  const fraction = digits.slice(exponent + 1) || '0';
  return `${sign}${whole}.${fraction}`;
}
