/**
 * The plan of an eBOOK or DOCS release (scene-rules.md §1.3): one RAR set split at an allowed
 * size, each volume in its own 8.3 ZIP disk with FILE_ID.DIZ and the NFO, the NFO also in the
 * root; no SFV, no sample, no loose copy of the book.
 */
import { renderDizSet } from '../diz/index.js';
import { ebookNfoVariables, renderNfo, type NfoVariables } from '../nfo/index.js';
import {
  buildEbookName,
  ebookReleaseFiles,
  type BuiltName,
  type EbookNameFields,
  type EbookNameInput,
} from '../release-name/index.js';
import { planRarSet } from './rar-set.js';
import { fileRules, payloadWarnings, templateWarnings, toPlannedText } from './shared.js';
import type {
  EbookPlan,
  EbookPlanRequest,
  PlannedDisk,
  PlannedFile,
  PlannedText,
  RarSetPlan,
} from './types.js';

const FORMAT_LABELS: Readonly<Record<string, string>> = { AZW3: 'KF8' };

export function planEbook(request: EbookPlanRequest): EbookPlan {
  const { profile, payload } = request;
  const format = FORMAT_LABELS[payload.format] ?? payload.format;
  const built = buildEbookName(nameInput(request, format), profile);
  const name = built.name;
  const archivedName = `${name}.${payload.extension}`;
  const probe = ebookReleaseFiles(name, profile, 1);
  const rar = planRarSet({
    profile,
    baseName: stemOf(probe.rarVolumes[0] ?? `${name.toLowerCase()}.rar`),
    archivedName,
    payloadBytes: payload.bytes,
  });
  const names = ebookReleaseFiles(name, profile, rar.volumes.length);
  const nonScene = profile.naming.nonSceneFormats.includes(format);
  const variables = nfoVariables(request, built, { format, nonScene, rar });
  const nfo = toPlannedText(
    names.nfo,
    renderNfo({ type: request.type, profile, variables, template: request.templates?.nfo ?? null }),
  );
  const dizzes = renderDizSet({
    profile,
    variables,
    total: rar.volumes.length,
    template: request.templates?.diz ?? null,
  });
  const disks: PlannedDisk[] = dizzes.map((diz, index) => ({
    name: names.disks[index] ?? '',
    rarVolume: rar.volumes[index]?.name ?? '',
    diz: toPlannedText(names.diz, diz),
  }));
  return {
    type: request.type,
    layout: 'zip-diz',
    profile: { id: profile.id, version: profile.version },
    releaseName: name,
    fullTitle: built.fullTitle,
    titleShortened: built.titleShortened,
    group: built.fields.group,
    releaseDate: request.releaseDate,
    payload: { ...payload, archivedName },
    rar,
    nfo,
    disks,
    nonScene,
    files: plannedFiles(nfo, disks),
    rules: fileRules(profile),
    warnings: warningsFor(request, { format, nonScene, nfo, disks, built }),
  };
}

interface Derived {
  format: string;
  nonScene: boolean;
  rar: RarSetPlan;
}

function nfoVariables(
  request: EbookPlanRequest,
  built: BuiltName<EbookNameFields>,
  derived: Derived,
): NfoVariables {
  const { book, payload } = request;
  return ebookNfoVariables({
    releaseName: built.name,
    group: request.group,
    releaseDate: request.releaseDate,
    title: built.fullTitle,
    author: book.author ?? null,
    publisher: book.publisher ?? null,
    year: built.fields.year ?? 0,
    publishDate: book.publishDate ?? null,
    language: book.language ?? null,
    source: built.fields.source ?? book.source,
    format: derived.format,
    kind: kindLabel(request),
    edition: stringOrNull(book.edition),
    issue: stringOrNull(book.issue),
    isbn: book.isbn ?? null,
    url: book.url ?? null,
    genre: book.genre ?? null,
    nonScene: derived.nonScene,
    payload: { fileName: payload.fileName, bytes: payload.bytes },
    disks: { count: derived.rar.volumes.length, volumeBytes: derived.rar.volumeSize },
    notes: book.notes ?? null,
  });
}

function plannedFiles(nfo: PlannedText, disks: readonly PlannedDisk[]): PlannedFile[] {
  return [
    { path: nfo.name, kind: 'nfo', size: nfo.bytes.length },
    ...disks.map((disk) => ({ path: disk.name, kind: 'zip' as const, size: null })),
  ];
}

function warningsFor(
  request: EbookPlanRequest,
  facts: {
    format: string;
    nonScene: boolean;
    nfo: PlannedText;
    disks: readonly PlannedDisk[];
    built: BuiltName<EbookNameFields>;
  },
): string[] {
  return [
    ...payloadWarnings(request.payload),
    ...(facts.nonScene
      ? [`${facts.format} is not covered by any scene ruleset: released as iNTERNAL`]
      : []),
    ...templateWarnings(request.templates, facts.nfo, facts.disks[0]?.diz),
    ...(facts.built.titleShortened
      ? ['The title was shortened to fit the name; the NFO has it whole']
      : []),
  ];
}

function nameInput(request: EbookPlanRequest, format: string): EbookNameInput {
  const { book } = request;
  return {
    kind: request.type === 'DOCS' ? 'technical' : (book.kind ?? 'fiction'),
    title: book.title,
    author: book.author ?? null,
    publisher: book.publisher ?? null,
    edition: book.edition ?? null,
    volume: book.volume ?? null,
    issue: book.issue ?? null,
    date: book.date ?? null,
    year: book.year,
    language: book.language ?? null,
    source: book.source,
    format,
    extraTags: book.extraTags ?? [],
    group: request.group,
    allowNonSceneFormat: request.allowNonSceneFormat === true,
  };
}

function kindLabel(request: EbookPlanRequest): string {
  if (request.type === 'DOCS') {
    return 'Document';
  }
  const kind = request.book.kind ?? 'fiction';
  return kind.charAt(0).toUpperCase() + kind.slice(1);
}

function stringOrNull(value: string | number | null | undefined): string | null {
  return value === null || value === undefined || value === '' ? null : String(value);
}

function stemOf(firstVolume: string): string {
  return firstVolume.replace(/\.rar$/i, '');
}
