/**
 * Inputs the packaging tests make on the spot: a real MKV from ffmpeg (tiny x264 video with
 * one-second key frames, AAC audio, optional bulk as a Matroska attachment so a release spans
 * several 50 MB volumes cheaply), and a real PDF with metadata and an optional filler stream.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface MkvOptions {
  seconds: number;
  /** Bytes of filler attached to the file (not a stream: samples never copy it). */
  padBytes?: number;
  title?: string;
}

export function makeMkv(dir: string, name: string, options: MkvOptions): string {
  const clip = join(dir, `${name}.clip.mkv`);
  ffmpeg([
    ...['-f', 'lavfi', '-i', `testsrc=size=160x90:rate=10`],
    ...['-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=48000'],
    ...['-t', String(options.seconds), '-pix_fmt', 'yuv420p'],
    ...['-c:v', 'libx264', '-preset', 'ultrafast', '-g', '10', '-c:a', 'aac', '-ac', '2'],
    ...(options.title === undefined ? [] : ['-metadata', `title=${options.title}`]),
    clip,
  ]);
  if (options.padBytes === undefined) {
    return clip;
  }
  const pad = join(dir, `${name}.pad.bin`);
  writeFileSync(pad, randomBytes(options.padBytes));
  const out = join(dir, `${name}.mkv`);
  ffmpeg(
    ['-i', clip, '-map', '0', '-c', 'copy', '-attach', pad].concat([
      '-metadata:s:t',
      'mimetype=application/octet-stream',
      out,
    ]),
  );
  return out;
}

function ffmpeg(args: string[]): void {
  const ran = spawnSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', ...args], {
    encoding: 'utf8',
  });
  if (ran.status !== 0) {
    throw new Error(`ffmpeg failed: ${ran.stderr}`);
  }
}

export interface PdfOptions {
  title: string;
  author: string;
  /** Year of the creation date; null for a PDF without one. */
  year: number | null;
  /** Bytes of an unused filler stream, to make the file as large as a test needs. */
  padBytes?: number;
}

/** A one-page PDF 1.4 with an Info dictionary; offsets in the xref table are exact. */
export function makePdf(path: string, options: PdfOptions): Buffer {
  const filler = randomBytes(options.padBytes ?? 0);
  const objects: Buffer[] = [
    Buffer.from('<< /Type /Catalog /Pages 2 0 R >>'),
    Buffer.from('<< /Type /Pages /Kids [3 0 R] /Count 1 >>'),
    Buffer.from('<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R >>'),
    streamObject(Buffer.from('BT /F1 12 Tf 20 100 Td (Hello) Tj ET')),
    Buffer.from(
      `<< /Title (${options.title}) /Author (${options.author})${options.year === null ? '' : ` /CreationDate (D:${options.year}0102030405Z)`} >>`,
    ),
    streamObject(filler),
  ];
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  const offsets: number[] = [];
  let length = parts[0]!.length;
  objects.forEach((body, index) => {
    offsets.push(length);
    const piece = Buffer.concat([
      Buffer.from(`${index + 1} 0 obj\n`),
      body,
      Buffer.from('\nendobj\n'),
    ]);
    parts.push(piece);
    length += piece.length;
  });
  const xref = [
    'xref',
    `0 ${objects.length + 1}`,
    '0000000000 65535 f ',
    ...offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n `),
    'trailer',
    `<< /Size ${objects.length + 1} /Root 1 0 R /Info 5 0 R >>`,
    'startxref',
    String(length),
    '%%EOF',
    '',
  ].join('\n');
  const bytes = Buffer.concat([...parts, Buffer.from(xref)]);
  writeFileSync(path, bytes);
  return bytes;
}

function streamObject(data: Buffer): Buffer {
  return Buffer.concat([
    Buffer.from(`<< /Length ${data.length} >>\nstream\n`),
    data,
    Buffer.from('\nendstream'),
  ]);
}
