// Enter at the console's prompt, in its turn in the input queue, with type-ahead as a terminal
// has it: what was typed while an input ran waits for its turn, and an input that runs leaves
// the prompt (it is in the transcript), so it never shows twice.
import type { ReplInput } from '../editor/repl-input.js';
import type { ConsoleSession, Submitted } from './console-session.js';
import { enterAction } from './enter-rules.js';

/** What the input held when Enter was pressed. */
export interface Pressed {
  text: string;
  cursor: number;
}

export interface EnterInTurn {
  editor: ReplInput;
  session: ConsoleSession;
  pressed: Pressed;
  /** The text was taken out of the input when Enter was pressed (typed ahead while another input ran). */
  detached: boolean;
  indentUnit: string;
  /** Puts `text` in the input (the console mirrors it). */
  setPending(text: string): void;
}

/** Runs or continues the input; resolves to what ran (undefined when it got a new line instead). */
export async function enterInTurn({ editor, session, pressed, detached, indentUnit, setPending }: EnterInTurn): Promise<{ input: string; result: Submitted } | undefined> {
  // What the input holds now is what Enter sends, unless an earlier Enter's answer changed it meanwhile.
  const current = !detached && !editor.text.startsWith(pressed.text);
  const text = current ? editor.text : pressed.text;
  const cursor = current ? editor.cursor : pressed.cursor;
  const action = enterAction(text, cursor, indentUnit);
  if (action.kind === 'newline') {
    if (detached) editor.replace(0, 0, text.slice(0, cursor) + action.insert + text.slice(cursor), true);
    else editor.replace(cursor, cursor, action.insert);
    return undefined;
  }
  // Once it runs, the input is in the transcript only: what the prompt holds is what comes
  // after it (typed while the interpreter answered), as a terminal keeps it for the next line.
  let taken = detached;
  const takeOut = () => {
    if (taken) return;
    taken = true;
    setPending(editor.text.startsWith(text) ? editor.text.slice(text.length) : editor.text);
  };
  const result = await session.submit(text, { force: action.kind === 'run', echo: true, show: true, onRunning: takeOut });
  if (!result.more) {
    takeOut();
    return { input: text, result };
  }
  // Incomplete: a new line, auto-indented, where Enter was pressed (in front of anything
  // typed since, which the input kept or got back).
  const insert = action.kind === 'ask' ? action.afterMore : '\n';
  if (taken) {
    editor.replace(0, 0, text + insert, editor.text !== '');
  } else {
    const typedAhead = editor.text.startsWith(text) ? editor.text.slice(text.length) : '';
    const at = Math.min(text.length, editor.text.length);
    editor.replace(at, at, insert, typedAhead !== '');
  }
  return undefined;
}
