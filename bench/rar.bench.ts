/**
 * RAR4 store writer and verifier against the physical baseline and 7-Zip (ARCHITECTURE.md §7).
 *
 * `run()` generates 0.5 GiB and 2 GiB inputs in a temp dir on the working disk and times, in
 * alternating rounds: our writer (50,000,000-byte volumes through node:fs sinks), `cat input >
 * copy` and `7z a -v50m -mx0`; then our verifier against `cat volumes > /dev/null`. Ours runs as
 * a child process (this file with `pack`/`verify` arguments) so its peak RSS is its own; the time
 * reported for it is measured inside the child around the engine call, because Node and tsx
 * start-up belong to no packing run (a running server pays them once). Whole-process wall time
 * is listed too.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  createReadStream,
  createWriteStream,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { open } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { verifyRar } from '../src/core/rar/rar-reader.js';
import { writeRar, type RarVolumeSink } from '../src/core/rar/rar-writer.js';
import {
  alternate,
  mbPerSecond,
  measureCommand,
  median,
  type BenchSection,
  type Measurement,
} from './harness.js';

const GIB = 2 ** 30;
const VOLUME_SIZE = 50_000_000;
const ROUNDS = 3;
const READ_CHUNK = 1024 * 1024;
const SELF = fileURLToPath(import.meta.url);

interface ChildReport {
  engineMs: number;
  maxRssBytes: number;
  volumes?: number;
  ok?: boolean;
}

// ---- child side: the engine on real files -------------------------------------------------

function fileSink(directory: string): (index: number, name: string) => RarVolumeSink {
  return (_index, name) => {
    const path = join(directory, name);
    return {
      stream: createWriteStream(path, { highWaterMark: READ_CHUNK }),
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

async function childPack(input: string, outDir: string): Promise<ChildReport> {
  const started = process.hrtime.bigint();
  const result = await writeRar(
    [
      {
        name: 'bench.mkv',
        size: statSync(input).size,
        mtime: new Date('2024-01-01T00:00:00Z'),
        open: () => createReadStream(input, { highWaterMark: READ_CHUNK }),
      },
    ],
    { baseName: 'bench', volumeSize: VOLUME_SIZE, openVolume: fileSink(outDir) },
  );
  const engineMs = Number(process.hrtime.bigint() - started) / 1e6;
  return {
    engineMs,
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
    volumes: result.volumes.length,
  };
}

async function childVerify(directory: string): Promise<ChildReport> {
  const started = process.hrtime.bigint();
  const result = await verifyRar({
    files: readdirSync(directory).map((name) => ({
      name,
      size: statSync(join(directory, name)).size,
    })),
    open: (name) => createReadStream(join(directory, name), { highWaterMark: READ_CHUNK }),
  });
  const engineMs = Number(process.hrtime.bigint() - started) / 1e6;
  return { engineMs, maxRssBytes: process.resourceUsage().maxRSS * 1024, ok: result.ok };
}

async function child(args: string[]): Promise<void> {
  const [mode, first = '', second = '', reportPath = ''] = args;
  const report = mode === 'pack' ? await childPack(first, second) : await childVerify(first);
  writeFileSync(mode === 'pack' ? reportPath : second, JSON.stringify(report));
}

// ---- parent side: measuring ----------------------------------------------------------------

function hasCommand(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

/** A file of `bytes` random-looking bytes (one random 16 MiB block repeated; store ignores content). */
function generate(path: string, bytes: number): void {
  const block = randomBytes(16 * 1024 * 1024);
  const stream = openSyncWriter(path);
  for (let written = 0; written < bytes; written += block.length) {
    stream(block.subarray(0, Math.min(block.length, bytes - written)));
  }
}

function openSyncWriter(path: string): (chunk: Buffer) => void {
  writeFileSync(path, '');
  return (chunk) => {
    writeFileSync(path, chunk, { flag: 'a' });
  };
}

interface Ours extends Measurement {
  engineMs: number;
}

function childCommand(args: string[]): string {
  return `node --import tsx ${SELF} ${args.map((arg) => `'${arg}'`).join(' ')}`;
}

async function measureOurs(args: string[], reportPath: string): Promise<Ours> {
  const measured = await measureCommand(childCommand(args));
  const report = JSON.parse(readFileSync(reportPath, 'utf8')) as ChildReport;
  return { ...measured, engineMs: report.engineMs, peakRssBytes: report.maxRssBytes };
}

function resetDir(path: string): void {
  rmSync(path, { recursive: true, force: true });
  mkdirSync(path, { recursive: true });
}

interface PackRun {
  ours: Ours[];
  cat: Measurement[];
  sevenZip: Measurement[];
}

async function packRounds(work: string, input: string, withSevenZip: boolean): Promise<PackRun> {
  const out = join(work, 'out');
  const report = join(work, 'pack.json');
  const ours: Ours[] = [];
  const candidates: Record<string, () => Promise<Measurement>> = {
    ours: async () => {
      const measured = await measureOurs(['pack', input, out, report], report);
      ours.push(measured);
      return measured;
    },
    cat: () => measureCommand(`cat '${input}' > '${join(out, 'copy')}'`),
  };
  if (withSevenZip) {
    candidates.sevenZip = () =>
      measureCommand(`7z a -bd -bso0 -bsp0 -v50m -mx0 '${join(out, 'bench.7z')}' '${input}'`);
  }
  // sync outside the timed part, so one run's write-back does not land in the next run's time.
  const results = await alternate(candidates, ROUNDS, () => {
    resetDir(out);
    spawnSync('sync');
    return Promise.resolve();
  });
  return { ours, cat: results.cat ?? [], sevenZip: results.sevenZip ?? [] };
}

