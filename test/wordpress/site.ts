// A throwaway WordPress for the end-to-end test: one of Debian's `wordpress` packages (see
// releases.ts), MariaDB and PHP's built-in web server, all started by hand (no systemd) with their
// data in a temporary folder, on 127.0.0.1 only.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFileSync, cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import type { Release } from './releases.js';

const HELPER = resolve('test/wordpress/wp-helper.php');

/**
 * Copies Debian's WordPress tree from `release.root`, replacing each symlink with what it points
 * at. Debian's package links into other packages (underscore, lodash and cropper under
 * /usr/share/javascript, getID3 under /usr/share/php) with relative links that break in a copy;
 * a link is followed inside the release's root, so the trixie site gets trixie's libraries. Only
 * links to the machine's configuration (/etc: the Apache .htaccess, the CA bundle) may be left
 * out, since PHP's built-in server reads no .htaccess and the site makes no HTTPS requests; any
 * other link that leads nowhere stops the test, naming it.
 */
function copyResolvingLinks(root: string, from: string, to: string): void {
  const stat = lstatSync(from);
  if (stat.isSymbolicLink()) {
    const target = readlinkSync(from);
    const real = isAbsolute(target) ? join(root, target) : resolve(dirname(from), target);
    if (!existsSync(real)) {
      if (isAbsolute(target) && target.startsWith('/etc/')) return;
      throw new Error(`${from} links to ${target}, which is not in ${root}: a package the site needs is missing.`);
    }
    if (statSync(real).isDirectory()) cpSync(real, to, { recursive: true, dereference: true });
    else copyFileSync(real, to);
  } else if (stat.isDirectory()) {
    mkdirSync(to, { recursive: true });
    for (const name of readdirSync(from)) copyResolvingLinks(root, join(from, name), join(to, name));
  } else {
    copyFileSync(from, to);
  }
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

/**
 * Waits until `check` passes. The limit is not a pace but a backstop for a server that will never
 * answer: a server process that exits fails the wait at once, with its log.
 */
async function waitFor(what: string, check: () => boolean | Promise<boolean>, server: ChildProcess, log?: string): Promise<void> {
  const fail = (why: string) => new Error(`${what} ${why}.${log && existsSync(log) ? `\n${readFileSync(log, 'utf8').slice(-3000)}` : ''}`);
  const deadline = Date.now() + 10 * 60_000;
  while (!(await check())) {
    if (server.exitCode !== null || server.signalCode !== null) throw fail(`exited (${server.exitCode ?? server.signalCode})`);
    if (Date.now() > deadline) throw fail('did not answer in 10 minutes');
    await new Promise((r) => setTimeout(r, 200));
  }
}

export class WordPressSite {
  readonly folder = mkdtempSync(join(tmpdir(), 'pyinnards-wordpress-'));
  readonly docroot = join(this.folder, 'www');
  readonly password = randomBytes(12).toString('hex');
  origin = '';

  constructor(readonly release: Release) {}
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
      // A process group of its own: the workers are the server's children, and stop() ends the group.
      { env: { ...process.env, PHP_CLI_SERVER_WORKERS: '4' }, stdio: ['ignore', 'ignore', 'ignore'], detached: true },
    );
    this.processes.push(php);
    await waitFor('PHP\'s web server', async () => (await fetch(`${this.origin}/readme.html`).catch(() => undefined))?.ok === true, php, log);
    const { version } = this.helper<{ version: string }>('install', { password: this.password, theme: this.release.theme });
    return version;
  }

  private async startDatabase(): Promise<void> {
    const data = join(this.folder, 'db');
    const asUser = process.getuid?.() === 0 ? ['--user=root'] : [];
    const install = () =>
      execFileSync('mariadb-install-db', ['--no-defaults', `--datadir=${data}`, '--auth-root-authentication-method=normal', '--skip-test-db', ...asUser], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
    try {
      install();
    } catch (error) {
      // Seen once in CI, with both releases' sites bootstrapping their databases at the same
      // moment: say what MariaDB printed, then start again from an empty folder once.
      const { stdout = '', stderr = '' } = error as { stdout?: Buffer | string; stderr?: Buffer | string };
      console.error(`mariadb-install-db failed; trying once more. It printed:\n${String(stdout)}${String(stderr)}`);
      rmSync(data, { recursive: true, force: true });
      install();
    }
    const log = join(this.folder, 'mysqld.log');
    const mariadb = spawn(
      '/usr/sbin/mariadbd',
      ['--no-defaults', `--datadir=${data}`, `--socket=${this.socket}`, '--skip-networking', `--pid-file=${join(this.folder, 'mysqld.pid')}`, `--log-error=${log}`, ...asUser],
      { stdio: 'ignore' },
    );
    this.processes.push(mariadb);
    await waitFor('MariaDB', () => existsSync(this.socket), mariadb, log);
    execFileSync('mariadb', ['--no-defaults', `--socket=${this.socket}`, '-u', 'root', '-e', 'CREATE DATABASE wordpress']);
  }

  /** A working copy of Debian's WordPress, with a wp-config.php of our own (Debian's reads /etc). */
  private copyWordPress(): void {
    copyResolvingLinks(this.release.root, join(this.release.root, 'usr/share/wordpress'), this.docroot);
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
            // The whole group (SIGTERM to PHP's server alone leaves its workers running); a server
            // that doesn't stop in 10 s is killed.
            const signal = (name: NodeJS.Signals) => {
              try {
                process.kill(-child.pid!, name);
              } catch {
                child.kill(name);
              }
            };
            const kill = setTimeout(() => signal('SIGKILL'), 10_000);
            child.once('exit', () => {
              clearTimeout(kill);
              done();
            });
            signal('SIGTERM');
          }),
      ),
    );
    rmSync(this.folder, { recursive: true, force: true, maxRetries: 5 });
  }
}
