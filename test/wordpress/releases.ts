// The two WordPress releases the end-to-end test runs on, both Debian's `wordpress` package:
// bookworm's (6.1, installed on this machine with apt-get) and trixie's (6.8, fetched as package
// files with apt into a folder of our own and unpacked with dpkg-deb; the machine's apt sources,
// lists and package cache are never touched). Each release is a root folder laid out like `/`
// (Debian's files at usr/share/wordpress, and the files its symlinks point at).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export interface Release {
  /** Debian's suite name, for messages. */
  suite: 'bookworm' | 'trixie';
  /** Where Debian's files are: `/` for the installed package, else the unpacked package files. */
  root: string;
  /** The theme the site is switched to (the release's default block theme, packaged by Debian). */
  theme: string;
}

/** What the bookworm run needs on the machine (the trixie run uses its PHP and MariaDB too). */
// curl: the test runs the settings page's command that fetches Pyodide (from a local file).
const PACKAGES = ['wordpress', 'wordpress-theme-twentytwentythree', 'mariadb-server', 'php-cli', 'php-mysql', 'curl'];

function installed(name: string): boolean {
  try {
    return execFileSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' }).includes('install ok installed');
  } catch {
    return false;
  }
}

/** Bookworm's WordPress 6.1, installed with apt-get when missing (as root), else says what to install. */
export function bookworm(): Release {
  const missing = PACKAGES.filter((name) => !installed(name));
  if (missing.length > 0) {
    if (process.getuid?.() !== 0) {
      throw new Error(`The WordPress test needs Debian packages that are missing: sudo apt-get install -y --no-install-recommends ${missing.join(' ')}`);
    }
    console.log(`Installing ${missing.join(', ')} with apt-get...`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', '-o', 'Dpkg::Options::=--force-unsafe-io', ...missing], { stdio: ['ignore', 'ignore', 'inherit'], env });
  }
  return { suite: 'bookworm', root: '/', theme: 'twentytwentythree' };
}

/** Where trixie's package files are kept between runs (node_modules is never committed). */
const TRIXIE = resolve('node_modules/.cache/pyinnards-wordpress/trixie');

/**
 * Trixie's WordPress 6.8 as package files: `wordpress`, its default theme, and the packages of
 * the libraries it links to (JavaScript under /usr/share/javascript, PHP under /usr/share/php),
 * at trixie's versions, all unpacked into one root. PHP and MariaDB stay the machine's.
 */
export function trixie(): Release {
  const root = join(TRIXIE, 'root');
  const done = join(TRIXIE, 'unpacked');
  if (!existsSync(done)) {
    rmSync(TRIXIE, { recursive: true, force: true });
    for (const folder of ['parts', 'lists/partial', 'cache/archives/partial', 'debs', 'root']) mkdirSync(join(TRIXIE, folder), { recursive: true });
    // The machine's own keyring signs trixie's release file too.
    writeFileSync(
      join(TRIXIE, 'sources.list'),
      'deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian trixie main\n',
    );
    const apt = (...args: string[]) =>
      execFileSync(
        'apt-get',
        [
          '-qq',
          `-o`, `Dir::Etc::SourceParts=${join(TRIXIE, 'parts')}`,
          `-o`, `Dir::Etc::SourceList=${join(TRIXIE, 'sources.list')}`,
          `-o`, `Dir::State::Lists=${join(TRIXIE, 'lists')}`,
          `-o`, `Dir::Cache=${join(TRIXIE, 'cache')}`,
          // Package files are fetched as root into a folder the _apt user can't write: that is fine.
          `-o`, 'APT::Sandbox::User=root',
          ...args,
        ],
        { cwd: join(TRIXIE, 'debs'), stdio: ['ignore', 'inherit', 'inherit'] },
      );
    console.log('Fetching Debian trixie\'s wordpress package with apt (a sources list and lists folder of its own)...');
    apt('update');
    apt('download', 'wordpress');
    const wordpress = readdirSync(join(TRIXIE, 'debs')).find((name) => name.startsWith('wordpress_'))!;
    const field = (name: string) => execFileSync('dpkg-deb', ['-f', join(TRIXIE, 'debs', wordpress), name], { encoding: 'utf8' });
    // The libraries it links to are its Depends named libjs-*, libphp-* or php-* (php-gd and
    // php-mysql are metapackages for PHP extensions: they unpack to nothing but docs, and the
    // machine's PHP 8.2 brings its own php-mysql). The theme is its Recommends' theme.
    const names = (text: string) => text.split(',').map((entry) => entry.trim().split(/[\s|(]/)[0]!);
    const libraries = names(field('Depends')).filter((name) => /^(libjs-|libphp-|php-)/.test(name));
    const themes = names(field('Recommends')).filter((name) => name.startsWith('wordpress-theme-'));
    apt('download', ...libraries, ...themes);
    for (const deb of readdirSync(join(TRIXIE, 'debs'))) execFileSync('dpkg-deb', ['-x', join(TRIXIE, 'debs', deb), root]);
    writeFileSync(done, `${wordpress}\n${[...libraries, ...themes].join('\n')}\n`);
  }
  const theme = readdirSync(join(root, 'usr/share/wordpress/wp-content/themes')).filter((name) => name.startsWith('twenty')).sort().at(-1);
  if (theme === undefined) throw new Error(`No theme was unpacked into ${root}/usr/share/wordpress/wp-content/themes`);
  return { suite: 'trixie', root, theme };
}
