/** The checker's view of a release, over the storage port (a staged release or a directory). */
import { basename, join } from 'node:path';
import type { ReleaseSource } from '../../core/check/index.js';
import type { Staging, Workspace } from '../../storage/ports.js';

export async function stagedSource(staging: Staging, name: string): Promise<ReleaseSource> {
  return {
    name,
    entries: await staging.list(),
    open: (path, range) => staging.openRead(path, range),
  };
}

export async function directorySource(workspace: Workspace, dir: string): Promise<ReleaseSource> {
  return {
    name: basename(dir.replace(/[/\\]+$/, '')),
    entries: await workspace.list(dir),
    open: (path, range) => workspace.openRead(join(dir, path), range),
  };
}
