// The bake of a `<py-repl echo-preload>`: its transcript before the reader types anything (the
// banner, then its code as typed inputs with what they printed), made by the console's own
// session logic (src/elements/repl/console-session.ts) on the baker's engine, so it is the
// transcript the console shows live.
import { checkAttribute, DEFAULT_TIMEOUT_SECONDS } from '../../elements/attributes.js';
import { ConsoleSession, type ConsoleConfig, type ConsoleEngine, type PreloadReport } from '../../elements/repl/console-session.js';
import type { PyErrorDetail } from '../../elements/events.js';
import type { ReplResultBake } from './schema.js';
import { BakeRefusal } from './refusal.js';

/**
 * Why a console can't be baked whatever its code (the bakers skip it and say why), or undefined.
 */
export function consoleUnbakeable(attribute: (name: string) => string | null): string | undefined {
  if (attribute('echo-preload') === null) return 'a console without echo-preload shows nothing until the reader uses it';
  const session = attribute('session');
  if (session !== null) {
    return `session="${session}": a console sharing a session shows what the consoles the reader started before it left there, so its transcript can't be baked`;
  }
  return undefined;
}

export async function consoleTranscript(engine: ConsoleEngine, code: string, attribute: (name: string) => string | null): Promise<ReplResultBake> {
  const unbakeable = consoleUnbakeable(attribute);
  if (unbakeable) throw new BakeRefusal(unbakeable);
  const timeoutText = attribute('timeout');
  const problem = checkAttribute('timeout', undefined, timeoutText);
  if (problem) throw new BakeRefusal(`${problem} The element shows this error instead of a result.`);
  // The console's own limit (none by default: it is interactive), or the bakers' usual one: a
  // baker can't wait forever for code that never ends.
  const limit = timeoutText === null || Number(timeoutText) === 0 ? DEFAULT_TIMEOUT_SECONDS : Number(timeoutText);
  const stdin = attribute('stdin');
  const config: ConsoleConfig = {
    session: undefined,
    preload: code,
    echoPreload: true,
    banner: attribute('no-banner') === null,
    ...(stdin !== null ? { stdin } : {}),
    timeoutMs: limit * 1000,
  };
  let askedReader = false;
  let report: PreloadReport | undefined;
  const failures: PyErrorDetail[] = [];
  // (A ConsoleSession of its own: a namespace of its own on the engine.)
  const session = new ConsoleSession({
    // (Used only by a shared Reset, which a baker never does.)
    element: undefined as never,
    engine: async () => engine,
    config: () => config,
    changed: () => {},
    failed: (detail) => void failures.push(detail),
    status: () => {},
    ask: async () => {
      askedReader = true;
      return null;
    },
    preloaded: (done) => (report = done),
  });
  try {
    const started = await session.start();
    if (!started || !report) throw new Error(`the console did not start${failures.length ? `: ${failures.map((f) => f.message).join(' ')}` : ''}`);
  } finally {
    session.disconnect();
  }
  // (Where input() can't wait for the reader it raises EOFError instead of asking.)
  const eof = report.failures.some((failure) => failure.kind === 'EOFError');
  if (askedReader || (stdin === null && eof)) throw new BakeRefusal('the code calls input(), which asks the reader: give the element a stdin attribute to bake it');
  if (report.status === 'timeout') throw new BakeRefusal(`the code ran longer than ${limit} s, so the reader's console would differ`);
  if (report.status !== 'ok' && report.status !== 'error') throw new BakeRefusal(`the code's run ended as "${report.status}": ${failures.map((f) => f.message).join(' ')}`);
  const { transcript } = session;
  return {
    pieces: transcript.pieces.map(({ kind, text }) => ({ kind, text })),
    dropped: transcript.dropped,
    output: report.output,
    status: report.status,
    failures: report.failures.map(({ kind, message }) => ({ kind, message })),
  };
}
