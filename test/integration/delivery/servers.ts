/** Shared setup of the delivery integration tests: who may run them, and reading server disks. */
import { readFile } from 'node:fs/promises';
import { hasTool } from '../../support/tools.js';
import { canManageUsers } from '../../support/servers/test-user.js';

/** The loopback servers need root (a test user, chown, mounts); say so loudly otherwise. */
export function cannotRunServers(tool: string): boolean {
  if (!canManageUsers()) {
    console.warn(`\n!!! SKIPPING ${tool} tests: they must run as root to create the test user\n`);
    return true;
  }
  return !hasTool(tool);
}

export async function readOrUndefined(path: string): Promise<Buffer | undefined> {
  try {
    return await readFile(path);
  } catch {
    return undefined;
  }
}
