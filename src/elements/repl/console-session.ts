// The console's side of the interpreter: its session (shared by name or its own), the queue that
// runs inputs one at a time in order (the reader's, `run()`'s, the element's code), the banner,
// the element's code as a preload, and Reset. What it shows goes into its transcript; the view
// (console-element.ts) renders that and owns the keys.
import type { PyErrorDetail } from '../events.js';
import type { Engine, ReplSession, RunOutcome } from '../../engine/runtime/index.js';
import type { ReplResultBake } from '../../engine/bake/format.js';
import { loadTokenizer } from '../lazy-tokenizer.js';
import { Transcript, withPrompts, type Piece, type PieceKind } from './transcript.js';
import { preloadInputs } from './preload-inputs.js';

export interface ConsoleConfig {
  /** The shared session's name, if any. */
  session: string | undefined;
  /** The element's code: it runs first. */
  preload: string;
  echoPreload: boolean;
  banner: boolean;
  /** Lines input() reads instead of asking the reader. */
  stdin?: string;
  /** 0 for no limit. */
  timeoutMs: number;
}

/** What a console uses of an engine (a baker hands over the same, src/engine/bake/compute.ts). */
export type ConsoleEngine = Pick<Engine, 'capabilities' | 'session'>;

/** How the element's code went when the console started: what py-result says of it. */
export interface PreloadReport {
  /** What its inputs printed (echoes, output, tracebacks; no prompts). */
  output: string;
  /** `ok`, or the first other way one of its inputs ended. */
  status: RunOutcome['status'];
  /** What was reported for each input that failed. */
  failures: PyErrorDetail[];
}

/** What the session needs from the console that holds it. */
export interface SessionOwner {
  /** The <py-repl> element (its place in the page orders a shared Reset). */
  readonly element: HTMLElement;
  engine(): Promise<ConsoleEngine | undefined>;
  config(): ConsoleConfig;
  /** The transcript or `busy` changed. */
  changed(): void;
  /** A problem with the element's code or the engine, for the error banner and `py-error`. */
  failed(detail: PyErrorDetail): void;
  /** A message for the status line. */
  status(message: string): void;
  /** input() waits for the reader; `prompt` is what it printed. */
  ask(prompt: string): Promise<string | null>;
  /** The element's code ran when the console started, echoed (echo-preload). */
  preloaded?(report: PreloadReport): void;
}

export interface Submitted {
  more: boolean;
  output: string;
  outcome: RunOutcome;
}

/** Each console without a session name gets its own. */
let consoles = 0;

/** The started consoles of each shared session, by session name. */
const members = new Map<string, Set<ConsoleSession>>();

export class ConsoleSession {
  readonly transcript = new Transcript();
  /** An input is running (not just being checked for completeness). */
  busy = false;
  /** While `run()` waits: what the console prints, collected for its answer. */
  collecting: string[] | undefined;
  private readonly name: string;
  private session: ReplSession | undefined;
  private starting: Promise<ReplSession | undefined> | undefined;
  private stopListening: (() => void) | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  /** input() can wait for the reader's answer with this engine here. */
  private canAskReader = false;
  /**
   * The transcript came from a bake (README, "Baked results"): starting runs the code silently
   * under it, and `failed` tells whether the bake already shows (and reported) its failures.
   */
  private restored: { failed: boolean } | undefined;

  constructor(private readonly owner: SessionOwner) {
    const { session } = owner.config();
    this.name = session !== undefined ? `shared:${session}` : `console-${++consoles}`;
  }

  /** Starts the interpreter and runs the element's code (once); resolves to the session, if it could start. */
  start(): Promise<ReplSession | undefined> {
    // Queued: whatever is entered before the console is up runs after its code.
    this.starting ??= this.enqueue(() => this.open());
    return this.starting;
  }

