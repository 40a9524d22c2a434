/** Directory walking and moving for the local workspace. */
import { randomBytes } from 'node:crypto';
import { readdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { readError } from './errors.js';
import type { ListedEntry } from './ports.js';

/** Every entry below `root`, sorted by path, `/`-separated. */
export async function listTree(root: string): Promise<ListedEntry[]> {
  const found: ListedEntry[] = [];
  await walk(root, root, found);
  return found.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

async function walk(root: string, dir: string, into: ListedEntry[]): Promise<void> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    throw readError(error, dir);
  }
  for (const name of names) {
    const full = join(dir, name);
    const path = relative(root, full).split(sep).join('/');
    const info = await stat(full).catch((error: unknown) => {
      throw readError(error, full);
    });
    if (info.isDirectory()) {
      into.push({ path, kind: 'directory', size: 0 });
      await walk(root, full, into);
    } else if (info.isFile()) {
      into.push({ path, kind: 'file', size: info.size });
    }
  }
}

/** Moves a path out of the way atomically, for the overwrite case. */
export async function moveAside(path: string): Promise<string> {
  const aside = join(dirname(path), `.${randomBytes(4).toString('hex')}.replaced`);
  await rename(path, aside);
  return aside;
}

export async function removeTree(path: string): Promise<void> {
  await rm(path, { recursive: true, force: true });
}
