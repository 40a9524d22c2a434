/**
 * `scenepacker pack` and `check` against the physical baseline and 7-Zip (ARCHITECTURE.md §7).
 *
 * Inputs are generated in a temp dir on the working disk: real MKVs (x264 lossless noise from
 * ffmpeg, looped by stream copy to 0.5 GiB and 2 GiB — real files the metadata extractor reads)
 * and a 50 MB PDF. In alternating rounds it times the whole use case (metadata, plan, one-pass
 * RAR, SFV, NFO, the checker, publish; TV with --no-sample), `cat input > copy` and
 * `7z a -v50m -mx0`; then `check` of the 2 GiB release (every byte read, all CRCs) against
 * `cat volumes > /dev/null`. Ours runs as a child process (this file with arguments) so its
 * peak RSS is its own; its time is measured inside the child around the service call (Node and
 * tsx start-up belong to no pack), and whole-process wall time is listed too.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FfmpegMediaTool } from '../src/media/ffmpeg.js';
import { LocalFileExtractor } from '../src/metadata/extract/extractor.js';
import { PackagingService, type PackRequest } from '../src/services/packaging/index.js';
import { systemClock } from '../src/shared/clock.js';
import { LocalWorkspace } from '../src/storage/local.js';
import {
  alternate,
  mbPerSecond,
  measureCommand,
  median,
  type BenchSection,
  type Measurement,
} from './harness.js';

const GIB = 2 ** 30;
const PDF_BYTES = 50_000_000;
const ROUNDS = 3;
const SELF = fileURLToPath(import.meta.url);

interface ChildReport {
  engineMs: number;
  maxRssBytes: number;
  errors: number;
  volumes?: number;
  path?: string;
}

// ---- child side: the service on real files ---------------------------------------------------

function service(): PackagingService {
  return new PackagingService({
    workspace: new LocalWorkspace(),
    media: new FfmpegMediaTool(),
    extractor: new LocalFileExtractor(),
    clock: systemClock,
  });
}

async function childPack(
  type: 'TV' | 'EBOOK',
  input: string,
  outDir: string,
  sample = false,
): Promise<ChildReport> {
  const request: PackRequest = {
    input,
    flags: { type, group: 'BENCH', url: 'https://shop.example.com/bench' },
    outDir,
    sample,
  };
  const started = process.hrtime.bigint();
  const result = await service().pack(request);
  return {
    engineMs: Number(process.hrtime.bigint() - started) / 1e6,
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
    errors: result.report.errors,
    volumes: result.plan.rar.volumes.length,
    path: result.path,
  };
}

async function childCheck(dir: string): Promise<ChildReport> {
  const started = process.hrtime.bigint();
  const report = await service().check({ dir });
  return {
    engineMs: Number(process.hrtime.bigint() - started) / 1e6,
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
    errors: report.errors,
  };
}

async function child(args: string[]): Promise<void> {
  const [mode = '', first = '', second = '', reportPath = ''] = args;
  const report =
    mode === 'check'
      ? await childCheck(first)
      : await childPack(
          mode.startsWith('pack-tv') ? 'TV' : 'EBOOK',
          first,
          second,
          mode === 'pack-tv-sample',
        );
  writeFileSync(mode === 'check' ? second : reportPath, JSON.stringify(report));
}

// ---- parent side: inputs ---------------------------------------------------------------------

function exec(command: string, args: string[]): void {
  const ran = spawnSync(command, args, { encoding: 'utf8' });
  if (ran.status !== 0) {
    throw new Error(`${command} failed: ${ran.stderr}`);
  }
}

/**
 * A real 720p MKV of at least `bytes`: 20 s of lossless x264 test pattern (about 70 KB a frame,
 * like a high-bitrate episode), looped by stream copy.
 */
function generateMkv(dir: string, name: string, bytes: number): string {
  const clip = join(dir, 'pattern.mkv');
  const quiet = ['-hide_banner', '-loglevel', 'error', '-y'];
  exec('ffmpeg', [
    ...quiet,
    ...['-f', 'lavfi', '-i', 'testsrc2=size=1280x720:rate=25', '-frames:v', '500'],
    ...['-pix_fmt', 'yuv420p', '-c:v', 'libx264', '-preset', 'ultrafast', '-qp', '0', '-g', '50'],
    clip,
  ]);
  const loops = Math.ceil(bytes / statSync(clip).size) - 1;
  const out = join(dir, name);
  exec('ffmpeg', [...quiet, '-stream_loop', String(loops), '-i', clip, '-c', 'copy', out]);
  rmSync(clip);
  return out;
}

