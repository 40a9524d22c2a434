/**
 * `scenepacker pack <input>`: one input file into a Scene release, with no server and no
 * database needed. When a local database holds provider keys for the acting user, the metadata
 * providers fill what the file lacks (flags always win; `--offline` asks none); each provider's
 * outcome is a note. `--dry-run` prints the plan and writes nothing; a progress bar is drawn on
 * a terminal (not with --json); Ctrl-C cancels and leaves nothing behind.
 */
import cliProgress from 'cli-progress';
import { Option, type Command } from 'commander';
import { RELEASE_TYPES, type ReleaseType } from '../../domain/enums.js';
import type {
  PackEvent,
  PackFlags,
  PackRequest,
  PackResult,
  PlannedText,
  PackagingService,
  PlanResult,
} from '../../services/packaging/index.js';
import type { GlobalOptions, Kit } from '../command-kit.js';
import type { CliOutput } from '../context.js';
import { emit } from '../output.js';

interface PackOptions {
  type: ReleaseType;
  group: string;
  source?: string;
  lang?: string;
  title?: string;
  author?: string;
  publisher?: string;
  year?: string;
  isbn?: string;
  url?: string;
  kind?: string;
  edition?: string;
  tag?: string[];
  show?: string;
  episode?: string;
  episodeTitle?: string;
  notes?: string;
  template?: string;
  profile?: string;
  out: string;
  dryRun?: boolean;
  force?: boolean;
  sample: boolean;
  allowNonsceneFormat?: boolean;
  offline?: boolean;
}

export function registerPackCommand(program: Command, kit: Kit): void {
  const command = program
    .command('pack <input>')
    .description('Pack one file into a Scene release (eBOOK/DOCS ZIP+DIZ disks, TV RAR+SFV+sample)')
    .addOption(
      new Option('--type <type>', 'release type').choices(RELEASE_TYPES).makeOptionMandatory(),
    )
    .requiredOption('--group <group>', 'group tag (2–32 letters, digits, underscores)')
    .option('--source <source>', 'eBOOK: RETAIL, HYBRID or SCAN; TV: WEB, WEBRip, HDTV …')
    .option('--lang <language>', 'language (ISO 639 code or name); none for English');
  addFactOptions(command);
  command
    .option('--template <file>', 'NFO template file (LiquidJS)')
    .option('--profile <id>', 'ruleset profile (see `scenepacker rules list`)')
    .option('--out <dir>', 'directory the release goes into', '.')
    .option('--dry-run', 'print the plan (names, files, volumes, NFO, DIZ) and write nothing')
    .option('--force', 'replace an existing release of the same name')
    .option('--no-sample', 'TV: make no sample (ffmpeg not needed)')
    .option('--allow-nonscene-format', 'DOCX/ODT/RTF/TXT as a non-scene iNTERNAL release')
    .option(
      '--offline',
      'ask no metadata provider (by default, the providers configured for the acting user fill what the file lacks)',
    )
    .action(async (input: string, options: PackOptions, cmd: Command) => {
      const output = kit.output(cmd);
      const request = await packRequest(kit, input, options);
      const packaging =
        options.offline === true
          ? kit.env.packaging()
          : kit.env.packaging({ as: cmd.optsWithGlobals<GlobalOptions>().as });
      if (options.dryRun === true) {
        const planned = await packaging.plan(request);
        emit(output, planJson(planned), () => describePlan(planned));
        return;
      }
      emit(output, await runPack(kit, packaging, output, request), describeResult);
    });
}

function addFactOptions(command: Command): void {
  command
    .option('--title <title>', 'title (TV: the show)')
    .option('--author <author>', 'author')
    .option('--publisher <publisher>', 'publisher')
    .option('--year <year>', 'year of publication (TV: disambiguation year)')
    .option('--isbn <isbn>', 'ISBN')
    .option('--url <url>', 'proof URL (a shop selling this format) or show page')
    .option(
      '--kind <kind>',
      'eBOOK kind: fiction, technical, magazine, comic, manga, newspaper, xxx',
    )
    .option('--edition <edition>', 'edition or version')
    .option('--tag <tag...>', 'extra tags (PROPER, READNFO, REPACK …)')
    .option('--show <show>', 'TV: the show, when the file name does not say it')
    .option('--episode <episode>', 'TV: S01E02, 1x02, E05, 2024-01-31 or "Part 2"')
    .option('--episode-title <title>', 'TV: the episode title')
    .option('--notes <text>', 'notes for the NFO');
}

async function packRequest(kit: Kit, input: string, options: PackOptions): Promise<PackRequest> {
  const flags: PackFlags = {
    type: options.type,
    group: options.group,
    source: options.source ?? null,
    language: options.lang ?? null,
    title: options.title ?? null,
    author: options.author ?? null,
    publisher: options.publisher ?? null,
    year: options.year ?? null,
    isbn: options.isbn ?? null,
    url: options.url ?? null,
    kind: options.kind ?? null,
    edition: options.edition ?? null,
    tags: options.tag ?? [],
    show: options.show ?? null,
    episode: options.episode ?? null,
    episodeTitle: options.episodeTitle ?? null,
    notes: options.notes ?? null,
  };
  return {
    input,
    flags,
    profile: options.profile ?? null,
    nfoTemplate: options.template === undefined ? null : await kit.env.readFile(options.template),
    outDir: options.out,
    force: options.force === true,
    sample: options.sample,
    allowNonSceneFormat: options.allowNonsceneFormat === true,
  };
}

