// Copy buttons write to navigator.clipboard: a stand-in records what they wrote.

/** Runs `body` with a clipboard that records each writeText, then puts the page's own back. */
export async function withRecordedClipboard(body: (copied: string[]) => Promise<void>): Promise<void> {
  const copied: string[] = [];
  const original = Object.getOwnPropertyDescriptor(Navigator.prototype, 'clipboard');
  Object.defineProperty(navigator, 'clipboard', {
    configurable: true,
    value: { writeText: async (text: string) => void copied.push(text) },
  });
  try {
    await body(copied);
  } finally {
    delete (navigator as unknown as Record<string, unknown>)['clipboard'];
    if (original) Object.defineProperty(Navigator.prototype, 'clipboard', original);
  }
}
