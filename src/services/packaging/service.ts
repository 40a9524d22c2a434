/**
 * The packaging use case: plan a release from one input, pack it in one streaming pass into a
 * staging directory next to the target, check it like a site's zipscript would, and publish it
 * by one rename — or leave nothing behind. Also checks existing releases and lists rulesets.
 */
import { join } from 'node:path';
import { checkRelease, type CheckReport, type KnownArchive } from '../../core/check/index.js';
import { planRelease, type PlanRequest, type ReleasePlan } from '../../core/plan.js';
import {
  defaultProfileFor,
  getProfile,
  listProfiles,
  type RulesetProfile,
} from '../../core/rules/index.js';
import { AppError } from '../../shared/errors.js';
import type { Staging } from '../../storage/ports.js';
import { asPackError, assertRoom } from './failures.js';
import { LocalMetadataSource } from './metadata-source.js';
import { packEbook } from './pack-ebook.js';
import { packTv } from './pack-tv.js';
import { directorySource, stagedSource } from './release-source.js';
import type {
  CheckRequest,
  InputFile,
  MetadataSource,
  PackagingDeps,
  PackEvent,
  PackOptions,
  PackRequest,
  PackResult,
  PlanResult,
  ReleaseFacts,
} from './types.js';

interface Prepared extends PlanResult {
  input: InputFile;
  profile: RulesetProfile;
}

export class PackagingService {
  readonly #deps: PackagingDeps;
  readonly #metadata: MetadataSource;

  constructor(deps: PackagingDeps) {
    this.#deps = deps;
    this.#metadata = deps.metadata ?? new LocalMetadataSource(deps.extractor);
  }

  /** The plan `pack` would follow; writes nothing (`--dry-run`). Rejects like `pack` before packing. */
  async plan(request: PackRequest, signal?: AbortSignal): Promise<PlanResult> {
    const { plan, target, exists } = await this.#prepare(request, signal);
    return { plan, target, exists };
  }

