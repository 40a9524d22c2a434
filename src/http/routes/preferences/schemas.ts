import { z } from 'zod';
import { jsonValue } from '../../schemas.js';
import { SCOPES } from '../../../domain/enums.js';

const preferenceKey = z
  .string()
  .regex(/^[A-Za-z0-9_.:+-]{1,100}$/, 'must be 1–100 letters, digits or _ . : + -');
const scope = z.enum(SCOPES);

export const keyParams = z.strictObject({ key: preferenceKey });
export const scopeQuery = z.strictObject({ scope: scope.default('user') });
export const listQuery = z.strictObject({
  scope: scope.default('user'),
  effective: z.enum(['0', '1', 'true', 'false']).optional(),
});
export const setBody = z.strictObject({ value: jsonValue, scope: scope.optional() });
export const createBody = z.strictObject({
  key: preferenceKey,
  value: jsonValue,
  scope: scope.optional(),
});
export const importBody = z.strictObject({
  preferences: z.record(preferenceKey, jsonValue),
  scope: scope.optional(),
});

export const preference = z
  .object({
    id: z.string(),
    scope,
    userId: z.string().nullable(),
    key: z.string(),
    value: jsonValue,
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: 'Preference' });
export const effectivePreference = z
  .object({ key: z.string(), value: jsonValue, source: z.enum(['user', 'global', 'default']) })
  .meta({ id: 'EffectivePreference' });
