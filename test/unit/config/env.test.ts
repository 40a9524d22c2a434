import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { databaseFromUrl, loadConfig } from '../../../src/config/env.js';
import { AppError } from '../../../src/shared/errors.js';

describe('loadConfig', () => {
  it('gives the embedded defaults for an empty environment', () => {
    const config = loadConfig({});
    expect(config.port).toBe(5000);
    expect(config.dataDir).toBe(resolve('./data'));
    expect(config.database).toEqual({ dialect: 'sqlite', url: resolve('./data/scenepacker.db') });
    expect(config.jobs.driver).toBe('local');
    expect(config.remote).toBeUndefined();
  });

  it('lists every problem in one error', () => {
    let caught: unknown;
    try {
      loadConfig({ PORT: '99999', SCENEPACKER_JOB_DRIVER: 'cron', LOG_LEVEL: 'loud' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AppError);
    const error = caught as AppError;
    expect(error.code).toBe('config.invalid');
    expect(error.message).toContain('PORT');
    expect(error.message).toContain('SCENEPACKER_JOB_DRIVER');
    expect(error.message).toContain('LOG_LEVEL');
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ PORT: '', DATABASE_URL: '' }).port).toBe(5000);
  });

  it('reads every database URL form', () => {
    expect(databaseFromUrl('mysql://root@127.0.0.1:3306/test', '/d')).toEqual({
      dialect: 'mysql',
      url: 'mysql://root@127.0.0.1:3306/test',
    });
    expect(databaseFromUrl('mariadb://root@h/db', '/d').dialect).toBe('mysql');
    expect(databaseFromUrl('postgresql://p@h/db', '/d').dialect).toBe('postgres');
    expect(databaseFromUrl('sqlite:/tmp/x.db', '/d')).toEqual({
      dialect: 'sqlite',
      url: '/tmp/x.db',
    });
    expect(databaseFromUrl('sqlite::memory:', '/d')).toEqual({
      dialect: 'sqlite',
      url: ':memory:',
    });
  });
});

describe('.env.example', () => {
  it('documents exactly the variables the program reads', async () => {
    const { readFileSync } = await import('node:fs');
    const { envSchema } = await import('../../../src/config/schema.js');
    const documented = readFileSync('.env.example', 'utf8')
      .split('\n')
      .filter((line) => /^[A-Z_]+=/.test(line))
      .map((line) => line.split('=')[0]);
    expect(documented.sort()).toEqual(Object.keys(envSchema.shape).sort());
  });
});
