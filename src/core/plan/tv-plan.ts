/**
 * The plan of a TV release (scene-rules.md §2.5): RAR volumes of the profile's size with the
 * step-up rule, one SFV, one NFO, and a 50–70 s sample cut from the middle of the episode into
 * `Sample/`. File names are lowercase and carry the group tag.
 */
import { AppError, validationError } from '../../shared/errors.js';
import { renderNfo, tvNfoVariables, type NfoVariables } from '../nfo/index.js';
import {
  buildTvName,
  tvReleaseFiles,
  type BuiltName,
  type TvEpisode,
  type TvNameFields,
  type TvNameInput,
} from '../release-name/index.js';
import type { TvProfile } from '../rules/index.js';
import { planRarSet } from './rar-set.js';
import { fileRules, payloadWarnings, templateWarnings, toPlannedText } from './shared.js';
import type {
  PlannedFile,
  PlannedText,
  RarSetPlan,
  SamplePlan,
  TvPlan,
  TvPlanRequest,
  VideoFacts,
} from './types.js';

/** Where the sample starts, as a share of the episode: past the cold open, before the end. */
const SAMPLE_POSITION = 0.4;

export function planTv(request: TvPlanRequest): TvPlan {
  const { profile, video, payload } = request;
  assertContainer(profile, payload.format);
  const built = buildTvName(nameInput(request), profile);
  const name = built.name;
  const archivedName = `${name}.${payload.extension}`;
  const probe = tvReleaseFiles(name, profile, 1);
  const rar = planRarSet({
    profile,
    baseName: probe.rarVolumes[0]?.replace(/\.rar$/, '') ?? name.toLowerCase(),
    archivedName,
    payloadBytes: payload.bytes,
    standardDefinition: built.fields.resolution === null,
  });
  const names = tvReleaseFiles(name, profile, rar.volumes.length, 'mkv');
  const sample = request.sample
    ? planSample(profile, video, `${names.sampleDir}/${names.sample}`)
    : null;
  const nfo = toPlannedText(
    names.nfo,
    renderNfo({
      type: 'TV',
      profile,
      variables: nfoVariables(request, built, rar),
      template: request.templates?.nfo ?? null,
    }),
  );
  return {
    type: 'TV',
    layout: 'rar-sfv',
    profile: { id: profile.id, version: profile.version },
    releaseName: name,
    fullTitle: built.fullTitle,
    titleShortened: built.titleShortened,
    group: built.fields.group,
    releaseDate: request.releaseDate,
    payload: { ...payload, archivedName },
    rar,
    nfo,
    sfvName: names.sfv,
    sample,
    files: plannedFiles(nfo, names.sfv, rar, sample),
    rules: fileRules(profile),
    warnings: [
      ...payloadWarnings(payload),
      ...templateWarnings(request.templates, nfo),
      ...(sample === null ? ['No sample (--no-sample): the release lacks Sample/'] : []),
    ],
  };
}

function nameInput(request: TvPlanRequest): TvNameInput {
  const { episode, video } = request;
  return {
    show: episode.show,
    country: episode.country ?? null,
    year: episode.year ?? null,
    episode: episode.episode,
    episodeTitle: episode.episodeTitle ?? null,
    tags: episode.tags ?? [],
    language: episode.language ?? null,
    source: episode.source ?? null,
    media: {
      width: video.width,
      height: video.height,
      videoCodec: video.videoCodec,
      writingLibrary: video.writingLibrary ?? null,
    },
    group: request.group,
  };
}

function nfoVariables(
  request: TvPlanRequest,
  built: BuiltName<TvNameFields>,
  rar: RarSetPlan,
): NfoVariables {
  const { episode, video } = request;
  return tvNfoVariables({
    releaseName: built.name,
    group: built.fields.group,
    releaseDate: request.releaseDate,
    show: episode.show,
    ...episodeNumbers(episode.episode),
    episodeTitle: built.fullTitle === '' ? null : built.fullTitle,
    airDate: episode.episode.kind === 'daily' ? episode.episode.date : null,
    url: episode.url ?? null,
    runtimeSeconds: video.durationSeconds,
    video: {
      codec: codecLabel(video),
      width: video.width,
      height: video.height,
      fps: video.fps,
      bitrateKbps: video.bitrateKbps ?? null,
      transcoded: built.fields.source.toUpperCase() === 'WEBRIP',
    },
    audio: video.audio,
    subtitles: video.subtitles,
    totalBytes: request.payload.bytes,
    volumes: { count: rar.volumes.length, volumeBytes: rar.volumeSize },
    notes: episode.notes ?? null,
  });
}

function plannedFiles(
  nfo: PlannedText,
  sfv: string,
  rar: RarSetPlan,
  sample: SamplePlan | null,
): PlannedFile[] {
  return [
    { path: nfo.name, kind: 'nfo', size: nfo.bytes.length },
    { path: sfv, kind: 'sfv', size: null },
    ...rar.volumes.map((v) => ({ path: v.name, kind: 'rar' as const, size: v.size })),
    ...(sample === null ? [] : [{ path: sample.path, kind: 'sample' as const, size: null }]),
  ];
}

function assertContainer(profile: TvProfile, format: string): void {
  const allowed = profile.sample.containers.map((c) => c.toUpperCase());
  if (!allowed.includes(format.toUpperCase())) {
    throw new AppError(
      'release.format_not_allowed',
      `${profile.id} releases hold ${allowed.join('/')} video; this file is ${format} (remux it first, e.g. ffmpeg -i in -c copy out.mkv)`,
      { details: { format, allowed } },
    );
  }
}

/** A 50–70 s window (the middle of the allowed range) starting 40 % into the episode. */
function planSample(profile: TvProfile, video: VideoFacts, path: string): SamplePlan {
  const { minSeconds, maxSeconds } = profile.sample;
  const duration = Math.min((minSeconds + maxSeconds) / 2, video.durationSeconds);
  if (!(duration >= minSeconds)) {
    throw validationError(
      [
        {
          path: 'sample',
          message: `The episode runs ${video.durationSeconds} s; a ${minSeconds}–${maxSeconds} s sample cannot be cut from it (use --no-sample)`,
        },
      ],
      'The episode is too short for a sample',
    );
  }
  const latest = video.durationSeconds - duration;
  const startSeconds = Math.floor(Math.min(latest, video.durationSeconds * SAMPLE_POSITION));
  return { path, startSeconds, durationSeconds: duration };
}

function episodeNumbers(episode: TvEpisode): { season: number | null; episode: number | null } {
  if (episode.kind === 'episode') {
    return { season: episode.season, episode: episode.episodes[0] ?? null };
  }
  if (episode.kind === 'special') {
    return { season: episode.season, episode: 0 };
  }
  return { season: null, episode: null };
}

/** The encoder when the stream names one, else the codec as people say it. */
function codecLabel(video: VideoFacts): string {
  if (video.writingLibrary !== null && video.writingLibrary !== undefined) {
    return video.writingLibrary;
  }
  const names: Readonly<Record<string, string>> = { AVC: 'H.264', HEVC: 'H.265' };
  return names[video.videoCodec] ?? video.videoCodec;
}
