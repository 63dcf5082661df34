// Builds a snippet the way the README's snippets are written, and bakes its result with the
// kit's baker (dist/bake.js), the same one the WordPress block editor uses.
// The kit's folder: where the page's own kit script comes from (a file of its own, not inline
// script: a page script holding `<!--` and `<script` strings would not end where it should).
const KIT = new URL('.', document.querySelector('script[src$="/pyinnards.js"]').src).href.replace(/\/$/, '');
const CDN_SCRIPT = '<script type="module" src="https://cdn.jsdelivr.net/npm/pyinnards/dist/pyinnards.js"></' + 'script>';
// The code and its sources are the snippet's own; where Pyodide is, a page-wide setting.
const LEFT_OUT = new Set(['code', 'src', 'pyodide-url']);
const manifest = JSON.parse(document.getElementById('manifest').textContent);
const elements = manifest.modules.flatMap((module) => module.declarations ?? []).filter((declaration) => declaration.tagName);
const form = {
  tag: document.getElementById('tag'),
  description: document.getElementById('tag-description'),
  code: document.getElementById('code'),
  options: document.getElementById('options'),
  preview: document.getElementById('preview'),
  status: document.getElementById('status'),
  snippet: document.getElementById('snippet'),
  copy: document.getElementById('copy'),
};

for (const element of elements) form.tag.add(new Option(`<${element.tagName}>`, element.tagName));
form.tag.value = 'py-dis';

/** An attribute value in HTML: `&`, quotes and brackets as character references. */
const escapeAttribute = (value) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The option fields for the element picked: a checkbox for a flag, else a text field. */
function showOptions() {
  const element = elements.find((e) => e.tagName === form.tag.value);
  form.description.textContent = (element.description ?? '').split('\n')[0];
  form.options.replaceChildren(Object.assign(document.createElement('legend'), { textContent: 'Options' }));
  for (const attribute of element.attributes ?? []) {
    if (LEFT_OUT.has(attribute.name)) continue;
    const label = document.createElement('label');
    const field = document.createElement('input');
    field.dataset.attribute = attribute.name;
    field.title = attribute.description ?? '';
    if (attribute.type?.text === 'boolean') {
      field.type = 'checkbox';
      label.append(field, ` ${attribute.name}`);
    } else {
      field.type = 'text';
      const fallback = attribute.default && !/^[A-Z_]+$/.test(attribute.default) && attribute.default !== 'undefined' ? attribute.default.replace(/^'|'$/g, '') : '';
      field.placeholder = fallback ? `default: ${fallback}` : 'not set';
      label.append(attribute.name, field);
    }
    form.options.append(label);
  }
}

/** The element's attributes as they will be written: flags that are on, values that are set. */
function attributes() {
  const chosen = {};
  for (const field of form.options.querySelectorAll('input')) {
    if (field.type === 'checkbox' ? field.checked : field.value !== '') chosen[field.dataset.attribute] = field.type === 'checkbox' ? '' : field.value;
  }
  return chosen;
}

/** The element's markup: the code in a script child, or in `code` when it can't sit there. */
function elementHtml(tag, code, chosen, bakeChild = '') {
  const written = Object.entries(chosen).map(([name, value]) => (value === '' ? ` ${name}` : ` ${name}="${escapeAttribute(value)}"`)).join('');
  if (/<\/script|<!--/i.test(code)) return `<${tag}${written} code="${escapeAttribute(code).replace(/\n/g, '&#10;')}">${bakeChild}</${tag}>`;
  return `<${tag}${written}>\n  <script type="text/x-python">\n${code}\n  </` + `script>${bakeChild ? `\n  ${bakeChild}` : ''}\n</${tag}>`;
}

let baker;
let generation = 0;
let timer;

async function update() {
  const current = ++generation;
  const tag = form.tag.value;
  const code = form.code.value.replace(/\r\n?/g, '\n');
  const chosen = attributes();
  form.preview.innerHTML = elementHtml(tag, code, chosen);
  form.snippet.value = `${CDN_SCRIPT}\n${elementHtml(tag, code, chosen)}`;
  form.status.textContent = 'Baking the result with CPython…';
  baker ??= import(`${KIT}/bake.js`);
  const { bake, serializeBake, bakedTextHtml } = await baker;
  const outcome = await bake(tag, code, chosen);
  if (current !== generation) return;
  if (outcome.ok) {
    // The bake, then the code and result as text for readers without JavaScript.
    const text = bakedTextHtml(outcome.bake, code, chosen);
    const child = `<script type="application/json" data-pyinnards-baked>${serializeBake(outcome.bake)}</` + `script>${text ? `\n  ${text}` : ''}`;
    form.snippet.value = `${CDN_SCRIPT}\n${elementHtml(tag, code, chosen, child)}`;
    // A console shows nothing of its code until it starts: with its bake, the widget shows the
    // transcript readers will see (and still starts when used).
    if (tag === 'py-repl') form.preview.innerHTML = elementHtml(tag, code, chosen, child);
    form.status.textContent = `Baked (${Math.ceil(child.length / 1024)} KB): readers see this result with no interpreter download.`;
  } else {
    form.status.textContent = `Not baked, readers compute it live: ${outcome.reason.replace(/\.$/, '')}.`;
  }
}

function later() {
  clearTimeout(timer);
  timer = setTimeout(update, 400);
}

form.tag.addEventListener('change', () => {
  showOptions();
  later();
});
form.code.addEventListener('input', later);
form.options.addEventListener('input', later);
form.options.addEventListener('change', later);
form.copy.addEventListener('click', async () => {
  form.snippet.select();
  try {
    await navigator.clipboard.writeText(form.snippet.value);
    form.copy.textContent = 'Copied';
  } catch {
    // Clipboard API refused (plain http): the snippet is selected, ready for Ctrl+C.
    form.copy.textContent = 'Selected: press Ctrl+C';
  }
  setTimeout(() => (form.copy.textContent = 'Copy the snippet'), 2000);
});
showOptions();
void update();
