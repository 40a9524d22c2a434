import type { Template } from '../../src/domain/entities.js';
import type { Repositories } from '../../src/db/ports.js';
import { newId, nextDate, uniqueName } from './sequence.js';

export function buildTemplate(overrides: Partial<Template> = {}): Template {
  const at = nextDate();
  return {
    id: newId(),
    name: uniqueName('template'),
    kind: 'nfo',
    releaseType: 'EBOOK',
    description: 'A test template',
    content: '{{ release.name }}\n░▒▓ {{ release.group }} ▓▒░\n',
    isDefault: false,
    createdBy: null,
    createdAt: at,
    updatedAt: at,
    ...overrides,
  };
}

export function createTemplate(
  repos: Pick<Repositories, 'templates'>,
  overrides: Partial<Template> = {},
): Promise<Template> {
  return repos.templates.create(buildTemplate(overrides));
}
