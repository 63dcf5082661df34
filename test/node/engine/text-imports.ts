// `?text` imports (what the build inlines: the backend's .py files, Skulpt's dist files) for
// Node: a loader hook that makes `import source from './x.py?text'` export the file's text.
import { register } from 'node:module';

const HOOKS = `
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
export async function resolve(specifier, context, next) {
  if (!specifier.endsWith('?text')) return next(specifier, context);
  const { url } = await next(specifier.slice(0, -'?text'.length), context);
  return { url: url + '?text', shortCircuit: true };
}
export async function load(url, context, next) {
  if (url.endsWith('?text')) {
    const text = readFileSync(fileURLToPath(url.slice(0, -'?text'.length)), 'utf8');
    return { format: 'module', source: 'export default ' + JSON.stringify(text) + ';', shortCircuit: true };
  }
  return next(url, context);
}`;

let registered = false;

export function registerTextImports(): void {
  if (registered) return;
  registered = true;
  register('data:text/javascript,' + encodeURIComponent(HOOKS));
}
