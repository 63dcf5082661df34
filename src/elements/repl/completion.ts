// Tab at the console's prompt, as CPython's console completes: the word before the cursor is
// completed as far as every choice agrees, and when several fit they are listed to pick from.
import { html, nothing, type TemplateResult } from 'lit';

export interface Choices {
  /** The span of the input the chosen completion replaces. */
  from: number;
  to: number;
  /** Each a whole completion of the line's text before the cursor. */
  choices: string[];
  /** How much of each choice the list leaves out (it shows the completed word only). */
  prefix: number;
}

/** What Tab does with `choices` (from the interpreter) for `before`, the line up to the cursor at `lineStart`. */
export function completionOf(
  before: string,
  lineStart: number,
  choices: readonly string[],
): { replaceWith?: string; choices?: Choices; announcement: string } {
  if (choices.length === 0) return { announcement: 'No completions.' };
  const common = commonPrefix(choices);
  const replaceWith = common.length > before.length ? common : undefined;
  const stem = /[\w.]*$/.exec(before)![0];
  if (choices.length === 1) {
    return { ...(replaceWith !== undefined ? { replaceWith } : {}), announcement: `Completed ${choices[0]!.slice(before.length - stem.length)}.` };
  }
  // Show the completed word (the attribute, for `obj.attr`), as the console's menu does.
  const prefix = before.length - stem.length + stem.lastIndexOf('.') + 1;
  return {
    ...(replaceWith !== undefined ? { replaceWith } : {}),
    choices: { from: lineStart, to: lineStart + Math.max(common.length, before.length), choices: [...choices], prefix },
    announcement: `${choices.length} completions: ${choices.map((c) => c.slice(prefix)).join(', ')}.`,
  };
}

/** The list of choices; a click on one calls `choose` with it. */
export function renderChoices(choices: Choices | undefined, choose: (choice: string) => void): TemplateResult | typeof nothing {
  if (!choices) return nothing;
  return html`<ul class="completions" part="completions" aria-label="Completions">
    ${choices.choices.map((choice) => html`<li><button type="button" @click=${() => choose(choice)}>${choice.slice(choices.prefix)}</button></li>`)}
  </ul>`;
}

function commonPrefix(words: readonly string[]): string {
  let prefix = words[0] ?? '';
  for (const word of words) while (!word.startsWith(prefix)) prefix = prefix.slice(0, -1);
  return prefix;
}
