import { execFileSync } from 'node:child_process';
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  unlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { REPO_ROOT } from './paths.js';

/**
 * A copy of the repository as a fresh clone followed by `npm ci` leaves it, made in seconds: the files git
 * tracks (no build output, no data), and node_modules hard-linked from this checkout (the same installed
 * packages) whose bin links npm then makes again, as an install does, for the files that exist at that moment.
 */
export function freshCopy(): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'lodestar-fresh-'));
  const tracked = execFileSync('git', ['ls-files', '-z'], { cwd: REPO_ROOT }).toString().split('\0').filter(Boolean);
  for (const file of tracked) {
    const from = join(REPO_ROOT, file);
    if (!existsSync(from)) continue;
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    copyFileSync(from, join(dir, file));
  }
  linkPackages(dir);
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Build output of this checkout copied into the copy, newer than its sources (as after `npm start` built it). */
export function copyBuilt(dir: string, folders: readonly string[]): void {
  const later = new Date(Date.now() + 60_000);
  for (const folder of folders) {
    cpSync(join(REPO_ROOT, folder), join(dir, folder), { recursive: true });
    for (const marker of ['cli/main.js', 'index.html']) {
      if (existsSync(join(dir, folder, marker))) utimesSync(join(dir, folder, marker), later, later);
    }
  }
}

function linkPackages(dir: string): void {
  const target = join(dir, 'node_modules');
  try {
    execFileSync('cp', ['-al', join(REPO_ROOT, 'node_modules'), target]);
  } catch {
    rmSync(target, { recursive: true, force: true });
    execFileSync('cp', ['-a', join(REPO_ROOT, 'node_modules'), target]);
  }
  // npm's hidden lockfile records the bins of this checkout's install: without it npm reads the copy's own
  // package.json files, as an install from the copy's lockfile would.
  const marker = join(target, '.package-lock.json');
  const text = readFileSync(marker);
  unlinkSync(marker);
  // The workspace bins as `npm ci` links them: only where the bin's file exists now.
  for (const bin of ['lodestar']) rmSync(join(target, '.bin', bin), { force: true });
  execFileSync('npm', ['rebuild', '--ignore-scripts', '--offline', '--no-audit', '--no-fund'], {
    cwd: dir,
    stdio: 'ignore',
  });
  // The install marker `npm start` checks, newer than the lockfile: the copy counts as installed.
  rmSync(marker, { force: true });
  writeFileSync(marker, text);
  const later = new Date(Date.now() + 60_000);
  utimesSync(marker, later, later);
}
