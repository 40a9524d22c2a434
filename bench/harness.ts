/**
 * Shared measuring tools for `npm run bench`. Each `bench/*.bench.ts` module exports
 * `run(): Promise<BenchSection>`; `bench/run.ts` runs them and writes docs/BENCHMARKS.md.
 * Timings are medians of alternating runs measured in the same process run, always reported
 * next to a baseline measured the same way (ARCHITECTURE.md §7).
 */
import { spawn } from 'node:child_process';

export interface BenchSection {
  title: string;
  /** Markdown body: method, table of medians, ratios, peak RSS. */
  markdown: string;
}

export interface Measurement {
  wallMs: number;
  /** Peak resident set size of the measured process, in bytes (from /usr/bin/time or process.resourceUsage). */
  peakRssBytes: number;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Runs a shell command under GNU time (when present) and returns wall time and peak RSS. */
export async function measureCommand(
  command: string,
  options: { cwd?: string } = {},
): Promise<Measurement> {
  const started = process.hrtime.bigint();
  const stderr = await new Promise<string>((resolve, reject) => {
    const child = spawn('/usr/bin/time', ['-f', 'MAXRSS %M', 'sh', '-c', command], {
      cwd: options.cwd,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let text = '';
    child.stderr.on('data', (chunk: Buffer) => {
      text += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) {
        resolve(text);
      } else {
        reject(new Error(`"${command}" exited with ${String(code)}: ${text}`));
      }
    });
  });
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  const rssKb = Number(/MAXRSS (\d+)/.exec(stderr)?.[1] ?? 0);
  return { wallMs, peakRssBytes: rssKb * 1024 };
}

/** Alternates the candidates `rounds` times so drift in the machine affects each alike. */
export async function alternate(
  candidates: Record<string, () => Promise<Measurement>>,
  rounds: number,
  beforeEach?: () => Promise<void>,
): Promise<Record<string, Measurement[]>> {
  const results: Record<string, Measurement[]> = Object.fromEntries(
    Object.keys(candidates).map((name) => [name, []]),
  );
  for (let round = 0; round < rounds; round += 1) {
    for (const [name, measure] of Object.entries(candidates)) {
      await beforeEach?.();
      results[name]!.push(await measure());
    }
  }
  return results;
}

export function mbPerSecond(bytes: number, wallMs: number): number {
  return bytes / 1e6 / (wallMs / 1000);
}
