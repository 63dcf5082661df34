// The events' types, as a user's TypeScript sees them through the entry: compiled with the
// TypeScript compiler, so a wrong or missing declaration fails here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import ts from 'typescript';

function diagnostics(code: string): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'pyinnards-types-'));
  try {
    const file = join(dir, 'user.ts');
    writeFileSync(file, `import type {} from ${JSON.stringify(resolve('src/index.ts').replace(/\.ts$/, '.js'))};\n${code}\n`);
    const program = ts.createProgram([file], {
      strict: true,
      noEmit: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      lib: ['lib.es2023.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
      skipLibCheck: true,
      types: [],
    });
    return ts
      .getPreEmitDiagnostics(program)
      .filter((diagnostic) => diagnostic.file?.fileName === file)
      .map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test("each element's py-result detail is typed, and the events are in HTMLElementEventMap", () => {
  assert.deepEqual(
    diagnostics(`
      const tokens: unknown[] = [];
      document.querySelector('py-tokenizer')!.addEventListener('py-result', (e) => tokens.push(...e.detail.tokens));
      document.querySelector('py-dis')!.addEventListener('py-result', (e) => e.detail.code.instructions);
      document.querySelector('py-frames')!.addEventListener('py-result', (e) => e.detail.trace.steps);
      document.querySelector('py-repl')!.addEventListener('py-result', (e) => e.detail.status === 'ok');
      document.addEventListener('py-error', (e) => e.detail.kind);
      document.body.addEventListener('py-engine', (e) => e.detail.phase);
    `),
    [],
  );
  const wrong = diagnostics(`document.querySelector('py-dis')!.addEventListener('py-result', (e) => e.detail.tokens);`);
  assert.equal(wrong.length, 1, 'a detail field the element does not send is a type error');
  assert.match(wrong[0]!, /tokens/);
});
