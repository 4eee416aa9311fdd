/**
 * Scratch mini-program folders for the build scripts' tests: each call writes the given files under a fresh
 * temporary folder, removed after the test file.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** Returns a `scratch(files)` that writes a folder per call and removes them all after the file's tests. */
export function scratchFolders(prefix: string): (files: Record<string, string>) => string {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
  return (files) => {
    const root = mkdtempSync(join(tmpdir(), prefix));
    dirs.push(root);
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text);
    }
    return root;
  };
}

/** A component's (or page's) json declaring the given usingComponents. */
export const using = (map: Record<string, string>): string => JSON.stringify({ component: true, usingComponents: map });
