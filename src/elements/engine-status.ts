// The status line while an interpreter loads, in the reader's words ("Downloading Python 3.14
// (6 MB)…") rather than the engine's phase names, which stay in the `py-engine` event.
import type { PyEngineDetail } from './events.js';
import type { StatusState } from './chrome.js';

/** What each engine is, as a reader would call it. */
const ENGINE_NAMES: Readonly<Record<string, string>> = {
  pyodide: 'Python 3.14',
  skulpt: 'Skulpt (a light Python)',
};

/** "6 MB", "950 KB": sizes as a download dialog says them. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1_000_000) return `${(bytes / 1_000_000).toFixed(bytes >= 10_000_000 ? 0 : 1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1000))} KB`;
}

/**
 * The status for a loading step. A download with a known size gets a bar that fills; one whose
 * size the server didn't send gets an indeterminate bar (never one stuck at 100 %).
 */
export function engineStatus(detail: PyEngineDetail): StatusState {
  const name = ENGINE_NAMES[detail.engine] ?? detail.engine;
  switch (detail.phase) {
    case 'loading':
      return { message: `Loading ${name}…`, progress: null };
    case 'downloading': {
      const { loaded = 0, total } = detail;
      if (total && total >= loaded) return { message: `Downloading ${name} (${formatBytes(total)})…`, progress: loaded / total };
      return { message: `Downloading ${name}…${loaded ? ` ${formatBytes(loaded)} so far` : ''}`, progress: null };
    }
    case 'starting Python':
      return { message: `Starting ${name}…`, progress: null };
    case 'loading Skulpt':
      return { message: `Loading ${name}…`, progress: null };
    case 'ready':
      return { message: `${name} is ready.` };
    default:
      return { message: `${name}: ${detail.phase}…`, progress: null };
  }
}
