// The `pyinnards` command line (bin entry; the build adds the shebang).
// Commands:
//   pyinnards tokenize [-e] [FILE]   same output as `python3.14 -m tokenize [-e] [FILE]`
//   pyinnards ast [-a] [-i N] [-m MODE] [--show-empty] [FILE]   same as `python3.14 -m ast ...`
//   pyinnards bake PATH... [--out DIR]   writes each engine element's result into the HTML
import { readFileSync } from 'node:fs';
import { runTokenize } from './tokenize-command.js';
import { runAst } from './ast-command.js';
import { runBake } from './bake-command.js';

const USAGE = `usage: pyinnards <command> [args]

commands:
  tokenize [-e] [FILE]  list the tokens of FILE (or stdin) like python3.14 -m tokenize
  ast [-a] [-i N] [-m MODE] [--show-empty] [FILE]
                        dump the syntax tree of FILE (or stdin) like python3.14 -m ast
  bake PATH... [--out DIR]  put each engine element's result into the HTML (no interpreter download for readers)
`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === 'bake') {
    const write = (stream: NodeJS.WriteStream) => (text: string) => void stream.write(text);
    return runBake(rest, { stdout: write(process.stdout), stderr: write(process.stderr), computer: async () => (await import('./bake-compute.js')).cpythonComputer() });
  }
  if (command === 'tokenize') {
    const result = runTokenize(
      rest,
      (path) => readFileSync(path),
      () => readFileSync(0),
      { prog: 'pyinnards tokenize' },
    );
    process.stdout.write(result.stdout);
    process.stderr.write(result.stderr);
    return result.status;
  }
  if (command === 'ast') {
    const result = runAst(rest, (path) => readFileSync(path), () => readFileSync(0), { prog: 'pyinnards ast' });
    process.stdout.write(result.stdout);
    process.stderr.write(result.stderr);
    return result.status;
  }
  if (command === '-h' || command === '--help' || command === 'help') {
    process.stdout.write(USAGE);
    return 0;
  }
  process.stderr.write(USAGE + (command === undefined ? '' : `pyinnards: error: unknown command ${JSON.stringify(command)}\n`));
  return 2;
}

// exitCode (not process.exit) so piped stdout is fully flushed first. Not a top-level await: the
// bundle (dynamic imports inlined) places modules loaded lazily after this line, and an await
// here would hold their evaluation until main() is done, which needs them.
void main(process.argv.slice(2)).then((code) => (process.exitCode = code));
