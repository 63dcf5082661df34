// The keyboard, driven the same way in every browser we test in (see
// scripts/test-commands.mjs for why not @web/test-runner-commands' sendKeys).
import { executeServerCommand } from '@web/test-runner-commands';

/** Types `text`, one key after the other. */
export async function type(text: string): Promise<void> {
  await executeServerCommand('keys', { type: text });
}

/** Presses one key (a character or a name: 'Enter', 'ArrowUp', 'Tab'...), with `modifiers` held. */
export async function press(key: string, ...modifiers: Array<'Control' | 'Shift' | 'Alt' | 'Meta'>): Promise<void> {
  await executeServerCommand('keys', { press: key, modifiers });
}

