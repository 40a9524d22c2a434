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
export type Destination = Schemas['Destination'];
export type DestinationTestResult = Schemas['DestinationTestResult'];
export type Protocol = Destination['protocol'];
export type ReleaseType = NonNullable<Destination['releaseType']>;
export type ApiConfig = Schemas['ApiConfig'];
export type Provider = ApiConfig['provider'];
export type Scope = ApiConfig['scope'];
export type PathRule = Schemas['PathRule'];
export type EffectivePreference = Schemas['EffectivePreference'];
export type Template = Schemas['Template'];
export type TemplateKind = Template['kind'];
export type Job = Schemas['Job'];
export type JobDetail = Schemas['JobDetail'];
export type JobLog = Schemas['JobLog'];
export type JobStatus = Job['status'];
export type Artifact = Schemas['Artifact'];
export const PROTOCOLS: readonly Protocol[] = ['ftp', 'ftps', 'ftps-implicit', 'sftp'];
export const RELEASE_TYPES: readonly ReleaseType[] = ['EBOOK', 'TV', 'DOCS'];
export const PROVIDERS: readonly Provider[] = [
  'omdb',
  'tvdb',
  'tmdb',
  'openlibrary',
  'googlebooks',
];
export const JOB_STATUSES: readonly JobStatus[] = [
  'pending',
  'running',
  'completed',
  'failed',
  'cancelled',
];
/** What the server shows instead of a stored secret; sent back, it keeps the stored value. */
export const SECRET_MASK = '********';
