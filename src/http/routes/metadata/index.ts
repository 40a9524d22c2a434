/** /api/metadata: extract from an upload or a server-side file, enrich from the providers. */
import type { FastifyRequest } from 'fastify';
import type { Services } from '../../../services/registry.js';
import { AppError } from '../../../shared/errors.js';
import { callerOf } from '../../plugins/auth.js';
import { commonErrors } from '../../schemas.js';
import { routePlugin } from '../../typed.js';
import { enrichBody, enrichment, extractBody, extraction } from './schemas.js';

const tags = ['metadata'];

/** Multipart uploads bypass the JSON schema; a JSON body must be `{ path }`. */
function pathFrom(request: FastifyRequest): string {
  const parsed = extractBody.safeParse(request.body);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => ({
      path: ['body', ...issue.path].join('.'),
      message: issue.message,
    }));
    throw new AppError(
      'validation.failed',
      'Send a file as multipart/form-data (field "file") or JSON { "path": … }',
      { details: { issues } },
    );
  }
  return parsed.data.path;
}

export const metadataRoutes = routePlugin<{ services: Services }>((r, { services }) => {
  r.post('/extract', {
    schema: {
      tags,
      summary:
        'Extract metadata from an uploaded file (multipart "file") or a file inside the allowed roots ({ path })',
      response: { 200: extraction, ...commonErrors },
    },
    handler: async (request) => {
      const caller = callerOf(request);
      if (!request.isMultipart()) {
        return services.metadata.extractPath(caller, pathFrom(request));
      }
      const file = await request.file();
      if (file === undefined) {
        throw new AppError('validation.failed', 'The multipart body has no file field');
      }
      return services.metadata.extractUpload(caller, {
        filename: file.filename,
        stream: file.file,
      });
    },
  });
  r.post('/enrich', {
    schema: {
      tags,
      summary:
        'Merge typed or extracted metadata with the providers’ answers; every field with its source',
      body: enrichBody,
      response: { 200: enrichment, ...commonErrors },
    },
    handler: async (request) => {
      const { config, offline, ...input } = request.body;
      return services.metadata.enrich(callerOf(request), {
        ...input,
        offline: offline ?? config?.offline,
        providers: config?.providers,
      });
    },
  });
});
