// The interpreter layer's entry, reached only by dynamic import() from elements:
//   const { loadEngine } = await import('../engine/runtime/index.js');
import pyodideWorkerUrl from './pyodide/worker.ts?worker-url';
import skulptWorkerUrl from './skulpt/worker.ts?worker-url';
import stdlibUrl from './pyodide/python_stdlib.zip?stdlib-url';
import { WorkerEngine } from './engine.js';
import { WorkerHost } from './host.js';
import type { Engine, EngineName, LoadProgress } from './types.js';

export type * from './types.js';

const WORKERS: Record<EngineName, string> = { pyodide: pyodideWorkerUrl, skulpt: skulptWorkerUrl };

/** One host per backend and asset URL per page: every element on the page shares it. */
const hosts = new Map<string, WorkerHost>();

export interface EngineSettings {
  engine: EngineName;
  pyodideUrl: string;
  /** Start from (and save) a snapshot of Python's started state: LoadSettings.snapshot. */
  snapshot?: boolean;
}

/** The page's engine for these settings, loaded (or loading) once and shared. */
export async function loadEngine(settings: EngineSettings, onProgress?: (progress: LoadProgress) => void): Promise<Engine> {
  const key = settings.engine === 'pyodide' ? `pyodide ${settings.pyodideUrl}` : settings.engine;
  let host = hosts.get(key);
  if (!host) {
    host = new WorkerHost(
      settings.engine,
      WORKERS[settings.engine],
      { pyodideUrl: settings.pyodideUrl, snapshot: settings.snapshot ?? false, ...(stdlibUrl ? { stdlibUrl } : {}) },
      // Skulpt yields between steps, so it can run on the page when workers are forbidden.
      settings.engine === 'skulpt' ? async () => (await import('./skulpt/backend.js')).createSkulptBackend() : undefined,
    );
    hosts.set(key, host);
  }
  const capabilities = await host.load(onProgress);
  return new WorkerEngine(host, capabilities);
}

/** How many workers this page has started (for tests: one per backend, however many elements). */
export function workerCount(): number {
  return hosts.size;
}
