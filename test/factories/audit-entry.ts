import type { AuditEntry } from '../../src/domain/entities.js';
import { newId, nextDate } from './sequence.js';

export function buildAuditEntry(overrides: Partial<AuditEntry> = {}): AuditEntry {
  return {
    id: newId(),
    userId: null,
    action: 'user.create',
    resourceType: 'user',
    resourceId: newId(),
    details: { username: 'someone' },
    ip: '192.0.2.1',
    createdAt: nextDate(),
    ...overrides,
  };
}