  /** Runs `fn` after everything queued before it. */
  enqueue<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.queue.then(fn, fn);
    this.queue = next.catch(() => {});
    return next;
  }

  /**
   * Shows a baked transcript of the element's code, echoed, before the interpreter is there.
   * When the console starts, the code runs again silently under it, so the session holds what
   * the transcript shows without showing it twice.
   */
  restore(bake: ReplResultBake): void {
    this.transcript.restore(bake.pieces, bake.dropped);
    this.restored = { failed: bake.failures.length > 0 };
    this.owner.changed();
  }

  show(kind: PieceKind, text: string): void {
    this.transcript.append(kind, text);
    // run() answers with what the console printed, not with the input it echoed.
    if (kind !== 'input' && kind !== 'banner') this.collecting?.push(text);
    this.owner.changed();
  }

  private async open(): Promise<ReplSession | undefined> {
    const engine = await this.owner.engine();
    if (!engine) {
      this.starting = undefined;
      return undefined;
    }
    if (!engine.capabilities.repl) {
      this.owner.failed({ kind: 'Configuration', message: `${engine.capabilities.version} has no console. Use engine="pyodide".` });
      return undefined;
    }
    const session = engine.session(this.name);
    this.session = session;
    this.canAskReader = engine.capabilities.interactiveInput;
    this.listen();
    const shared = this.sharedWith();
    const restored = this.restored;
    this.restored = undefined;
    if (!restored) this.showBanner(engine, shared.size > 0);
    shared.add(this);
    if (restored) {
      await this.preload(false, restored.failed);
    } else {
      const echo = this.owner.config().echoPreload;
      const report = await this.preload(echo);
      if (echo) this.owner.preloaded?.(report);
    }
    return session;
  }

  /** Hears what the session's tasks print between inputs, and when the interpreter restarts. */
  private listen(): void {
    this.stopListening?.();
    this.stopListening = this.session?.listen({
      output: (stream, text) => this.show(stream, text),
      // (Queued: the input that was stopped says so first.)
      restarted: () =>
        void this.enqueue(async () => {
          this.show('note', 'The interpreter was restarted to stop the code, so this console’s variables are gone; its code runs again.\n');
          await this.preload(false);
        }),
    });
  }

  /** The other started consoles of this console's shared session (an empty set if it has none). */
  private sharedWith(): Set<ConsoleSession> {
    const { session } = this.owner.config();
    if (session === undefined) return new Set();
    let set = members.get(session);
    if (!set) members.set(session, (set = new Set()));
    return set;
  }

  /** The banner; a console joining a shared session says only that (the first one showed it). */
  private showBanner(engine: ConsoleEngine, joining: boolean): void {
    if (!this.owner.config().banner) return;
    if (joining) {
      this.show('banner', `Shares the session "${this.owner.config().session}" with the console above: same Python, same variables.\n`);
      return;
    }
    const { capabilities } = engine;
    if (capabilities.topLevelAwait) {
      // What `python -m asyncio` prints, with where this Python runs; asyncio is imported.
      this.show('banner', `Python console: ${capabilities.version}, as \`python -m asyncio\` runs it.\nUse "await" directly instead of "asyncio.run()".\n`);
      this.show('input', withPrompts('import asyncio'));
    } else {
      this.show('banner', `Python console: ${capabilities.version}, not CPython. Code that needs more than it has gets a message; engine="pyodide" runs CPython 3.14.\n`);
    }
    if (capabilities.note) this.show('note', `${capabilities.note}\n`);
  }

  /**
   * The element's code, input by input: shown as typed with `echo`, else run silently unless it
   * fails (`quiet`: a failure shows nothing either, as the baked transcript above already shows it).
   */
  private async preload(echo: boolean, quiet = false): Promise<PreloadReport> {
    const report: PreloadReport = { output: '', status: 'ok', failures: [] };
    const code = this.owner.config().preload;
    if (!code.trim() || !this.session) return report;
    const tokenizer = await loadTokenizer();
    const collected: string[] = [];
    this.collecting = collected;
    try {
      for (const input of preloadInputs(code, tokenizer)) {
        let source = input;
        let result = await this.submit(source, { force: false, echo, show: echo });
        // A block ends with a blank line, as typed.
        if (result.more) result = await this.submit((source += '\n'), { force: true, echo, show: echo });
        if (report.status === 'ok') report.status = result.outcome.status;
        if (quiet || (result.outcome.status !== 'error' && result.outcome.status !== 'failed')) continue;
        if (!echo) {
          this.show('input', withPrompts(source));
          this.show('stderr', result.output);
        }
        const error = result.outcome.status === 'error' ? result.outcome.error : undefined;
        const failure = {
          kind: error?.type ?? 'Engine',
          message: `The console's code failed: ${error ? error.message : result.outcome.status === 'failed' ? result.outcome.message : ''}`,
        };
        report.failures.push(failure);
        this.owner.failed(failure);
      }
    } finally {
      this.collecting = undefined;
    }
    report.output = collected.join('');
    return report;
  }

  /**
   * Enter with `source` at the prompt: the session runs it if it is complete (or `force`). With
   * `echo` the input goes into the transcript (once it runs), and with `show` what it prints;
   * `onRunning` is called when it starts to run.
   */
  async submit(
    source: string,
    { force, echo, show, onRunning }: { force: boolean; echo: boolean; show: boolean; onRunning?: () => void },
  ): Promise<Submitted> {
    const session = this.session!;
    const config = this.owner.config();
    let output = '';
    let echoed = false;
    let echoPiece: Piece | undefined;
    // The input shows once it runs: the first output, or the end (an incomplete one never shows),
    // or when it has been running a while without output.
    const running = () => {
      if (!echoed && echo) {
        this.show('input', withPrompts(source));
        echoPiece = this.transcript.pieces.at(-1);
      }
      echoed = true;
      if (!this.busy) {
        this.busy = true;
        onRunning?.();
        this.owner.changed();
      }
    };
    const print = (kind: PieceKind) => (text: string) => {
      running();
      output += text;
      if (show) this.show(kind, text);
    };
    const timer = setTimeout(running, 100);
    try {
      const { more, outcome } = await session.push(source, {
        force,
        timeoutMs: config.timeoutMs,
        onStdout: print('stdout'),
        onStderr: print('stderr'),
        ...(config.stdin !== undefined
          ? { stdin: config.stdin }
          : {
              onInput: async (prompt: string) => {
                // Skulpt hands the prompt over; CPython has already printed it.
                if (prompt) print('stdout')(prompt);
                const answer = await this.owner.ask(this.transcript.text.split('\n').at(-1) ?? '');
                // A terminal echoes what the reader typed, and the Enter.
                if (answer !== null) print('answer')(`${answer}\n`);
                return answer;
              },
            }),
      });
      clearTimeout(timer);
      // The worker took longer than the timer to say the input is incomplete (a slow phone, a
      // busy machine): take the early echo back, or the block would show twice.
      if (more && echoPiece && output === '' && this.transcript.remove(echoPiece)) this.owner.changed();
      if (!more) running();
      const note = this.describe(outcome);
      if (note) print(note.kind)(note.text);
      return { more, output, outcome };
    } finally {
      clearTimeout(timer);
      this.busy = false;
      this.owner.changed();
    }
  }

  /** What the transcript adds when the output alone doesn't say how an input ended. */
  private describe(outcome: RunOutcome): { kind: PieceKind; text: string } | undefined {
    switch (outcome.status) {
      case 'stopped':
        // Stopped by restarting the worker: no traceback could be printed, so say it as the
        // console would (the restart itself is told by `restarted`).
        return outcome.sessionReset ? { kind: 'stderr', text: 'KeyboardInterrupt\n' } : undefined;
      case 'timeout':
        return { kind: 'note', text: `Stopped after ${outcome.afterMs / 1000} seconds: the element's timeout.\n` };
      case 'failed':
        return { kind: 'note', text: `${outcome.message}\n` };
      case 'error':
        if (outcome.error.type === 'EOFError' && this.owner.config().stdin === undefined && !this.canAskReader) {
          // (At an input's top level the console awaits the answer; a function can't wait here.)
          this.owner.status('In this browser input() can ask the reader only at the top level of an input, not inside a function: give the element a stdin attribute with the input lines.');
        }
        return undefined;
      case 'ok':
        return undefined;
    }
  }

  /** Ctrl+C while an input runs: the interpreter stops it. */
  interrupt(): void {
    if (this.busy) this.session?.interrupt();
  }

  /** The interpreter's completions of the end of `text` in this session's namespace. */
  async complete(text: string): Promise<string[]> {
    const session = await this.start();
    return session ? session.complete(text) : [];
  }

  /**
   * Reset: a fresh namespace, a clear screen, the banner and the element's code again. In a
   * shared session every member's code runs again (in page order) and each one says so.
   */
  async reset(): Promise<void> {
    const session = await this.start();
    if (!session) return;
    await this.enqueue(() => session.reset());
    const others = [...this.sharedWith()].filter((member) => member !== this);
    const all = [this, ...others].sort((a, b) =>
      a.owner.element.compareDocumentPosition(b.owner.element) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1,
    );
    for (const member of all) await member.sessionWasReset(member === this, others.length > 0);
  }

  /** After the session's reset: this console's part (`own`: its Reset was pressed). */
  private sessionWasReset(own: boolean, shared: boolean): Promise<void> {
    return this.enqueue(async () => {
      if (own) {
        this.transcript.clear();
        this.owner.changed();
        const engine = await this.owner.engine();
        if (engine) this.showBanner(engine, false);
      }
      if (shared) {
        this.show('note', `The session "${this.owner.config().session}" was reset: its variables are gone, and the code of each console sharing it runs again.\n`);
      }
      const echo = own && this.owner.config().echoPreload;
      const report = await this.preload(echo);
      if (echo) this.owner.preloaded?.(report);
    });
  }

  /** The element left the page: stop listening (it may come back). */
  disconnect(): void {
    this.sharedWith().delete(this);
    this.stopListening?.();
    this.stopListening = undefined;
  }

  /** Back in the page (moved): the session and transcript are as they were. */
  connect(): void {
    if (this.session && !this.stopListening) {
      this.sharedWith().add(this);
      this.listen();
    }
  }
}
