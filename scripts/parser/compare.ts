// Development aid: `npx tsx scripts/parser/compare.ts [N] [filter]` runs our `ast -a` and
// CPython's on stdlib files (first N matching) and lists the ones that differ.
import { stdlibFiles, writeOracleFiles } from '../../test/oracle/tokenize.js';
import { oracleAst } from '../../test/oracle/ast.js';
import { runAst } from '../../src/cli/ast-command.js';
import { writeFileSync } from 'node:fs';

const limit = Number(process.argv[2] ?? 50);
const filter = process.argv[3] ?? '';
const files = (await stdlibFiles()).filter(([n]) => n.includes(filter)).slice(0, limit).map(([n, b]) => ['/tmp/stdlib/' + n, b] as [string, Uint8Array]);
await writeOracleFiles(files);
let same = 0;
for (const [path, bytes] of files) {
  const ours = (() => {
    try {
      return runAst(['-a', path], () => bytes, () => new Uint8Array());
    } catch (e) {
      return { stdout: '', stderr: String((e as Error).stack), status: 99 };
    }
  })();
  const theirs = await oracleAst(['-a', path]);
  if (ours.stdout === theirs.stdout && ours.stderr === theirs.stderr && ours.status === theirs.status) {
    same++;
    continue;
  }
  console.log(`DIFF ${path}: status ${ours.status}/${theirs.status}`);
  const a = ours.stdout.split('\n');
  const b = theirs.stdout.split('\n');
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] !== b[i]) {
      console.log(`  line ${i + 1}:\n    ours:   ${a[i]}\n    theirs: ${b[i]}`);
      break;
    }
  }
  if (ours.stderr !== theirs.stderr) console.log(`  stderr ours:\n${ours.stderr.slice(0, 600)}\n  theirs:\n${theirs.stderr.slice(0, 600)}`);
  writeFileSync('/tmp/ours.txt', ours.stdout);
  writeFileSync('/tmp/theirs.txt', theirs.stdout);
}
console.log(`${same}/${files.length} identical`);
