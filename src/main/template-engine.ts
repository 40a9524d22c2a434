/** The template engine the services use: the core renderer, its built-in templates and sample data. */
import { DEFAULT_DIZ_TEMPLATE } from '../core/diz/index.js';
import { defaultNfoTemplate, sampleNfoVariables } from '../core/nfo/index.js';
import { renderTemplate } from '../core/text-template/index.js';
import type { TemplateEngine } from '../services/templates.service.js';

const LIMITS = {
  nfo: { maxWidth: 80, maxLines: null },
  diz: { maxWidth: 44, maxLines: 30 },
} as const;

export function createTemplateEngine(): TemplateEngine {
  return {
    render(source, data, kind) {
      const result = renderTemplate(source, data, { ...LIMITS[kind], lineEnding: 'lf' });
      return Promise.resolve({
        text: result.text,
        warnings: result.warnings.map((warning) => warning.message),
      });
    },
    builtin: (kind, releaseType) =>
      kind === 'diz' ? DEFAULT_DIZ_TEMPLATE : defaultNfoTemplate(releaseType),
    sampleData: (releaseType) => sampleNfoVariables(releaseType),
  };
}