  /**
   * Packs, checks and publishes the release. Rejects with `release.exists` (no --force),
   * `release.check_failed` (details.findings), `release.cancelled`, `release.disk_full`,
   * `release.sample_tool_missing`, the input and naming codes of `plan`, and leaves no file.
   */
  async pack(request: PackRequest, options: PackOptions = {}): Promise<PackResult> {
    const emit = options.onEvent ?? (() => undefined);
    const prepared = await this.#prepare(request, options.signal);
    emit({ type: 'planned', plan: prepared.plan, target: prepared.target });
    await assertRoom(this.#deps.workspace, request.outDir, prepared.plan);
    let staging: Staging | undefined;
    try {
      staging = await this.#deps.workspace.stage(request.outDir, prepared.plan.releaseName, {
        overwrite: request.force === true,
      });
      const known = await this.#write(prepared, staging, options.signal, emit);
      const report = await this.#checkStaged(
        prepared,
        staging,
        request,
        known,
        options.signal,
        emit,
      );
      const files = (await staging.list()).filter((entry) => entry.kind === 'file');
      const path = await staging.publish();
      emit({ type: 'published', path });
      return { plan: prepared.plan, path, files, report };
    } catch (error) {
      await staging?.discard();
      throw asPackError(error, options.signal);
    }
  }

  /** Checks the release directory `dir`; any finding is an answer, not a failure. */
  async check(request: CheckRequest, signal?: AbortSignal): Promise<CheckReport> {
    const source = await directorySource(this.#deps.workspace, request.dir);
    const profile =
      request.profile === null || request.profile === undefined
        ? undefined
        : getProfile(request.profile);
    return checkRelease(source, {
      ...(profile === undefined ? {} : { profile }),
      probeDuration: (path) => this.#deps.media.probeDuration(join(request.dir, path), signal),
      ...(signal === undefined ? {} : { signal }),
    });
  }

  listRules(): readonly RulesetProfile[] {
    return listProfiles();
  }

  /** The profile with this id; `resource.not_found` when there is none. */
  showRules(id: string): RulesetProfile {
    return getProfile(id);
  }

  async #prepare(request: PackRequest, signal?: AbortSignal): Promise<Prepared> {
    if (signal?.aborted === true) {
      throw asPackError(signal.reason, signal);
    }
    const input = await this.#inputFile(request.input);
    const profile = this.#profileFor(request);
    const facts = await this.#metadata.describe(input, request.flags, signal);
    const wantsSample = request.flags.type === 'TV' && request.sample !== false;
    if (wantsSample && !(await this.#deps.media.available())) {
      throw new AppError(
        'release.sample_tool_missing',
        'ffmpeg is needed to cut the TV sample: install it, or pack with --no-sample',
      );
    }
    const plan = planRelease(this.#planRequest(request, profile, facts, wantsSample));
    plan.warnings.unshift(...facts.warnings);
    const target = join(request.outDir, plan.releaseName);
    const exists = (await this.#deps.workspace.stat(target)) !== null;
    return { plan, target, exists, input, profile };
  }

  async #inputFile(path: string): Promise<InputFile> {
    const info = await this.#deps.workspace.stat(path);
    const name = path.split(/[\\/]/).pop() ?? path;
    if (info?.kind !== 'file') {
      const why = info === null ? 'it does not exist' : 'it is not a regular file';
      throw new AppError('release.input_unreadable', `"${path}" cannot be packed: ${why}`);
    }
    if (info.size === 0) {
      throw new AppError('release.input_empty', `"${path}" is empty`);
    }
    return { path, name, info };
  }

  #profileFor(request: PackRequest): RulesetProfile {
    const type = request.flags.type;
    const profile =
      request.profile === null || request.profile === undefined
        ? defaultProfileFor(type)
        : getProfile(request.profile);
    if (!profile.releaseTypes.includes(type)) {
      throw new AppError(
        'release.format_not_allowed',
        `Profile ${profile.id} is for ${profile.releaseTypes.join('/')} releases, not ${type}`,
      );
    }
    return profile;
  }

  #planRequest(
    request: PackRequest,
    profile: RulesetProfile,
    facts: ReleaseFacts,
    sample: boolean,
  ): PlanRequest {
    const base = {
      group: request.flags.group,
      releaseDate: this.#deps.clock.now().toISOString().slice(0, 10),
      payload: facts.payload,
      templates: { nfo: request.nfoTemplate ?? null },
    };
    if (profile.family === 'tv' && facts.episode !== undefined && facts.video !== undefined) {
      return { ...base, type: 'TV', profile, episode: facts.episode, video: facts.video, sample };
    }
    if (profile.family === 'ebook' && facts.book !== undefined && request.flags.type !== 'TV') {
      return {
        ...base,
        type: request.flags.type,
        profile,
        book: facts.book,
        allowNonSceneFormat: request.allowNonSceneFormat === true,
      };
    }
    throw new AppError('internal.unexpected', 'The facts do not fit the release type');
  }

  async #write(
    prepared: Prepared,
    staging: Staging,
    signal: AbortSignal | undefined,
    emit: (event: PackEvent) => void,
  ): Promise<KnownArchive | undefined> {
    const common = {
      input: prepared.input.path,
      mtime: this.#deps.clock.now(),
      staging,
      workspace: this.#deps.workspace,
      signal,
      emit,
    };
    const { plan } = prepared;
    if (plan.layout === 'rar-sfv') {
      const lineEnding = prepared.profile.nfo.lineEnding;
      return packTv({ ...common, plan, media: this.#deps.media, lineEnding });
    }
    await packEbook({ ...common, plan });
    return undefined;
  }

  async #checkStaged(
    prepared: Prepared,
    staging: Staging,
    request: PackRequest,
    known: KnownArchive | undefined,
    signal: AbortSignal | undefined,
    emit: (event: PackEvent) => void,
  ): Promise<CheckReport> {
    const source = await stagedSource(staging, prepared.plan.releaseName);
    emit({ type: 'progress', phase: 'check', bytesDone: 0, bytesTotal: 1, file: '' });
    // TV volumes were hashed as they were written: re-reading gigabytes would prove no more.
    const report = await checkRelease(source, {
      profile: prepared.profile,
      ...(known === undefined ? {} : { knownArchive: known }),
      sampleSkipped: request.sample === false,
      probeDuration: (path) => this.#deps.media.probeDuration(staging.pathOf(path), signal),
      ...(signal === undefined ? {} : { signal }),
      onProgress: (p) => {
        emit({ type: 'progress', phase: 'check', ...p });
      },
    });
    if (!report.ok) {
      throw new AppError(
        'release.check_failed',
        `The release fails ${report.errors} check(s): ${firstErrors(report)}`,
        { details: { findings: report.findings } },
      );
    }
    return report;
  }
}

function firstErrors(report: CheckReport): string {
  return report.findings
    .filter((f) => f.level === 'error')
    .slice(0, 3)
    .map((f) => `${f.rule} (${f.message})`)
    .join('; ');
}

export type { ReleasePlan };
