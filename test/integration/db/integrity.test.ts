/** Foreign keys and what deleting a parent does (see the migrations' header comments). */
import { describe, expect, it } from 'vitest';
import {
  buildArtifact,
  buildSession,
  createApiConfig,
  createApiToken,
  createDelivery,
  createDestination,
  createJob,
  createPathRule,
  createPreference,
  createRelease,
  createSession,
  createTemplate,
  createUser,
  newId,
} from '../../factories/index.js';
import { DIALECTS, useTestDatabase } from './databases.js';

const FK_CONFLICT = { code: 'resource.conflict', details: { constraint: 'foreign_key' } };

for (const dialect of DIALECTS) {
  describe.skipIf(dialect.url === undefined)(`integrity on ${dialect.name}`, () => {
    const t = useTestDatabase(dialect);

    it('refuses a row that points at a missing parent', async () => {
      await expect(
        t.repos.sessions.create(buildSession({ userId: newId() })),
      ).rejects.toMatchObject(FK_CONFLICT);
      await expect(createJob(t.repos, { userId: newId() })).rejects.toMatchObject(FK_CONFLICT);
    });

    it('refuses a duplicate primary key on every kind of table', async () => {
      const job = await createJob(t.repos);
      await expect(createJob(t.repos, { id: job.id })).rejects.toMatchObject({
        code: 'resource.conflict',
        details: { constraint: 'jobs_pkey' },
      });
      const release = await createRelease(t.repos);
      await expect(createRelease(t.repos, { id: release.id })).rejects.toMatchObject({
        code: 'resource.conflict',
        details: { constraint: 'releases_pkey' },
      });
    });

    it('deleting a user deletes their sessions, tokens, settings and destinations', async () => {
      const user = await createUser(t.repos);
      const session = await createSession(t.repos, { userId: user.id });
      const token = await createApiToken(t.repos, { userId: user.id });
      const pref = await createPreference(t.repos, { scope: 'user', userId: user.id });
      const rule = await createPathRule(t.repos, { scope: 'user', userId: user.id });
      const site = await createDestination(t.repos, { userId: user.id });
      const delivery = await createDelivery(t.repos, { destinationId: site.id });
      const config = await createApiConfig(t.repos, {
        scope: 'user',
        userId: user.id,
        provider: 'openlibrary',
      });
      const template = await createTemplate(t.repos, { createdBy: user.id });

      expect(await t.repos.users.delete(user.id)).toBe(true);

      expect(await t.repos.sessions.findByTokenHash(session.tokenHash)).toBeUndefined();
      expect(await t.repos.apiTokens.findById(token.id)).toBeUndefined();
      expect(await t.repos.preferences.find('user', user.id, pref.key)).toBeUndefined();
      expect(await t.repos.pathRules.findById(rule.id)).toBeUndefined();
      expect(await t.repos.destinations.findById(site.id)).toBeUndefined();
      expect(await t.repos.deliveries.findById(delivery.id)).toBeUndefined();
      expect(await t.repos.apiConfigs.findById(config.id)).toBeUndefined();
      // Templates outlive their author.
      expect(await t.repos.templates.findById(template.id)).toEqual({
        ...template,
        createdBy: null,
      });
    });

    it('keeps history: a user with jobs or releases cannot be deleted', async () => {
      const withJob = await createUser(t.repos);
      await createJob(t.repos, { userId: withJob.id });
      await expect(t.repos.users.delete(withJob.id)).rejects.toMatchObject(FK_CONFLICT);
      const withRelease = await createUser(t.repos);
      await createRelease(t.repos, { userId: withRelease.id });
      await expect(t.repos.users.delete(withRelease.id)).rejects.toMatchObject(FK_CONFLICT);
      expect(await t.repos.users.findById(withJob.id)).toEqual(withJob);
    });

    it('deleting a job deletes its log lines and detaches what it produced', async () => {
      const job = await createJob(t.repos);
      const release = await createRelease(t.repos, { userId: job.userId, jobId: job.id });
      const artifact = buildArtifact({ jobId: job.id, releaseId: release.id });
      await t.repos.artifacts.createMany([artifact]);
      const delivery = await createDelivery(t.repos, { jobId: job.id });
      await t.repos.jobLogs.append(job.id, 'INFO', 'hello', new Date());

      expect(await t.repos.jobs.delete(job.id)).toBe(true);

      expect(await t.repos.jobLogs.list(job.id)).toEqual([]);
      expect((await t.repos.releases.findById(release.id))?.jobId).toBeNull();
      expect(await t.repos.artifacts.listForRelease(release.id)).toEqual([
        { ...artifact, jobId: null },
      ]);
      expect((await t.repos.deliveries.findById(delivery.id))?.jobId).toBeNull();
    });

    it('deleting a release deletes its artifacts and detaches its deliveries', async () => {
      const release = await createRelease(t.repos);
      await t.repos.artifacts.createMany([buildArtifact({ releaseId: release.id })]);
      const delivery = await createDelivery(t.repos, { releaseId: release.id });

      expect(await t.repos.releases.delete(release.id)).toBe(true);

      expect(await t.repos.artifacts.listForRelease(release.id)).toEqual([]);
      expect((await t.repos.deliveries.findById(delivery.id))?.releaseId).toBeNull();
    });
  });
}
