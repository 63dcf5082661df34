// `npm run fixtures`: asks CPython 3.14 (Pyodide in Node) again and rewrites test/fixtures/*.json.
import { writeFileSync } from 'node:fs';
import { generateTokenizerFixtures } from '../test/fixtures/tokenizer-samples.js';

const FIXTURES: Record<string, () => Promise<unknown>> = {
  'test/fixtures/tokenizer-samples.json': generateTokenizerFixtures,
};

for (const [path, generate] of Object.entries(FIXTURES)) {
  writeFileSync(path, `${JSON.stringify(await generate(), null, 2)}\n`);
  console.log(`wrote ${path}`);
}
