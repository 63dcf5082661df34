// `pyinnards bake PATH… [--out DIR]`: puts into every engine element of the given HTML files
// (or folders of them) its result, computed ahead of time with the pinned CPython, so readers
// see it without downloading an interpreter (README, "Baked results").
import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { applySplices, findElements, type FoundElement, type Splice } from './bake-html.js';
import { bakeKey, bakeScript, parseBake, type Bake } from '../engine/bake/format.js';
import { bakedTextElement } from '../engine/bake/baked-text.js';
import { newBake } from '../engine/bake/compute.js';
import { consoleUnbakeable } from '../engine/bake/console-transcript.js';
import type { Computer } from './bake-compute.js';

export const BAKE_USAGE = 'usage: pyinnards bake PATH... [--out DIR]\n';

export interface BakeIO {
  stdout(text: string): void;
  stderr(text: string): void;
  /** The CPython that computes results; started only when some element needs a new bake. */
  computer(): Promise<Computer>;
}

interface Target {
  /** The file read. */
  file: string;
  /** Where the result is written (the file itself, or its copy under --out). */
  output: string;
}

function htmlFilesIn(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true })
    .flatMap((entry) => {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) return entry.name === 'node_modules' || entry.name.startsWith('.') ? [] : htmlFilesIn(path);
      return /\.html?$/i.test(entry.name) ? [path] : [];
    })
    .sort();
}

/** The files to bake, and where each goes. Throws with a usage message for bad arguments. */
function targets(paths: readonly string[], out: string | undefined): Target[] {
  return paths.flatMap((path) => {
    let stats;
    try {
      stats = statSync(path);
    } catch {
      throw new Error(`${path}: no such file or folder`);
    }
    if (stats.isDirectory()) {
      return htmlFilesIn(path).map((file) => ({ file, output: out ? join(out, relative(path, file)) : file }));
    }
    return [{ file: path, output: out ? join(out, basename(path)) : path }];
  });
}

type Action = 'baked' | 'rebaked' | 'up to date' | 'skipped' | 'failed';

export async function runBake(args: readonly string[], io: BakeIO): Promise<number> {
  const paths: string[] = [];
  let out: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '-h' || arg === '--help') {
      io.stdout(BAKE_USAGE);
      return 0;
    }
    if (arg === '--out' || arg.startsWith('--out=')) {
      out = arg === '--out' ? args[++i] : arg.slice('--out='.length);
      if (!out) {
        io.stderr(`${BAKE_USAGE}pyinnards bake: error: --out needs a folder\n`);
        return 2;
      }
    } else if (arg.startsWith('-')) {
      io.stderr(`${BAKE_USAGE}pyinnards bake: error: unknown option ${arg}\n`);
      return 2;
    } else paths.push(arg);
  }
  if (paths.length === 0) {
    io.stderr(`${BAKE_USAGE}pyinnards bake: error: no PATH given\n`);
    return 2;
  }
  let files: Target[];
  try {
    files = targets(paths, out && resolve(out));
  } catch (error) {
    io.stderr(`pyinnards bake: error: ${(error as Error).message}\n`);
    return 2;
  }

  const counts: Record<Action, number> = { baked: 0, rebaked: 0, 'up to date': 0, skipped: 0, failed: 0 };
  let computer: Promise<Computer> | undefined;
  for (const { file, output } of files) {
    const html = readFileSync(file, 'utf8');
    const splices: Splice[] = [];
    for (const element of findElements(html)) {
      const place = `${file}:${element.line}: <${element.tag}>`;
      let action: Action;
      let note = '';
      let bake: Bake | undefined;
      try {
        const made = await bakeOne(element, () => (computer ??= io.computer()));
        action = made.action;
        note = made.note ?? '';
        bake = made.bake;
        if (made.splice) splices.push(made.splice);
      } catch (error) {
        action = 'failed';
        note = error instanceof Error ? error.message : String(error);
      }
      const textSplice = bakedTextSplice(element, bake);
      if (textSplice) {
        splices.push(textSplice);
        // A bake made before the kit wrote this text gets it now, without running Python.
        if (action === 'up to date') note = 'its text for readers without JavaScript written';
      }
      counts[action]++;
      (action === 'failed' ? io.stderr : io.stdout)(`${place} ${action}${note ? `: ${note}` : ''}\n`);
    }
    const baked = applySplices(html, splices);
    if (output !== file || baked !== html) {
      mkdirSync(resolve(output, '..'), { recursive: true });
      writeFileSync(output, baked);
    }
  }
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  const parts = (Object.entries(counts) as Array<[Action, number]>).filter(([, n]) => n > 0).map(([action, n]) => `${n} ${action}`);
  io.stdout(`${total} element${total === 1 ? '' : 's'} in ${files.length} file${files.length === 1 ? '' : 's'}${parts.length ? `: ${parts.join(', ')}` : ''}${out ? ` (written under ${out})` : ''}\n`);
  return counts.failed > 0 ? 1 : 0;
}

/**
 * The change that makes the element's <noscript> text match its bake: written from the bake (or
 * replaced, if it differs), and removed where the element has no up-to-date bake, so a reader
 * without JavaScript never sees a stale result either.
 */
function bakedTextSplice(element: FoundElement, bake: Bake | undefined): Splice | undefined {
  const code = 'text' in element.code && !element.code.shown ? element.code.text : undefined;
  const wanted = bake ? bakedTextElement(bake, element.attribute, code) : '';
  const current = element.bakedText;
  if (current) return current.html === wanted ? undefined : { start: current.start, end: current.end, text: wanted };
  if (!wanted) return undefined;
  // Right after the bake child; with a new one, after it at the same place (splices at one
  // offset are applied in the order given).
  const at = element.bake?.end ?? element.insertAt;
  return { start: at, end: at, text: wanted };
}

async function bakeOne(element: FoundElement, computer: () => Promise<Computer>): Promise<{ action: Action; note?: string; splice?: Splice; bake?: Bake }> {
  const { tag, attribute } = element;
  if ((attribute('engine') ?? 'pyodide').trim().toLowerCase() !== 'pyodide') return { action: 'skipped', note: `engine="${attribute('engine')}" is not CPython` };
  if ('skip' in element.code) return { action: 'skipped', note: element.code.skip };
  const unbakeable = tag === 'py-repl' ? consoleUnbakeable(attribute) : undefined;
  if (unbakeable) return { action: 'skipped', note: unbakeable };
  const code = element.code.text;
  const key = await bakeKey(tag, code, attribute);
  const current = element.bake && parseBake(element.bake.json);
  if (current?.ok && current.bake.key === key && current.bake.tag === tag) return { action: 'up to date', bake: current.bake };
  const result = await (await computer()).compute(tag, code, attribute);
  const bake = newBake(tag, key, result);
  const text = bakeScript(bake);
  const splice = element.bake ? { start: element.bake.start, end: element.bake.end, text } : { start: element.insertAt, end: element.insertAt, text };
  const why = !element.bake ? undefined : current?.ok ? 'the code or an attribute changed' : `the old bake was unreadable (${current?.ok === false ? current.reason : ''})`;
  return { action: element.bake ? 'rebaked' : 'baked', ...(why ? { note: why } : {}), splice, bake };
}
