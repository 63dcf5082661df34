/**
 * Pieces of the CSS lengths elements reserve for their output until it comes (see
 * PyElement.reservedOutputHeight). Layouts change in steps at their breakpoints, not along a
 * slope of the screen's width.
 */

/** `height` on a screen narrower than `width`, else nothing: a clamp of a steep slope (a step within a pixel). */
export function belowWidth(width: string, height: string): string {
  return `clamp(0px, (${width} - 100vw) * 100, ${height})`;
}