/** A one-page PDF with a title, an author, a date and `bytes` of filler stream. */
function generatePdf(path: string, bytes: number): void {
  const head = Buffer.from(
    '%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n' +
      '2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n' +
      '3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>\nendobj\n' +
      '4 0 obj\n<< /Title (Benchmark Book) /Author (Bench Author) /CreationDate (D:20210102) >>\nendobj\n',
  );
  const filler = randomBytes(bytes);
  const stream = Buffer.concat([
    Buffer.from(`5 0 obj\n<< /Length ${filler.length} >>\nstream\n`),
    filler,
    Buffer.from('\nendstream\nendobj\n'),
  ]);
  const offsets = [9, 0, 0, 0, 0];
  let text = head.toString('latin1');
  for (let n = 1; n <= 4; n += 1) {
    offsets[n - 1] = text.indexOf(`${n} 0 obj`);
  }
  offsets[4] = head.length;
  const xrefAt = head.length + stream.length;
  text = [
    'xref',
    '0 6',
    '0000000000 65535 f ',
    ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n `),
    'trailer',
    '<< /Size 6 /Root 1 0 R /Info 4 0 R >>',
    'startxref',
    String(xrefAt),
    '%%EOF',
    '',
  ].join('\n');
  writeFileSync(path, Buffer.concat([head, stream, Buffer.from(text)]));
}

// ---- parent side: measuring ------------------------------------------------------------------

interface Ours extends Measurement {
  engineMs: number;
  errors: number;
  volumes: number;
}

const childCommand = (args: string[]): string =>
  `node --import tsx ${SELF} ${args.map((arg) => `'${arg}'`).join(' ')}`;

async function measureOurs(args: string[], reportPath: string): Promise<Ours> {
  const measured = await measureCommand(childCommand(args));
  const report = JSON.parse(readFileSync(reportPath, 'utf8')) as ChildReport;
  if (report.errors !== 0) {
    throw new Error(`the checker found ${report.errors} errors in a benchmark release`);
  }
  return {
    ...measured,
    engineMs: report.engineMs,
    peakRssBytes: report.maxRssBytes,
    errors: 0,
    volumes: report.volumes ?? 0,
  };
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

async function packRounds(
  work: string,
  mode: 'pack-tv' | 'pack-ebook',
  input: string,
  withSevenZip: boolean,
): Promise<PackRun> {
  const out = join(work, 'out');
  const report = join(work, 'pack.json');
  const ours: Ours[] = [];
  const candidates: Record<string, () => Promise<Measurement>> = {
    ours: async () => {
      const measured = await measureOurs([mode, input, out, report], report);
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

async function checkRounds(
  work: string,
  input: string,
): Promise<{ ours: Ours[]; read: Measurement[] }> {
  const out = join(work, 'release');
  resetDir(out);
  // A complete release (with its sample) for the checker: the timed packs leave the sample out.
  const packReport = join(work, 'pack.json');
  await measureOurs(['pack-tv-sample', input, out, packReport], packReport);
  const packed = JSON.parse(readFileSync(join(work, 'pack.json'), 'utf8')) as ChildReport;
  const release = packed.path ?? out;
  const report = join(work, 'check.json');
  const ours: Ours[] = [];
  const results = await alternate(
    {
      ours: async () => {
        const measured = await measureOurs(['check', release, report], report);
        ours.push(measured);
        return measured;
      },
      read: () => measureCommand(`find '${release}' -type f -exec cat {} + > /dev/null`),
    },
    ROUNDS,
  );
  return { ours, read: results.read ?? [] };
}

// ---- report ----------------------------------------------------------------------------------

const mib = (bytes: number): string => (bytes / 1024 / 1024).toFixed(0);
const seconds = (ms: number): string => (ms / 1000).toFixed(2);
const peak = (samples: Measurement[]): number => Math.max(...samples.map((s) => s.peakRssBytes));
const wall = (samples: Measurement[]): number => median(samples.map((s) => s.wallMs));

function row(label: string, ms: number, bytes: number, baselineMs: number, rss: number): string {
  const ratio = (ms / baselineMs).toFixed(2);
  return `| ${label} | ${seconds(ms)} | ${mbPerSecond(bytes, ms).toFixed(0)} | ${ratio} | ${mib(rss)} |`;
}

function packTable(bytes: number, packed: PackRun, what: string): string[] {
  const catMs = wall(packed.cat);
  const lines = [
    '| candidate | median s | MB/s | × cat | peak RSS MiB |',
    '|---|---|---|---|---|',
    row(
      `scenepacker pack ${what} (service time)`,
      median(packed.ours.map((s) => s.engineMs)),
      bytes,
      catMs,
      peak(packed.ours),
    ),
    row(
      'scenepacker pack (whole process, with Node + tsx start-up)',
      wall(packed.ours),
      bytes,
      catMs,
      peak(packed.ours),
    ),
    row('`cat input > copy` (baseline)', catMs, bytes, catMs, peak(packed.cat)),
  ];
  if (packed.sevenZip.length > 0) {
    lines.push(
      row('`7z a -v50m -mx0`', wall(packed.sevenZip), bytes, catMs, peak(packed.sevenZip)),
    );
  }
  return lines;
}

function checkTable(bytes: number, checked: { ours: Ours[]; read: Measurement[] }): string[] {
  const readMs = wall(checked.read);
  return [
    '| candidate | median s | MB/s | × read | peak RSS MiB |',
    '|---|---|---|---|---|',
    row(
      'scenepacker check (service time)',
      median(checked.ours.map((s) => s.engineMs)),
      bytes,
      readMs,
      peak(checked.ours),
    ),
    row('scenepacker check (whole process)', wall(checked.ours), bytes, readMs, peak(checked.ours)),
    row('`cat volumes > /dev/null` (baseline)', readMs, bytes, readMs, peak(checked.read)),
  ];
}

const load = (): string =>
  loadavg()
    .map((value) => value.toFixed(1))
    .join(' / ');

export async function run(): Promise<BenchSection> {
  const work = mkdtempSync(join(tmpdir(), 'scenepacker-bench-pack-'));
  const sevenZip = spawnSync('sh', ['-c', 'command -v 7z'], { stdio: 'ignore' }).status === 0;
  const loadBefore = load();
  try {
    const idle = await measureCommand(`node --import tsx -e ''`);
    const inputs = join(work, 'in');
    mkdirSync(inputs);
    const pdf = join(inputs, 'benchmark-book.pdf');
    generatePdf(pdf, PDF_BYTES);
    const ebook = await packRounds(work, 'pack-ebook', pdf, sevenZip);
    const small = generateMkv(inputs, 'Bench.Show.S01E01.mkv', GIB / 2);
    const smallBytes = statSync(small).size;
    const smallRun = await packRounds(work, 'pack-tv', small, false);
    rmSync(small);
    const large = generateMkv(inputs, 'Bench.Show.S01E01.mkv', 2 * GIB);
    const largeBytes = statSync(large).size;
    const largeRun = await packRounds(work, 'pack-tv', large, sevenZip);
    const checked = await checkRounds(work, large);
    return {
      title: 'Packing and checking releases (services/packaging: scenepacker pack, check)',
      markdown: [
        `Generated inputs (real 720p x264 MKVs from ffmpeg, a PDF), medians of ${ROUNDS} alternating rounds, \`sync\` between runs (not timed), same disk throughout. TV: profile tv-web-2020, ${largeRun.ours[0]?.volumes ?? 0} volumes of 50,000,000 bytes for the large input, --no-sample. eBOOK: profile ebook-2022, ${ebook.ours[0]?.volumes ?? 0} disks. The service time covers metadata extraction, the plan, the one-pass RAR (+ SFV + NFO, or + ZIP disks), the checker (TV: volume CRCs recorded while writing; eBOOK: every disk read back) and the publish rename.`,
        `Load average (1/5/15 min) ${loadBefore} before and ${load()} after: the machine is shared, so absolute figures are noisy.`,
        `An idle \`node --import tsx\` process peaks at ${mib(idle.peakRssBytes)} MiB RSS.`,
        '',
        `### TV: packing ${(largeBytes / GIB).toFixed(2)} GiB`,
        '',
        ...packTable(largeBytes, largeRun, 'TV'),
        '',
        `### TV: packing ${(smallBytes / GIB).toFixed(2)} GiB (peak RSS must not grow with the input)`,
        '',
        ...packTable(smallBytes, smallRun, 'TV'),
        '',
        `### eBOOK: packing a ${PDF_BYTES / 1e6} MB PDF into ZIP+DIZ disks`,
        '',
        ...packTable(PDF_BYTES, ebook, 'eBOOK'),
        '',
        `### check of the ${(largeBytes / GIB).toFixed(2)} GiB TV release (every byte read, all CRCs) against reading it once`,
        '',
        ...checkTable(largeBytes, checked),
      ].join('\n'),
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  await child(process.argv.slice(2));
}
