/**
 * The template engine the services use, built on the core renderer. Until the core NFO/DIZ module
 * exposes its own built-ins and sample data, this adapter renders with a locked-down LiquidJS.
 */
import { Liquid } from 'liquidjs';
import type { ReleaseType, TemplateKind } from '../domain/enums.js';
import { AppError } from '../shared/errors.js';
import type { TemplateEngine } from '../services/templates.service.js';

const MAX_OUTPUT = 256 * 1024;

export function createTemplateEngine(): TemplateEngine {
  const liquid = new Liquid({
    jsTruthy: true,
    strictVariables: false,
    strictFilters: true,
    relativeReference: false,
    root: [],
    renderLimit: 1000,
    memoryLimit: 10_000_000,
    parseLimit: 100_000,
  });
  return {
    async render(source, data, kind) {
      try {
        const text = (await liquid.parseAndRender(source, data)) as string;
        if (text.length > MAX_OUTPUT) {
          throw new AppError(
            'template.output_too_large',
            'The template renders to more than 256 KiB',
          );
        }
        const width = kind === 'diz' ? 44 : 80;
        const warnings = text
          .split('\n')
          .flatMap((line, index) =>
            line.length > width
              ? [`line ${index + 1} is ${line.length} columns (max ${width})`]
              : [],
          );
        return { text, warnings };
      } catch (error) {
        if (error instanceof AppError) {
          throw error;
        }
        throw new AppError(
          'template.render_failed',
          `The template does not render: ${(error as Error).message}`,
        );
      }
    },
    builtin: (kind: TemplateKind, releaseType: ReleaseType) =>
      `${releaseType} ${kind.toUpperCase()}\n{{ release_name }}\n`,
    sampleData: (releaseType: ReleaseType) => ({
      release_name: `Sample.${releaseType}.Release-GRP`,
      group: 'GRP',
      title: 'Sample Title',
      year: 2024,
    }),
  };
}
