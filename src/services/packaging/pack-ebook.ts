/**
 * Writes an eBOOK or DOCS release into its staging directory. The book is read once into a RAR
 * set; each volume, once complete and patched, is wrapped at once in its ZIP disk with
 * FILE_ID.DIZ and the NFO, then deleted — so at most one loose volume exists at a time and
 * none is left. (A RAR4 volume's headers are patched after its data, so a volume cannot go
 * straight into a ZIP entry whose CRC is written as it streams: it is read back once.)
 */
import type { EbookPlan } from '../../core/plan.js';
import { writeRar } from '../../core/rar/rar-writer.js';
import { writeZip } from '../../core/zip/zip-writer.js';
import { AppError } from '../../shared/errors.js';
import type { Staging, Workspace } from '../../storage/ports.js';
import type { PackEvent } from './types.js';
import { assertFollowsPlan, volumeSink } from './volumes.js';

/** Loose volumes wait here, inside the staging directory, for their disk. */
const VOLUME_DIR = '.volumes';

export interface EbookPackContext {
  plan: EbookPlan;
  input: string;
  mtime: Date;
  staging: Staging;
  workspace: Workspace;
  signal: AbortSignal | undefined;
  emit: (event: PackEvent) => void;
}

export async function packEbook(context: EbookPackContext): Promise<void> {
  const { plan, staging, signal } = context;
  const result = await writeRar(
    [
      {
        name: plan.payload.archivedName,
        size: plan.payload.bytes,
        mtime: context.mtime,
        open: () => context.workspace.openRead(context.input),
      },
    ],
    {
      baseName: plan.rar.baseName,
      volumeSize: plan.rar.volumeSize,
      openVolume: (index, name) => {
        const loose = `${VOLUME_DIR}/${name}`;
        return volumeSink(staging, loose, () => writeDisk(context, index, loose));
      },
      ...(signal === undefined ? {} : { signal }),
      onProgress: (p) => {
        context.emit({
          type: 'progress',
          phase: 'archive',
          bytesDone: p.bytesDone,
          bytesTotal: p.bytesTotal,
          file: p.file,
        });
      },
    },
  );
  assertFollowsPlan(plan, result.volumes);
  await staging.remove(VOLUME_DIR);
  await staging.writeFile(plan.nfo.name, plan.nfo.bytes);
}

async function writeDisk(context: EbookPackContext, index: number, loose: string): Promise<void> {
  const { plan, staging } = context;
  const disk = plan.disks[index];
  const volume = plan.rar.volumes[index];
  if (disk === undefined || volume === undefined) {
    throw new AppError('internal.unexpected', `No disk is planned for volume ${index + 1}`);
  }
  const sink = await staging.createFile(disk.name);
  await writeZip(
    [
      {
        name: disk.rarVolume,
        size: volume.size,
        mtime: context.mtime,
        open: () => staging.openRead(loose),
      },
      { name: disk.diz.name, data: disk.diz.bytes, mtime: context.mtime },
      { name: plan.nfo.name, data: plan.nfo.bytes, mtime: context.mtime },
    ],
    sink,
    context.signal === undefined ? {} : { signal: context.signal },
  );
  await staging.remove(loose);
}
