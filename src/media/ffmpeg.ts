/**
 * `FfmpegMediaTool`: samples by `ffmpeg -c copy` (stream copy, no re-encode) and durations by
 * `ffprobe`, both run as child processes with an argument list (no shell).
 */
import { spawn } from 'node:child_process';
import { AppError } from '../shared/errors.js';
import type { MediaTool, SampleCut } from './ports.js';

export interface FfmpegOptions {
  ffmpeg?: string;
  ffprobe?: string;
}

interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Keeps the end of a program's output: the lines that say what went wrong. */
const KEEP_CHARS = 4000;

export class FfmpegMediaTool implements MediaTool {
  readonly #ffmpeg: string;
  readonly #ffprobe: string;

  constructor(options: FfmpegOptions = {}) {
    this.#ffmpeg = options.ffmpeg ?? 'ffmpeg';
    this.#ffprobe = options.ffprobe ?? 'ffprobe';
  }

  async available(): Promise<boolean> {
    try {
      return (await run(this.#ffmpeg, ['-hide_banner', '-version'])).code === 0;
    } catch {
      return false;
    }
  }

  async cutSample(request: SampleCut): Promise<void> {
    const args = [
      '-hide_banner',
      '-nostdin',
      '-loglevel',
      'error',
      '-ss',
      String(request.startSeconds),
      '-i',
      request.input,
      '-t',
      String(request.durationSeconds),
      // Video, audio and subtitles only: attachments and data streams stay out of a sample.
      '-map',
      '0:v',
      '-map',
      '0:a?',
      '-map',
      '0:s?',
      '-c',
      'copy',
      '-avoid_negative_ts',
      'make_zero',
      '-f',
      'matroska',
      '-y',
      request.output,
    ];
    const ran = await this.#run(this.#ffmpeg, args, request.signal);
    if (ran.code !== 0) {
      throw new AppError(
        'release.input_unreadable',
        `ffmpeg could not cut a sample from "${request.input}": ${lastLines(ran.stderr)}`,
        { details: { exitCode: ran.code } },
      );
    }
  }

  async probeDuration(path: string, signal?: AbortSignal): Promise<number | null> {
    const args = ['-v', 'error', '-show_entries', 'format=duration', '-of', 'csv=p=0', path];
    let ran: Ran;
    try {
      ran = await this.#run(this.#ffprobe, args, signal);
    } catch (error) {
      if (error instanceof AppError && error.code === 'release.cancelled') {
        throw error;
      }
      return null;
    }
    const seconds = Number.parseFloat(ran.stdout.trim());
    return ran.code === 0 && Number.isFinite(seconds) ? seconds : null;
  }

  async #run(program: string, args: string[], signal?: AbortSignal): Promise<Ran> {
    try {
      return await run(program, args, signal);
    } catch (error) {
      if (signal?.aborted === true) {
        throw new AppError('release.cancelled', 'The operation was cancelled', { cause: error });
      }
      if ((error as { code?: unknown }).code === 'ENOENT') {
        throw new AppError(
          'release.sample_tool_missing',
          `"${program}" is not installed: install ffmpeg, or pack with --no-sample`,
          { details: { program }, cause: error },
        );
      }
      throw error;
    }
  }
}

function run(program: string, args: string[], signal?: AbortSignal): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(signal === undefined ? {} : { signal }),
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout = (stdout + chunk.toString()).slice(-KEEP_CHARS);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-KEEP_CHARS);
    });
    child.on('error', reject);
    child.on('close', (code) => {
      resolve({ code, stdout, stderr });
    });
  });
}

function lastLines(text: string): string {
  const lines = text.trim().split('\n').slice(-3).join(' / ');
  return lines === '' ? 'no message' : lines;
}
