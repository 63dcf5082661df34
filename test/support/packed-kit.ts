// The package exactly as npm would publish it: `npm pack` of the built kit, unpacked into a
// temporary folder. Tests serve and inspect that, never the work tree's dist/.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface PackedKit {
  /** The .tgz npm pack wrote. */
  tarball: string;
  /** Where it was unpacked: the package's root (npm's `package/` folder). */
  dir: string;
  /** Every file in the tarball, relative to the package root, sorted. */
  files: string[];
}

let packed: PackedKit | undefined;

/** Packs once per process (the build is `npm test`'s first step; packing does not rebuild). */
export function packKit(): PackedKit {
  if (packed) return packed;
  if (!existsSync('dist/pyinnards.js') || !existsSync('custom-elements.json')) {
    throw new Error('The kit is not built: run `npm run build` first.');
  }
  const folder = mkdtempSync(join(tmpdir(), 'pyinnards-pack-'));
  const output = execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', folder], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const [{ filename }] = JSON.parse(output) as [{ filename: string }];
  const tarball = join(folder, filename);
  execFileSync('tar', ['-xzf', tarball, '-C', folder]);
  const files = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' })
    .split('\n')
    .filter((line) => line !== '' && !line.endsWith('/'))
    .map((line) => line.replace(/^package\//, ''))
    .sort();
  packed = { tarball, dir: join(folder, 'package'), files };
  return packed;
}