async function runPack(
  kit: Kit,
  packaging: PackagingService,
  output: CliOutput,
  request: PackRequest,
) {
  const stream = output.json ? null : kit.env.progressStream();
  const progress = stream === null ? null : createProgress(stream);
  const interrupt = kit.env.interrupts();
  try {
    const result = await packaging.pack(request, {
      signal: interrupt.signal,
      onEvent: (event: PackEvent) => progress?.update(event),
    });
    return resultJson(result);
  } finally {
    progress?.stop();
    interrupt.release();
  }
}

function resultJson(result: PackResult) {
  return {
    releaseName: result.plan.releaseName,
    path: result.path,
    profile: result.plan.profile,
    files: result.files,
    errors: result.report.errors,
    warnings: result.report.warnings,
    findings: result.report.findings,
    notes: result.plan.warnings,
  };
}

function describeResult(result: ReturnType<typeof resultJson>): string {
  const bytes = result.files.reduce((sum, file) => sum + file.size, 0);
  const lines = [
    `Packed ${result.releaseName}`,
    `  into ${result.path}`,
    `  ${result.files.length} files, ${bytes.toLocaleString('en-US')} bytes; checker: ${result.errors} errors, ${result.warnings} warnings`,
    ...result.findings.map((f) => `  ${f.level}: ${f.rule} ${f.file ?? ''} ${f.message}`),
    ...result.notes.map((note) => `  note: ${note}`),
  ];
  return lines.join('\n');
}

// ---- the plan as JSON (texts, no bytes) and for people (--dry-run) ----

const text = (file: PlannedText) => ({ name: file.name, text: file.text, warnings: file.warnings });

function planJson(result: PlanResult) {
  const { plan } = result;
  return {
    target: result.target,
    exists: result.exists,
    ...plan,
    nfo: text(plan.nfo),
    ...(plan.layout === 'zip-diz'
      ? { disks: plan.disks.map((disk) => ({ ...disk, diz: text(disk.diz) })) }
      : {}),
  };
}

function describePlan(result: PlanResult): string {
  const { plan } = result;
  const volumes = plan.rar.volumes;
  const last = volumes[volumes.length - 1];
  const lines = [
    `Release  ${plan.releaseName}${plan.titleShortened ? `  (title shortened; full: ${plan.fullTitle})` : ''}`,
    `Profile  ${plan.profile.id} ${plan.profile.version}`,
    `Target   ${result.target}${result.exists ? '  (exists: --force replaces it)' : ''}`,
    `Payload  ${plan.payload.fileName} → ${plan.payload.archivedName} (${plan.payload.format}, ${plan.payload.bytes.toLocaleString('en-US')} bytes)`,
    `Volumes  ${volumes.length} x ${plan.rar.volumeSize.toLocaleString('en-US')} bytes${last === undefined ? '' : ` (last ${last.size.toLocaleString('en-US')})`}`,
    '',
    'Files',
    ...plan.files.map(
      (file) =>
        `  ${file.path}${file.size === null ? '' : `  ${file.size.toLocaleString('en-US')}`}`,
    ),
    ...layoutLines(result),
    ...(plan.warnings.length === 0 ? [] : ['', 'Notes', ...plan.warnings.map((w) => `  ${w}`)]),
    '',
    `--- ${plan.nfo.name} ---`,
    plan.nfo.text.trimEnd(),
  ];
  if (plan.layout === 'zip-diz' && plan.disks[0] !== undefined) {
    lines.push('', `--- ${plan.disks[0].diz.name} (disk 1 of ${plan.disks.length}) ---`);
    lines.push(plan.disks[0].diz.text.trimEnd());
  }
  return lines.join('\n');
}

function layoutLines(result: PlanResult): string[] {
  const { plan } = result;
  if (plan.layout === 'zip-diz') {
    return [
      '',
      'Disks',
      ...plan.disks.map((disk) => `  ${disk.name} ← ${disk.rarVolume} + ${disk.diz.name} + NFO`),
    ];
  }
  return [
    '',
    'RAR volumes',
    ...plan.rar.volumes.map((v) => `  ${v.name}  ${v.size.toLocaleString('en-US')}`),
    ...(plan.sample === null
      ? []
      : [
          `Sample   ${plan.sample.path}: ${plan.sample.durationSeconds} s from ${plan.sample.startSeconds} s`,
        ]),
  ];
}

// ---- the terminal progress bar: one bar per phase, on stderr ----

interface PackProgress {
  update(event: PackEvent): void;
  stop(): void;
}

const MB = 1_000_000;

function createProgress(stream: NodeJS.WritableStream): PackProgress {
  let bar: cliProgress.SingleBar | undefined;
  let phase = '';
  const start = (next: string, total: number): cliProgress.SingleBar => {
    bar?.stop();
    phase = next;
    const created = new cliProgress.SingleBar(
      {
        stream,
        format: `${next.padEnd(7)} [{bar}] {percentage}% | {value}/{total} MB | {file}`,
        hideCursor: true,
        clearOnComplete: false,
      },
      cliProgress.Presets.shades_classic,
    );
    created.start(total, 0, { file: '' });
    bar = created;
    return created;
  };
  return {
    update(event) {
      if (event.type !== 'progress') {
        return;
      }
      const total = Math.max(1, Math.round(event.bytesTotal / MB));
      const current = phase === event.phase && bar !== undefined ? bar : start(event.phase, total);
      current.update(Math.round(event.bytesDone / MB), { file: event.file });
    },
    stop() {
      bar?.stop();
    },
  };
}
