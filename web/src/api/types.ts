/**
 * Types derived from the generated `paths` (schema.d.ts): which paths accept a method, and the
 * path parameters, query, JSON body and success reply of each operation.
 */
import type { components, paths } from './schema';

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

export type PathsWith<M extends Method> = {
  [P in keyof paths]: [NonNullable<paths[P][M]>] extends [never] ? never : P;
}[keyof paths];

export type Operation<P extends keyof paths, M extends Method> = NonNullable<paths[P][M]>;

type PathParams<O> = O extends { parameters: { path: infer X } } ? X : never;
type QueryParams<O> = O extends { parameters: { query?: infer X } } ? X : never;
type JsonBody<O> = O extends { requestBody?: { content: { 'application/json': infer B } } }
  ? B
  : never;

type JsonOf<R> = R extends { content: { 'application/json': infer T } } ? T : never;
export type Reply<O> = O extends { responses: infer R }
  ? R extends { 200: infer Ok }
    ? JsonOf<Ok>
    : R extends { 201: infer Created }
      ? JsonOf<Created>
      : unknown
  : never;

export interface RequestOptions<O> {
  path?: PathParams<O>;
  query?: QueryParams<O>;
  body?: JsonBody<O>;
}

export type Schemas = components['schemas'];
export type User = Schemas['User'];
export type Role = User['role'];
export type ApiToken = Schemas['ApiToken'];
export type DashboardStats = Schemas['DashboardStats'];
export const ROLES: readonly Role[] = ['admin', 'operator', 'viewer'];
