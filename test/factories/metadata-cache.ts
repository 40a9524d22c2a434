import type { MetadataCacheEntry } from '../../src/domain/entities.js';
import { nextDate, uniqueName } from './sequence.js';

export function buildMetadataCacheEntry(
  overrides: Partial<MetadataCacheEntry> = {},
): MetadataCacheEntry {
  const at = nextDate();
  return {
    key: uniqueName('openlibrary:isbn'),
    provider: 'openlibrary',
    value: { title: 'Book Title', identifiers: { isbn13: ['9780000000000'] } },
    createdAt: at,
    expiresAt: new Date(at.getTime() + 24 * 3600 * 1000),
    ...overrides,
  };
}
