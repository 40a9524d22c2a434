/**
 * File-system glue for the archive engines' integration tests: volume sinks on real files
 * (with the header patching a one-pass RAR writer needs), volume sources over a directory,
 * and running the independent readers with their output captured — lsar's closing
 * "N passed, M failed." line must never reach the console, where CI would take it for ours.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  createReadStream,
  createWriteStream,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
} from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RarVolumeSource } from '../../../src/core/rar/rar-reader.js';
import type { RarVolumeSink } from '../../../src/core/rar/rar-writer.js';

export function tempDir(prefix: string): { path: string; remove: () => void } {
  const path = mkdtempSync(join(tmpdir(), `scenepacker-${prefix}-`));
  return {
    path,
    remove: () => {
      rmSync(path, { recursive: true, force: true });
    },
  };
}

export function fileVolumes(directory: string): (index: number, name: string) => RarVolumeSink {
  return (_index, name) => {
    const path = join(directory, name);
    return {
      stream: createWriteStream(path, { highWaterMark: 1024 * 1024 }),
      patch: async (edits) => {
        const handle = await open(path, 'r+');
        try {
          for (const edit of edits) {
            await handle.write(edit.bytes, 0, edit.bytes.length, edit.offset);
          }
        } finally {
          await handle.close();
        }
      },
    };
  };
}

export function directorySource(directory: string): RarVolumeSource {
  return {
    files: readdirSync(directory).map((name) => ({
      name,
      size: statSync(join(directory, name)).size,
    })),
    open: (name) => createReadStream(join(directory, name), { highWaterMark: 1024 * 1024 }),
  };
}

export interface Ran {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `command` through sh with output captured; TZ=UTC so listed times are stable. */
export function sh(command: string, cwd: string): Ran {
  const result = spawnSync('sh', ['-c', command], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, TZ: 'UTC', LC_ALL: 'C.UTF-8' },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

export const quote = (value: string): string => `'${value.replace(/'/g, `'\\''`)}'`;

export function sha256(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/** The Python with Debian's rarfile: the pyenv shim on PATH may not see dist-packages. */
export function rarfilePython(): string | undefined {
  for (const python of ['/usr/bin/python3', 'python3']) {
    const probe = spawnSync(python, ['-c', 'import rarfile'], { stdio: 'ignore' });
    if (probe.status === 0) {
      return python;
    }
  }
  console.warn('\n!!! SKIPPING tests that need python3-rarfile: no python3 can import rarfile\n');
  return undefined;
}

/**
 * Opens the set with rarfile in strict mode, reads every entry through its own stored-data
 * path (which checks the whole-file CRC) and prints a JSON summary, or the error it raised.
 */
const RARFILE_SCRIPT = `
import hashlib, json, sys, rarfile
try:
    archive = rarfile.RarFile(sys.argv[1], errors="strict")
    entries = []
    for info in archive.infolist():
        digest = hashlib.sha256()
        with archive.open(info) as stream:
            for block in iter(lambda: stream.read(1 << 20), b""):
                digest.update(block)
        entries.append({"name": info.filename, "size": info.file_size, "crc": info.CRC,
                        "date": list(info.date_time), "sha256": digest.hexdigest()})
    print(json.dumps({"volumes": [v.split("/")[-1] for v in archive.volumelist()], "entries": entries}))
except Exception as error:
    print(json.dumps({"error": type(error).__name__ + ": " + str(error)}))
`;

export interface RarfileReport {
  volumes?: string[];
  entries?: { name: string; size: number; crc: number; date: number[]; sha256: string }[];
  error?: string;
}

export function readWithRarfile(python: string, first: string, cwd: string): RarfileReport {
  const ran = spawnSync(python, ['-c', RARFILE_SCRIPT, first], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  return JSON.parse(ran.stdout) as RarfileReport;
}
