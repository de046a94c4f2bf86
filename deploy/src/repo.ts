import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The monorepo's root: this package lives in <root>/deploy. */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export function repoPath(...parts: string[]): string {
  return join(repoRoot, ...parts);
}

export function readRepoFile(...parts: string[]): string {
  return readFileSync(repoPath(...parts), 'utf8');
}

/** The workspaces under apps/ that exist now (a folder with a package.json), with their package names. */
export function appWorkspaces(): { dir: string; name: string }[] {
  const apps = repoPath('apps');
  return readdirSync(apps)
    .filter((entry) => statSync(join(apps, entry)).isDirectory())
    .flatMap((entry) => {
      try {
        const pkg = JSON.parse(readFileSync(join(apps, entry, 'package.json'), 'utf8')) as {
          name: string;
        };
        return [{ dir: `apps/${entry}`, name: pkg.name }];
      } catch {
        return [];
      }
    });
}
