// Plays cdn.jsdelivr.net on this machine, so a page can use the README's snippets byte for byte:
// Chromium resolves the CDN's host name to a local HTTPS server that serves the packed kit as
// /npm/pyinnards/ (and /npm/pyinnards@VERSION/) and Pyodide as /npm/pyodide@VERSION/, with CORS,
// as the real CDN does. Nothing leaves the machine.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { serveStatic } from '../../scripts/static-server.mjs';
import { PYODIDE_VERSION } from '../../src/config.js';

export const CDN_HOST = 'cdn.jsdelivr.net';

export interface FakeJsdelivr {
  /** Flags that point Chromium's resolver at the local server and accept its certificate. */
  chromiumArgs: string[];
  close(): void;
}

/** A self-signed certificate for the CDN's host name, made with Debian's openssl. */
function certificate(folder: string): { key: Buffer; cert: Buffer } {
  const key = join(folder, 'key.pem');
  const cert = join(folder, 'cert.pem');
  execFileSync(
    'openssl',
    ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-keyout', key, '-out', cert, '-subj', `/CN=${CDN_HOST}`, '-addext', `subjectAltName=DNS:${CDN_HOST}`],
    { stdio: 'ignore' },
  );
  return { key: readFileSync(key), cert: readFileSync(cert) };
}

export async function serveAsJsdelivr(packageDir: string): Promise<FakeJsdelivr> {
  const folder = mkdtempSync(join(tmpdir(), 'pyinnards-cdn-'));
  const root = join(folder, 'root');
  mkdirSync(join(root, 'npm'), { recursive: true });
  const version = (JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { version: string }).version;
  symlinkSync(resolve(packageDir), join(root, 'npm', 'pyinnards'));
  symlinkSync(resolve(packageDir), join(root, 'npm', `pyinnards@${version}`));
  symlinkSync(resolve('node_modules/pyodide'), join(root, 'npm', `pyodide@${PYODIDE_VERSION}`));
  const { server, origin } = await serveStatic(root, { cors: true, tls: certificate(folder) });
  const port = new URL(origin).port;
  return {
    chromiumArgs: [`--host-resolver-rules=MAP ${CDN_HOST}:443 127.0.0.1:${port}`, '--ignore-certificate-errors'],
    close: () => server.close(),
  };
}
