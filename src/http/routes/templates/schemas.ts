import { z } from 'zod';
import { TEMPLATE_KINDS } from '../../../domain/enums.js';
import { displayName, jsonValue, releaseType } from '../../schemas.js';

const MAX_TEMPLATE_BYTES = 64 * 1024;
const kind = z.enum(TEMPLATE_KINDS);
const content = z.string().min(1).max(MAX_TEMPLATE_BYTES);
const data = z.record(z.string().max(100), jsonValue);

export const listQuery = z.strictObject({
  kind: kind.optional(),
  releaseType: releaseType.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export const defaultQuery = z.strictObject({
  kind: kind.default('nfo'),
  releaseType: releaseType.default('EBOOK'),
});
export const createBody = z.strictObject({
  name: displayName,
  kind,
  releaseType,
  description: z.string().max(500).nullable().optional(),
  content,
  isDefault: z.boolean().optional(),
});
export const updateBody = createBody.partial();
export const renderBody = z
  .strictObject({ data: data.optional(), variables: data.optional() })
  .nullish();
export const previewBody = z.strictObject({ content, kind, releaseType, data: data.optional() });

export const templateView = z
  .object({
    id: z.string().nullable(),
    name: z.string(),
    kind,
    releaseType,
    description: z.string().nullable(),
    content: z.string(),
    isDefault: z.boolean(),
    builtin: z.boolean(),
    createdBy: z.string().nullable(),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: 'Template' });
export const rendered = z.object({ text: z.string(), warnings: z.array(z.string()) });
export const renderedTemplate = rendered.extend({
  templateId: z.string().nullable(),
  templateName: z.string(),
});
