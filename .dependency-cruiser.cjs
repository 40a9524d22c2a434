// Room rules of ARCHITECTURE.md §3 (see ../shared/reference/model-codebases.md §9.4).
// run: depcruise src web/src --config .dependency-cruiser.cjs
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  extends: 'dependency-cruiser/configs/recommended-strict',
  forbidden: [
    {
      name: 'src-never-imports-web-or-test',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^(web|test)/' },
    },
    {
      name: 'web-talks-http-only',
      severity: 'error',
      from: { path: '^web/' },
      to: { path: '^src/' },
    },
    {
      name: 'only-main-imports-main',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/main/' },
      to: { path: '^src/main/' },
    },
    {
      name: 'bottom-stays-bottom',
      severity: 'error',
      from: { path: '^src/(domain|shared|config)/' },
      to: { path: '^src/', pathNot: '^src/(domain|shared|config)/' },
    },
    {
      name: 'env-only-for-main',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/(main|config)/' },
      to: { path: '^src/config/env\\.ts$' },
    },
    {
      name: 'core-is-pure',
      severity: 'error',
      from: { path: '^src/core/' },
      to: { path: '^src/', pathNot: '^src/(core|domain|shared)/' },
    },
    {
      name: 'core-no-io-builtins',
      severity: 'error',
      from: { path: '^src/core/' },
      to: {
        dependencyTypes: ['core'],
        path: '^(node:)?(fs|net|tls|http|https|http2|dgram|child_process|worker_threads)(/|$)',
      },
    },
    {
      name: 'adapters-keep-to-their-room',
      severity: 'error',
      from: { path: '^src/(metadata|delivery|storage|media|db)/' },
      to: { path: '^src/', pathNot: '^src/($1|core|domain|shared)/' },
    },
    {
      name: 'services-see-ports-only',
      severity: 'error',
      from: { path: '^src/services/' },
      to: {
        path: '^src/(metadata|delivery|storage|media|db|jobs)/',
        pathNot: '^src/(metadata|delivery|storage|media|db|jobs)/ports\\.ts$',
      },
    },
    {
      name: 'services-know-no-edges',
      severity: 'error',
      from: { path: '^src/services/' },
      to: { path: '^src/(http|cli)/' },
    },
    {
      name: 'jobs-know-no-edges',
      severity: 'error',
      from: { path: '^src/jobs/' },
      to: {
        path: '^src/(http|cli|metadata|delivery|storage|media|db)/',
        pathNot: '^src/db/ports\\.ts$',
      },
    },
    {
      name: 'edges-go-through-services',
      severity: 'error',
      from: { path: '^src/(http|cli)/' },
      to: { path: '^src/(db|metadata|delivery|storage|media|jobs|core)/' },
    },
    {
      name: 'http-and-cli-independent',
      severity: 'error',
      from: { path: '^src/(http|cli)/' },
      to: { path: '^src/(http|cli)/', pathNot: '^src/$1/' },
    },
    {
      name: 'fastify-only-in-http',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/(http|main)/' },
      to: {
        dependencyTypes: ['npm'],
        path: '^node_modules/(fastify|@fastify/[^/]+|fastify-plugin|fastify-type-provider-zod)/',
      },
    },
    {
      name: 'sql-only-in-db',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/db/' },
      to: { dependencyTypes: ['npm'], path: '^node_modules/(kysely|better-sqlite3|mysql2|pg)/' },
    },
    {
      name: 'queue-lib-only-in-drivers',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/(jobs/drivers|db)/' },
      to: { dependencyTypes: ['npm'], path: '^node_modules/(bullmq|ioredis)/' },
    },
    {
      name: 'ftp-ssh-only-in-delivery',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/delivery/' },
      to: { dependencyTypes: ['npm'], path: '^node_modules/(basic-ftp|ssh2|ssh2-sftp-client)/' },
    },
    {
      name: 'commander-only-in-cli',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/(cli|main)/' },
      to: { dependencyTypes: ['npm'], path: '^node_modules/commander/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
    },
  },
};
