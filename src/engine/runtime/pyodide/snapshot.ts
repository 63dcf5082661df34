// CPython's state once our helpers are imported, saved in the reader's browser so that the next
// page view on the same site starts Python from it instead of from scratch (README, "Python
// starts faster the second time"). Pyodide calls this a memory snapshot (the hidden
// `_makeSnapshot`/`_loadSnapshot` options and `makeMemorySnapshot()` of the pinned 314.0.7):
// the WebAssembly memory, which restores CPython and every module it imported, but not the
// file system (that is JavaScript's: the stdlib zip is downloaded as always and the helpers'
// files written again) and no JavaScript object Python holds, so it is made before any is
// handed to Python.
//
// It is kept in Cache Storage, one entry per site, keyed by everything that shapes that state:
// Pyodide's URL, the stdlib zip, the kit's version and its helpers' sources. Pyodide itself
// refuses a snapshot from another build. A stored snapshot carries its SHA-256, checked before
// use; anything wrong with it (missing, corrupt, refused, no Cache Storage here, no room) means
// a cold start, as without it, and the broken entry is removed.
import { KIT_VERSION } from '../../bake/kit-version.js';

const CACHE_NAME = 'pyinnards-python-snapshot';
/** Cache Storage keys are http(s) requests: a URL of our own that no server answers. */
const ENTRY_BASE = 'https://python-snapshot.pyinnards.invalid/';
const DIGEST_HEADER = 'x-pyinnards-sha256';

export interface SnapshotStore {
  /** The saved snapshot, checked; undefined if there is none or it is unusable (then removed). */
  read(): Promise<Uint8Array | undefined>;
  /** Saves a snapshot (in the background: failures, such as a full quota, are only logged). */
  save(snapshot: Uint8Array): Promise<void>;
  /** Forgets the saved snapshot (Pyodide refused it). */
  remove(): Promise<void>;
}

/**
 * The store for Python's state made from these assets and helper sources; undefined where the
 * worker has no Cache Storage or Web Crypto (Node, plain http pages, opaque origins).
 */
export async function snapshotStore(identity: { pyodideUrl: string; stdlibUrl?: string | undefined; sources: Record<string, string> }): Promise<SnapshotStore | undefined> {
  if (typeof caches === 'undefined' || typeof crypto === 'undefined' || !crypto.subtle) return undefined;
  let cache: Cache;
  try {
    cache = await caches.open(CACHE_NAME);
  } catch {
    // (Firefox's private windows and sandboxed frames refuse Cache Storage.)
    return undefined;
  }
  const key = await sha256(new TextEncoder().encode(JSON.stringify({ kit: KIT_VERSION, ...identity })));
  const entry = ENTRY_BASE + key;
  const remove = async () => {
    await cache.delete(entry).catch(() => false);
  };
  return {
    async read() {
      try {
        const response = await cache.match(entry);
        if (!response) return undefined;
        const bytes = new Uint8Array(await response.arrayBuffer());
        if ((await sha256(bytes)) === response.headers.get(DIGEST_HEADER)) return bytes;
        console.info('pyinnards: the saved Python snapshot is damaged; Python starts from scratch.');
      } catch (error) {
        console.info(`pyinnards: the saved Python snapshot could not be read (${String(error)}); Python starts from scratch.`);
      }
      await remove();
      return undefined;
    },
    async save(snapshot) {
      try {
        const headers = { 'content-type': 'application/octet-stream', [DIGEST_HEADER]: await sha256(snapshot) };
        // One snapshot per site: those of other kit versions or assets go.
        for (const old of await cache.keys()) if (old.url !== entry) await cache.delete(old);
        await cache.put(entry, new Response(snapshot as Uint8Array<ArrayBuffer>, { headers }));
      } catch (error) {
        console.info(`pyinnards: Python's snapshot could not be saved (${String(error)}); the next page view starts Python from scratch.`);
      }
    },
    remove,
  };
}

async function sha256(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
