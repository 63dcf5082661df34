// How the transcript's pieces render: output as text of its kind, inputs coloured as Python
// (once each: an input never changes after it is shown), their prompts muted.
import { html, type TemplateResult } from 'lit';
import { highlightPython } from '../highlight.js';
import { tokenizerIfLoaded } from '../lazy-tokenizer.js';
import type { Piece } from './transcript.js';

export class PieceView {
  private readonly templates = new WeakMap<Piece, TemplateResult>();

  render(piece: Piece): TemplateResult {
    if (piece.kind !== 'input') return html`<span class=${piece.kind}>${piece.text}</span>`;
    // Inputs don't change once shown: colour them once.
    let template = this.templates.get(piece);
    if (!template) {
      const lines = piece.text.replace(/\n$/, '').split('\n');
      const prompts = lines.map((line) => (/^(>>>|\.\.\.) /.test(line) ? line.slice(0, 4) : ''));
      const code = lines.map((line, i) => line.slice(prompts[i]!.length)).join('\n');
      const tokenizer = tokenizerIfLoaded();
      const coloured = highlightPython(code, tokenizer ? tokenizer.highlightSpans(code) : []);
      // (Each coloured line but the last ends with its newline.)
      template = html`${coloured.map((line, i) => html`<span class="prompt">${prompts[i]}</span>${line}`)}\n`;
      if (tokenizer) this.templates.set(piece, template);
    }
    return template;
  }
}
