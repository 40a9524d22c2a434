/** Row builders (`build…`, pure) and inserters (`create…`, through the repositories). */
export * from './api-config.js';
export * from './api-token.js';
export * from './artifact.js';
export * from './audit-entry.js';
export * from './delivery.js';
export * from './destination.js';
export * from './job.js';
export * from './metadata-cache.js';
export * from './path-rule.js';
export * from './preference.js';
export * from './release.js';
export * from './sequence.js';
export * from './session.js';
export * from './template.js';
export * from './user.js';
