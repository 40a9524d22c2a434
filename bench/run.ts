/**
 * `npm run bench`: runs every `bench/*.bench.ts` (or those named on the command line) and writes
 * docs/BENCHMARKS.md with each section's method, medians, ratios against its baseline and peak RSS.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { arch, cpus, totalmem } from 'node:os';
import type { BenchSection } from './harness.js';

const only = process.argv.slice(2);
const files = readdirSync(new URL('.', import.meta.url))
  .filter((file) => file.endsWith('.bench.ts'))
  .filter((file) => only.length === 0 || only.some((name) => file.startsWith(name)))
  .sort();

const sections: BenchSection[] = [];
for (const file of files) {
  console.log(`bench: ${file}`);
  const module = (await import(`./${file}`)) as { run: () => Promise<BenchSection> };
  sections.push(await module.run());
}

const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'} (${arch()}), ${Math.round(totalmem() / 1024 ** 3)} GiB RAM, Node ${process.version}`;
const body = [
  '# Benchmarks',
  '',
  `Written by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)} — ${machine}.`,
  'Every figure is a median of alternating runs measured in the same run as its baseline;',
  'ratios below 1.0 mean faster than the baseline. Timings are never asserted in tests.',
  '',
  ...sections.flatMap((section) => [`## ${section.title}`, '', section.markdown.trim(), '']),
].join('\n');
writeFileSync(new URL('../docs/BENCHMARKS.md', import.meta.url), body);
console.log(body);
