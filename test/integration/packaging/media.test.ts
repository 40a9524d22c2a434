/** The ffmpeg adapter on real files: a 50–70 s stream-copy sample, durations, and its errors. */
import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FfmpegMediaTool } from '../../../src/media/ffmpeg.js';
import { hasTool } from '../../support/tools.js';
import { tempDir } from '../core/support.js';
import { makeMkv } from './media-files.js';

const tools = hasTool('ffmpeg') && hasTool('ffprobe');

async function failure(promise: Promise<unknown>): Promise<{ code?: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    return error as { code?: string; message: string };
  }
  throw new Error('expected a rejection');
}

describe.skipIf(!tools)('FfmpegMediaTool', () => {
  const media = new FfmpegMediaTool();
  const dir = tempDir('media');
  let episode: string;

  beforeAll(() => {
    episode = makeMkv(dir.path, 'episode', { seconds: 100, padBytes: 3_000_000 });
  });
  afterAll(() => {
    dir.remove();
  });

  it('is available, and measures a video', async () => {
    expect(await media.available()).toBe(true);
    const seconds = await media.probeDuration(episode);
    expect(seconds).toBeGreaterThan(99);
    expect(seconds).toBeLessThan(101);
  });

  it('cuts 60 s by stream copy, without the attachment and never the whole episode', async () => {
    const output = join(dir.path, 'sample.mkv');
    await media.cutSample({ input: episode, output, startSeconds: 40, durationSeconds: 60 });
    const seconds = (await media.probeDuration(output)) ?? 0;
    expect(seconds).toBeGreaterThanOrEqual(50);
    expect(seconds).toBeLessThanOrEqual(70);
    expect(statSync(output).size).toBeLessThan(statSync(episode).size / 2);
  });

  it('says what is missing, cancelled or unreadable', async () => {
    const missing = new FfmpegMediaTool({ ffmpeg: 'no-such-ffmpeg', ffprobe: 'no-such-ffprobe' });
    expect(await missing.available()).toBe(false);
    const output = join(dir.path, 'x.mkv');
    const request = { input: episode, output, startSeconds: 0, durationSeconds: 60 };
    expect((await failure(missing.cutSample(request))).code).toBe('release.sample_tool_missing');
    expect(await missing.probeDuration(episode)).toBeNull();
    const aborted = AbortSignal.abort();
    const cancel = await failure(media.cutSample({ ...request, signal: aborted }));
    expect(cancel.code).toBe('release.cancelled');
    const junk = join(dir.path, 'junk.mkv');
    writeFileSync(junk, 'not a video at all');
    const bad = await failure(media.cutSample({ ...request, input: junk }));
    expect(bad.code).toBe('release.input_unreadable');
    expect(await media.probeDuration(junk)).toBeNull();
  });
});
