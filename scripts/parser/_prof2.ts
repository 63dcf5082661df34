import { readFileSync } from 'node:fs';
import { parse } from '../../src/engine/parser/parse.ts';
const src = readFileSync('/tmp/stdlib/xml/dom/minidom.py', 'utf8');
for (let i = 0; i < 40; i++) parse(src);
const t = performance.now(); for (let i = 0; i < 20; i++) parse(src); console.log(((performance.now() - t) / 20).toFixed(1), 'ms/parse');
