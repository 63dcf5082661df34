// A throwaway WordPress for the end-to-end test: Debian's `wordpress` package (6.1 on bookworm),
// MariaDB and PHP's built-in web server, all started by hand (no systemd) with their data in a
// temporary folder, on 127.0.0.1 only. Missing packages are installed with apt-get when we are
// root (CI); otherwise the test says what to install.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const PACKAGES = ['wordpress', 'wordpress-theme-twentytwentythree', 'mariadb-server', 'php-cli', 'php-mysql'];
const WORDPRESS = '/usr/share/wordpress';
const HELPER = resolve('test/wordpress/wp-helper.php');

function installed(name: string): boolean {
  try {
    return execFileSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' }).includes('install ok installed');
  } catch {
    return false;
  }
}

/** Installs what is missing (as root), or explains how to. */
export function ensurePackages(): void {
  const missing = PACKAGES.filter((name) => !installed(name));
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0) {
    throw new Error(`The WordPress test needs Debian packages that are missing: sudo apt-get install -y --no-install-recommends ${missing.join(' ')}`);
  }
  console.log(`Installing ${missing.join(', ')} with apt-get...`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { stdio: ['ignore', 'ignore', 'inherit'], env });
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolvePort(port));
    });
  });
}

async function waitFor(what: string, check: () => boolean | Promise<boolean>, log?: string): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what} did not start.${log && existsSync(log) ? `\n${readFileSync(log, 'utf8').slice(-3000)}` : ''}`);
}

export class WordPressSite {
  readonly folder = mkdtempSync(join(tmpdir(), 'pyinnards-wordpress-'));
  readonly docroot = join(this.folder, 'www');
  readonly password = randomBytes(12).toString('hex');
  origin = '';
  private readonly processes: ChildProcess[] = [];
  private readonly socket = join(this.folder, 'mysqld.sock');

  /** Starts MariaDB and PHP, and installs WordPress. Resolves to the WordPress version. */
  async start(): Promise<string> {
    await this.startDatabase();
    const port = await freePort();
    this.origin = `http://127.0.0.1:${port}`;
    this.copyWordPress();
    const log = join(this.folder, 'php.log');
    const php = spawn(
      'php',
      ['-d', 'display_errors=0', '-d', 'log_errors=1', '-d', `error_log=${log}`, '-S', `127.0.0.1:${port}`, '-t', this.docroot],
      // Several workers: the block editor and a post's assets are fetched in parallel.
      { env: { ...process.env, PHP_CLI_SERVER_WORKERS: '4' }, stdio: ['ignore', 'ignore', 'ignore'] },
    );
    this.processes.push(php);
    await waitFor('PHP\'s web server', async () => (await fetch(`${this.origin}/readme.html`).catch(() => undefined))?.ok === true, log);
    const { version } = this.helper<{ version: string }>('install', { password: this.password });
    return version;
  }

  private async startDatabase(): Promise<void> {
    const data = join(this.folder, 'db');
    const asUser = process.getuid?.() === 0 ? ['--user=root'] : [];
    execFileSync('mariadb-install-db', ['--no-defaults', `--datadir=${data}`, '--auth-root-authentication-method=normal', '--skip-test-db', ...asUser], {
      stdio: 'ignore',
    });
    const log = join(this.folder, 'mysqld.log');
    const mariadb = spawn(
      '/usr/sbin/mariadbd',
      ['--no-defaults', `--datadir=${data}`, `--socket=${this.socket}`, '--skip-networking', `--pid-file=${join(this.folder, 'mysqld.pid')}`, `--log-error=${log}`, ...asUser],
      { stdio: 'ignore' },
    );
    this.processes.push(mariadb);
    await waitFor('MariaDB', () => existsSync(this.socket), log);
    execFileSync('mariadb', ['--no-defaults', `--socket=${this.socket}`, '-u', 'root', '-e', 'CREATE DATABASE wordpress']);
  }

  /** A copy of Debian's WordPress with a wp-config.php of our own (Debian's reads /etc). */
  private copyWordPress(): void {
    cpSync(WORDPRESS, this.docroot, { recursive: true, verbatimSymlinks: true });
    const salt = () => randomBytes(24).toString('hex');
    const keys = ['AUTH_KEY', 'SECURE_AUTH_KEY', 'LOGGED_IN_KEY', 'NONCE_KEY', 'AUTH_SALT', 'SECURE_AUTH_SALT', 'LOGGED_IN_SALT', 'NONCE_SALT'];
    writeFileSync(
      join(this.docroot, 'wp-config.php'),
      `<?php
define( 'DB_NAME', 'wordpress' );
define( 'DB_USER', 'root' );
define( 'DB_PASSWORD', '' );
define( 'DB_HOST', 'localhost:${this.socket}' );
define( 'DB_CHARSET', 'utf8mb4' );
define( 'DB_COLLATE', '' );
${keys.map((key) => `define( '${key}', '${salt()}' );`).join('\n')}
$table_prefix = 'wp_';
define( 'WP_HOME', '${this.origin}' );
define( 'WP_SITEURL', '${this.origin}' );
define( 'WP_DEBUG', false );
// No network here: never ask wordpress.org for updates, and no cron requests.
define( 'WP_HTTP_BLOCK_EXTERNAL', true );
define( 'AUTOMATIC_UPDATER_DISABLED', true );
define( 'DISABLE_WP_CRON', true );
if ( ! defined( 'ABSPATH' ) ) {
	define( 'ABSPATH', __DIR__ . '/' );
}
require_once ABSPATH . 'wp-settings.php';
`,
    );
  }

  /** Puts the built plugin (wordpress/pyinnards, with its kit/) into wp-content/plugins. */
  installPlugin(): void {
    const target = join(this.docroot, 'wp-content/plugins/pyinnards');
    rmSync(target, { recursive: true, force: true });
    mkdirSync(join(this.docroot, 'wp-content/plugins'), { recursive: true });
    cpSync('wordpress/pyinnards', target, { recursive: true });
  }

  /** Links a folder into the site's web root (e.g. a local copy of Pyodide). */
  link(path: string, target: string): void {
    symlinkSync(resolve(target), join(this.docroot, path));
  }

  /** Runs a wp-helper.php command and returns its JSON answer. */
  helper<T>(command: string, args: object = {}): T {
    const output = execFileSync('php', ['-d', 'display_errors=stderr', HELPER, this.docroot, this.origin, command, JSON.stringify(args)], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return JSON.parse(output.slice(output.indexOf('{'))) as T;
  }

  /** Stops the servers, waiting until they have exited (MariaDB writes its files as it shuts down), then removes the site. */
  async stop(): Promise<void> {
    await Promise.all(
      this.processes.reverse().map(
        (child) =>
          new Promise<void>((done) => {
            if (child.exitCode !== null || child.signalCode !== null) return done();
            // A server that doesn't stop in 10 s is killed.
            const kill = setTimeout(() => child.kill('SIGKILL'), 10_000);
            child.once('exit', () => {
              clearTimeout(kill);
              done();
            });
            child.kill('SIGTERM');
          }),
      ),
    );
    rmSync(this.folder, { recursive: true, force: true, maxRetries: 5 });
  }
}
