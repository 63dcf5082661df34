// custom-elements.json (for editors and docs tools) is generated from the element sources at
// build time: `npm run build` runs `cem analyze` with this config. Events and parts are read
// from the classes' JSDoc (@fires, @csspart); the plugin below adds what JSDoc would only repeat.
import { readFileSync } from 'node:fs';

/**
 * Our elements register through defineElement(tag, Class) (it leaves an existing definition
 * alone), which the analyzer does not know as customElements.define; lit's internal reactive
 * state (`state: true`) is no attribute; and the --py-* custom properties are read from the
 * theme, so the manifest can't drift from it.
 */
function pyinnardsPlugin() {
  const stateFields = new Map(); // class name -> names declared with `state: true`
  return {
    name: 'pyinnards',
    analyzePhase({ ts, node, moduleDoc }) {
      if (ts.isCallExpression(node) && node.expression.getText() === 'defineElement') {
        const [tag, klass] = node.arguments;
        if (!tag || !klass || !ts.isStringLiteral(tag) || !ts.isIdentifier(klass)) return;
        moduleDoc.exports = [
          ...(moduleDoc.exports ?? []),
          { kind: 'custom-element-definition', name: tag.text, declaration: { name: klass.text, module: moduleDoc.path } },
        ];
      }
      if (ts.isClassDeclaration(node) && node.name) {
        const properties = node.members.find((member) => member.name?.getText() === 'properties' && ts.isPropertyDeclaration(member));
        const object = properties?.initializer;
        if (!object || !ts.isObjectLiteralExpression(object)) return;
        const state = object.properties
          .filter((p) => ts.isPropertyAssignment(p) && /\bstate:\s*true\b/.test(p.initializer.getText()))
          .map((p) => p.name.getText());
        stateFields.set(node.name.text, new Set(state));
      }
    },
    moduleLinkPhase({ moduleDoc }) {
      // defineElement's own customElements.define(tag, element) names no tag.
      moduleDoc.exports = moduleDoc.exports?.filter((e) => e.kind !== 'custom-element-definition' || e.name.includes('-'));
      for (const declaration of moduleDoc.declarations ?? []) {
        if (declaration.kind !== 'class') continue;
        const state = stateFields.get(declaration.name);
        if (state) declaration.attributes = declaration.attributes?.filter((a) => !state.has(a.fieldName ?? a.name));
        const definition = moduleDoc.exports?.find((e) => e.kind === 'custom-element-definition' && e.declaration.name === declaration.name);
        if (definition) {
          declaration.tagName = definition.name;
          declaration.customElement = true;
        }
        if (declaration.name === 'PyElement') declaration.cssProperties = themeProperties();
      }
    },
    // The package ships no TypeScript sources: name the files it has (the element modules, the
    // entry, and the type declarations for the shared bases).
    packageLinkPhase({ customElementsManifest }) {
      const shipped = (path) =>
        path
          .replace(/^\/src\/(.*)\.js$/, 'src/$1.ts')
          .replace(/^src\/elements\/(py-tokenizer|py-dis|py-frames|py-repl|py-ast)\.ts$/, 'dist/elements/$1.js')
          .replace(/^src\/index\.ts$/, 'dist/pyinnards.js')
          .replace(/^src\/(.*)\.ts$/, 'dist/types/$1.d.ts');
      const visit = (value) => {
        if (Array.isArray(value)) return value.forEach(visit);
        if (value === null || typeof value !== 'object') return;
        for (const [key, inner] of Object.entries(value)) {
          if ((key === 'path' || key === 'module') && typeof inner === 'string') value[key] = shipped(inner);
          else visit(inner);
        }
      };
      visit(customElementsManifest);
      // The manifest describes what pages and editors may use: the public members.
      for (const module of customElementsManifest.modules) {
        for (const declaration of module.declarations ?? []) {
          if (declaration.members) declaration.members = declaration.members.filter((m) => (m.privacy ?? 'public') === 'public');
        }
      }
    },
  };
}

/** Every --py-* property in the theme, with its light default. */
function themeProperties() {
  const theme = readFileSync(new URL('./src/styles/theme.ts', import.meta.url), 'utf8');
  const found = new Map();
  for (const [, name, fallback] of theme.matchAll(/var\((--py-[a-z-]+),\s*([^;]*)\);/g)) {
    if (!found.has(name)) found.set(name, fallback.replace(/\)$/, '').trim());
  }
  return [...found].map(([name, fallback]) => ({ name, default: fallback }));
}

export default {
  // The elements and the bases they inherit attributes, events and parts from.
  globs: ['src/elements/py-*.ts', 'src/elements/engine-element.ts', 'src/elements/coming-soon.ts'],
  outdir: '.',
  litelement: true,
  // package.json names the manifest itself ("customElements"); the build must not rewrite it.
  packagejson: false,
  plugins: [pyinnardsPlugin()],
};
