/**
 * Field-by-field merge with provenance (pure). For each field the user's value wins; otherwise
 * the first source in priority order that has a value. Lower-priority values are kept beside the
 * winner — as `agreeing` sources when equal, as `rejected` values when different — so the NFO
 * preview can show why a value was chosen and what else was on offer.
 */
import type {
  FieldProvenance,
  MergeCandidate,
  MergeInput,
  MergeResult,
  MetadataSource,
  Provenance,
} from './ports.js';

/** A present value: a string, number, boolean or list of strings. */
type Value = string | number | boolean | object;

interface Offer {
  source: MetadataSource;
  value: Value;
}

export function mergeMetadata<F extends object>(input: MergeInput<F>): MergeResult<F> {
  const fields: Record<string, Value> = {};
  const provenance: Record<string, FieldProvenance<Value>> = {};
  for (const field of fieldNames(input)) {
    const merged = mergeField(field, input);
    if (merged) {
      fields[field] = copy(merged.value);
      provenance[field] = merged;
    }
  }
  return { fields: fields as F, provenance: provenance as Provenance<F> };
}

function fieldNames<F extends object>(input: MergeInput<F>): string[] {
  const all = [input.user, ...input.candidates.map((c) => c.fields), input.fallback?.fields];
  return [...new Set(all.flatMap((fields) => (fields ? Object.keys(fields) : [])))];
}

function mergeField<F extends object>(
  field: string,
  input: MergeInput<F>,
): FieldProvenance<Value> | undefined {
  const offers = offersFor(field, input);
  const [winner, ...others] = offers;
  if (!winner) {
    return undefined;
  }
  const agreeing = others.filter((o) => sameValue(o.value, winner.value)).map((o) => o.source);
  const rejected = others
    .filter((o) => !sameValue(o.value, winner.value))
    .map((o) => ({ source: o.source, value: copy(o.value) }));
  return { value: copy(winner.value), source: winner.source, agreeing, rejected };
}

/** Every present value of the field, best first: user, ranked candidates, then the fallback. */
function offersFor<F extends object>(field: string, input: MergeInput<F>): Offer[] {
  const order = rankOrder(field, input);
  const ranked = [...input.candidates]
    .map((candidate, index) => ({ candidate, rank: order(candidate, index) }))
    .sort((a, b) => a.rank - b.rank)
    .map(({ candidate }) => ({ source: candidate.source, fields: candidate.fields }));
  const all = [
    ...(input.user ? [{ source: 'user' as const, fields: input.user }] : []),
    ...ranked,
    ...(input.fallback ? [input.fallback] : []),
  ];
  return all.flatMap(({ source, fields }) => {
    const value = presentValue((fields as Record<string, unknown>)[field]);
    return value === undefined ? [] : [{ source, value }];
  });
}

/** Listed sources by their position; unlisted ones after them, keeping candidate order. */
function rankOrder<F extends object>(
  field: string,
  input: MergeInput<F>,
): (candidate: MergeCandidate<F>, index: number) => number {
  const perField = input.fieldPriority as Record<string, readonly MetadataSource[]> | undefined;
  const priority = perField?.[field] ?? input.priority;
  return (candidate, index) => {
    const position = priority.indexOf(candidate.source);
    return position === -1 ? priority.length + index : position;
  };
}

/** The value when it says something: not null/undefined, not blank, not an empty list, not NaN. */
function presentValue(value: unknown): Value | undefined {
  if (value === undefined || value === null) {
    return undefined;
  }
  if (typeof value === 'string' && value.trim() === '') {
    return undefined;
  }
  if (typeof value === 'number' && Number.isNaN(value)) {
    return undefined;
  }
  if (Array.isArray(value) && value.length === 0) {
    return undefined;
  }
  return value;
}

/** Equal for a reader: strings by case and spacing, lists as sets of such strings. */
function sameValue(a: Value, b: Value): boolean {
  if (Array.isArray(a) && Array.isArray(b)) {
    const left = [...new Set(a.map(normalise))].sort();
    const right = [...new Set(b.map(normalise))].sort();
    return left.length === right.length && left.every((item, i) => item === right[i]);
  }
  return normalise(a) === normalise(b);
}

function normalise(value: unknown): string {
  return typeof value === 'string'
    ? value.trim().replace(/\s+/g, ' ').toLowerCase()
    : JSON.stringify(value);
}

/** Lists are copied so that callers editing the result never edit a source's record. */
function copy(value: Value): Value {
  return Array.isArray(value) ? [...(value as unknown[])] : value;
}
