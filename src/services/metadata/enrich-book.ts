/**
 * Book lookups in the documented order (peer-v1 §6 item 15): by pinned id or ISBN first —
 * OpenLibrary and Google Books side by side — and only when neither found anything, a title
 * (and author) search. A provider that could not be asked by ISBN (down, refused, rate-limited)
 * is not asked again by title: it would fail the same way. Documents are looked up by ISBN or pin
 * only, since a title search for a manual or a report finds unrelated books.
 */
import type {
  BookFields,
  BookProvider,
  BookProviderName,
  BookQuery,
  MergeCandidate,
} from '../../metadata/ports.js';
import { callProvider, skipReason, skipped, type CallResult } from './provider-call.js';
import type { BookEnrichRequest, EnrichDeps, PinScheme, ProviderStatus } from './types.js';

const BOOK_PROVIDERS: readonly BookProviderName[] = ['openlibrary', 'googlebooks'];
const OWN_PIN: Record<BookProviderName, PinScheme> = { openlibrary: 'olid', googlebooks: 'gbid' };

export interface Lookups<F> {
  candidates: MergeCandidate<F>[];
  statuses: ProviderStatus[];
}

interface Ready {
  name: BookProviderName;
  provider: BookProvider;
}

export async function lookUpBook(
  deps: EnrichDeps,
  request: BookEnrichRequest,
): Promise<Lookups<BookFields>> {
  const statuses: ProviderStatus[] = [];
  const ready = BOOK_PROVIDERS.flatMap((name): Ready[] => {
    const provider = deps.providers[name];
    const reason = skipReason(provider, request.settings[name], request.offline ?? false);
    if (reason !== undefined || provider === undefined) {
      statuses.push(skipped(name, reason ?? 'not available'));
      return [];
    }
    return [{ name, provider }];
  });
  const first = await Promise.all(ready.map((entry) => byIdOrIsbn(deps, request, entry)));
  const foundFirst = first.some((result) => result?.found !== undefined);
  const second = await Promise.all(
    ready.map((entry, index) => afterFirst(deps, request, entry, first[index], foundFirst)),
  );
  const results = [...first, ...second].filter((result) => result !== undefined);
  return {
    statuses: [...statuses, ...results.map((result) => result.status)],
    candidates: results.flatMap((result) =>
      result.found ? [{ source: result.status.provider, fields: result.found }] : [],
    ),
  };
}

function byIdOrIsbn(deps: EnrichDeps, request: BookEnrichRequest, { name, provider }: Ready) {
  const settings = request.settings[name] ?? {};
  const pinned = pinOf(request, OWN_PIN[name]);
  if (pinned !== undefined) {
    return callProvider(deps.clock, name, 'id', request.signal, () =>
      provider.byId(pinned, settings, request.signal),
    );
  }
  const isbn = pinOf(request, 'isbn') ?? request.user?.isbn ?? request.file?.isbn;
  if (isbn === undefined) {
    return Promise.resolve(undefined);
  }
  return callProvider(deps.clock, name, 'isbn', request.signal, () =>
    provider.byIsbn(isbn, settings, request.signal),
  );
}

/** The title search, a skipped status, or nothing when the first lookup said it all. */
function afterFirst(
  deps: EnrichDeps,
  request: BookEnrichRequest,
  entry: Ready,
  first: CallResult<BookFields> | undefined,
  foundFirst: boolean,
): Promise<CallResult<BookFields> | undefined> {
  const settled = first !== undefined && first.status.outcome !== 'not_found';
  if (settled || pinOf(request, OWN_PIN[entry.name]) !== undefined) {
    return Promise.resolve(undefined);
  }
  const reason = noSearchReason(request, foundFirst);
  if (reason === undefined) {
    return byTitle(deps, request, entry);
  }
  // A provider already asked by ISBN has its status; one never asked gets the reason.
  return Promise.resolve(first ? undefined : { status: skipped(entry.name, reason) });
}

function noSearchReason(request: BookEnrichRequest, foundFirst: boolean): string | undefined {
  if (foundFirst) {
    return 'the ISBN or pinned-id lookup found the book: no title search';
  }
  if (request.type === 'DOCS') {
    return 'documents are looked up by ISBN or pinned id only';
  }
  return titleQuery(request) === undefined
    ? 'nothing to look up: no ISBN, pinned id or title'
    : undefined;
}

function byTitle(deps: EnrichDeps, request: BookEnrichRequest, { name, provider }: Ready) {
  const query = titleQuery(request);
  if (query === undefined) {
    return Promise.resolve(undefined);
  }
  const settings = request.settings[name] ?? {};
  return callProvider(deps.clock, name, 'title', request.signal, () =>
    provider.search(query, settings, request.signal),
  );
}

function titleQuery(request: BookEnrichRequest): BookQuery | undefined {
  const title = (request.user?.title ?? request.file?.title ?? request.fileFallback?.title)?.trim();
  if (title === undefined || title === '') {
    return undefined;
  }
  const author = (request.user?.authors ?? request.file?.authors)?.[0] ?? null;
  return { title, author };
}

export function pinOf(
  request: { pins?: readonly { scheme: PinScheme; value: string }[] },
  scheme: PinScheme,
): string | undefined {
  return request.pins?.find((pin) => pin.scheme === scheme)?.value;
}
