/**
 * `npm run gen`: writes openapi.json (from the route schemas) and web/src/api/schema.d.ts (from
 * openapi.json). `npm run gen:check` regenerates in memory and fails when a committed file differs.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import openapiTS, { COMMENT_HEADER, astToString } from 'openapi-typescript';
import { format } from 'prettier';
import { buildApp } from '../src/http/app.js';
import type { Services } from '../src/services/registry.js';

const OPENAPI = 'openapi.json';
const TYPES = 'web/src/api/schema.d.ts';

/** Route registration never calls services, so the spec is built without a database. */
function unusedServices(): Services {
  return new Proxy({} as Services, { get: () => ({}) });
}

async function buildSpec(): Promise<string> {
  const app = await buildApp({
    services: unusedServices(),
    version: (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version,
    auth: {
      jwtSecret: 'x'.repeat(32),
      accessTokenTtlSeconds: 900,
      cookieSecure: false,
      apiTokenPrefix: 'spk',
      loginRatePerMinute: 10,
    },
  });
  await app.ready();
  const spec = JSON.stringify(app.swagger(), null, 2) + '\n';
  await app.close();
  return spec;
}

async function buildTypes(spec: string): Promise<string> {
  const ast = await openapiTS(JSON.parse(spec) as Parameters<typeof openapiTS>[0], {
    exportType: true,
  });
  return format(COMMENT_HEADER + astToString(ast), {
    parser: 'typescript',
    singleQuote: true,
    printWidth: 100,
  });
}

const check = process.argv.includes('--check');
const spec = await buildSpec();
const types = await buildTypes(spec);
const outputs: [string, string][] = [
  [OPENAPI, spec],
  [TYPES, types],
];
let stale = 0;
for (const [file, content] of outputs) {
  const current = existsSync(file) ? readFileSync(file, 'utf8') : '';
  if (current === content) {
    continue;
  }
  if (check) {
    console.error(`${file} is out of date: run "npm run gen" and commit the result`);
    stale += 1;
  } else {
    writeFileSync(file, content);
    console.log(`wrote ${file}`);
  }
}
process.exit(stale > 0 ? 1 : 0);