async function verifyRounds(
  work: string,
  input: string,
): Promise<{ ours: Ours[]; read: Measurement[] }> {
  const out = join(work, 'set');
  resetDir(out);
  await measureOurs(['pack', input, out, join(work, 'pack.json')], join(work, 'pack.json'));
  const report = join(work, 'verify.json');
  const ours: Ours[] = [];
  const results = await alternate(
    {
      ours: async () => {
        const measured = await measureOurs(['verify', out, report], report);
        ours.push(measured);
        return measured;
      },
      read: () => measureCommand(`cat '${out}'/* > /dev/null`),
    },
    ROUNDS,
  );
  return { ours, read: results.read ?? [] };
}

// ---- report ---------------------------------------------------------------------------------

const mb = (bytes: number): string => (bytes / 1024 / 1024).toFixed(0);
const seconds = (ms: number): string => (ms / 1000).toFixed(2);
const peak = (samples: Measurement[]): number =>
  Math.max(...samples.map((sample) => sample.peakRssBytes));

function row(
  label: string,
  wallMs: number,
  bytes: number,
  baselineMs: number,
  rss: number,
): string {
  const ratio = (wallMs / baselineMs).toFixed(2);
  return `| ${label} | ${seconds(wallMs)} | ${mbPerSecond(bytes, wallMs).toFixed(0)} | ${ratio} | ${mb(rss)} |`;
}

function packTable(bytes: number, run: PackRun): string[] {
  const catMs = median(run.cat.map((sample) => sample.wallMs));
  const lines = [
    '| candidate | median s | MB/s | × cat | peak RSS MB |',
    '|---|---|---|---|---|',
    row(
      'scenepacker writeRar (engine time)',
      median(run.ours.map((sample) => sample.engineMs)),
      bytes,
      catMs,
      peak(run.ours),
    ),
    row(
      'scenepacker (whole process, with Node + tsx start-up)',
      median(run.ours.map((sample) => sample.wallMs)),
      bytes,
      catMs,
      peak(run.ours),
    ),
    row('`cat input > copy` (baseline)', catMs, bytes, catMs, peak(run.cat)),
  ];
  if (run.sevenZip.length > 0) {
    lines.push(
      row(
        '`7z a -v50m -mx0`',
        median(run.sevenZip.map((sample) => sample.wallMs)),
        bytes,
        catMs,
        peak(run.sevenZip),
      ),
    );
  }
  return lines;
}

function verifyTable(bytes: number, run: { ours: Ours[]; read: Measurement[] }): string[] {
  const readMs = median(run.read.map((sample) => sample.wallMs));
  return [
    '| candidate | median s | MB/s | × read | peak RSS MB |',
    '|---|---|---|---|---|',
    row(
      'scenepacker verifyRar (engine time)',
      median(run.ours.map((sample) => sample.engineMs)),
      bytes,
      readMs,
      peak(run.ours),
    ),
    row(
      'scenepacker (whole process)',
      median(run.ours.map((sample) => sample.wallMs)),
      bytes,
      readMs,
      peak(run.ours),
    ),
    row('`cat volumes > /dev/null` (baseline)', readMs, bytes, readMs, peak(run.read)),
  ];
}

const load = (): string =>
  loadavg()
    .map((value) => value.toFixed(1))
    .join(' / ');

export async function run(): Promise<BenchSection> {
  const work = mkdtempSync(join(tmpdir(), 'scenepacker-bench-rar-'));
  const sevenZip = hasCommand('7z');
  const loadBefore = load();
  try {
    const idle = await measureCommand(`node --import tsx -e ''`);
    const small = join(work, 'small.bin');
    const large = join(work, 'large.bin');
    generate(small, GIB / 2);
    const smallRun = await packRounds(work, small, false);
    rmSync(small);
    generate(large, 2 * GIB);
    const largeRun = await packRounds(work, large, sevenZip);
    const verify = await verifyRounds(work, large);
    return {
      title: 'RAR4 store writer and verifier (core/rar)',
      markdown: [
        `Generated input, ${VOLUME_SIZE.toLocaleString('en')}-byte volumes, ${READ_CHUNK / 1024} KiB reads, medians of ${ROUNDS} alternating rounds, \`sync\` between runs (not timed). Temp dir: same disk as the input.`,
        `Load average (1/5/15 min) ${loadBefore} before and ${load()} after: the machine is shared, so absolute figures are noisy.`,
        `An idle \`node --import tsx\` process peaks at ${mb(idle.peakRssBytes)} MB RSS; the rest of our peak is the engine and its I/O buffers.`,
        '',
        '### Packing 2 GiB',
        '',
        ...packTable(2 * GIB, largeRun),
        sevenZip ? '' : '\n7z (p7zip-full) is not installed: no 7-Zip figures.',
        '### Packing 0.5 GiB (memory must not grow with input size)',
        '',
        ...packTable(GIB / 2, smallRun),
        '',
        '### Verifying the 2 GiB set (header, part, file and volume CRCs) against reading its bytes once',
        '',
        ...verifyTable(2 * GIB, verify),
      ].join('\n'),
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  await child(process.argv.slice(2));
}
