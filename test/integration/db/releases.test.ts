import { describe, expect, it } from 'vitest';
import {
  buildArtifact,
  buildDelivery,
  buildRelease,
  createDelivery,
  createDestination,
  createJob,
  createRelease,
  createUser,
  newId,
  uniqueName,
} from '../../factories/index.js';
import { DIALECTS, useTestDatabase } from './databases.js';

const PAGE = { limit: 50, offset: 0 };

for (const dialect of DIALECTS) {
  describe.skipIf(dialect.url === undefined)(`release tables on ${dialect.name}`, () => {
    const t = useTestDatabase(dialect);

    describe('releases', () => {
      it('creates a release and finds it by id and by name', async () => {
        const user = await createUser(t.repos);
        const job = await createJob(t.repos, { userId: user.id });
        const release = buildRelease({ userId: user.id, jobId: job.id, sizeBytes: 2 ** 40 + 7 });
        expect(await t.repos.releases.create(release)).toEqual(release);
        expect(await t.repos.releases.findById(release.id)).toEqual(release);
        expect(await t.repos.releases.findByName(release.name)).toEqual(release);
        expect(await t.repos.releases.findByName(release.name.toLowerCase())).toBeUndefined();
        expect(await t.repos.releases.findById(newId())).toBeUndefined();
      });

      it('refuses a second release with the same name', async () => {
        const release = await createRelease(t.repos);
        await expect(createRelease(t.repos, { name: release.name })).rejects.toMatchObject({
          code: 'resource.conflict',
          details: { constraint: 'releases_name_unique' },
        });
      });

      it('lists by owner, type, group and name search, newest first', async () => {
        const user = await createUser(t.repos);
        const groupName = uniqueName('GRP').replace(/-/g, '');
        const book = await createRelease(t.repos, { userId: user.id, groupName });
        const suffix = newId().slice(0, 6);
        const show = await createRelease(t.repos, {
          userId: user.id,
          type: 'TV',
          name: `Show.S01E02.${suffix}.720p.WEB.h264-${groupName}`,
        });
        expect(await t.repos.releases.list({ userId: user.id }, PAGE)).toEqual({
          items: [show, book],
          total: 2,
        });
        expect(await t.repos.releases.list({ userId: user.id, type: 'TV' }, PAGE)).toEqual({
          items: [show],
          total: 1,
        });
        expect(await t.repos.releases.list({ groupName }, PAGE)).toEqual({
          items: [book],
          total: 1,
        });
        const search = `s01e02.${suffix.toUpperCase()}`;
        const found = await t.repos.releases.list({ search }, PAGE);
        expect(found).toEqual({ items: [show], total: 1 });
      });

      it('updates, counts by type, sums sizes and deletes', async () => {
        const before = await t.repos.releases.countByType();
        const bytesBefore = await t.repos.releases.totalBytes();
        const a = await createRelease(t.repos, { type: 'DOCS', sizeBytes: 1_000 });
        await createRelease(t.repos, { type: 'DOCS', sizeBytes: 2 ** 33 });
        expect(await t.repos.releases.countByType()).toEqual({ ...before, DOCS: before.DOCS + 2 });
        expect(await t.repos.releases.totalBytes()).toBe(bytesBefore + 1_000 + 2 ** 33);
        const updated = await t.repos.releases.update(a.id, {
          status: 'delivered',
          metadata: { delivered: true },
        });
        expect(updated).toEqual({ ...a, status: 'delivered', metadata: { delivered: true } });
        expect(await t.repos.releases.update(newId(), { status: 'failed' })).toBeUndefined();
        expect(await t.repos.releases.delete(a.id)).toBe(true);
        expect(await t.repos.releases.delete(a.id)).toBe(false);
      });
    });

    describe('artifacts', () => {
      it('stores a batch and lists it per job and per release in path order', async () => {
        const release = await createRelease(t.repos);
        const job = await createJob(t.repos, { userId: release.userId });
        const names = ['sp-book.r00', 'sp-book.rar', 'Sample/x.mkv', 'sp-book.nfo', 'sp-book.sfv'];
        const artifacts = names.map((path, i) =>
          buildArtifact({
            path,
            jobId: job.id,
            releaseId: release.id,
            crc32: i === 2 ? null : '0A1B2C3D',
          }),
        );
        await t.repos.artifacts.createMany(artifacts);
        const sorted = [...artifacts].sort((a, b) => (a.path < b.path ? -1 : 1));
        expect(await t.repos.artifacts.listForJob(job.id)).toEqual(sorted);
        expect(await t.repos.artifacts.listForRelease(release.id)).toEqual(sorted);
        expect(await t.repos.artifacts.listForJob(newId())).toEqual([]);
      });

      it('stores a batch larger than one INSERT and an empty batch', async () => {
        const release = await createRelease(t.repos);
        const many = Array.from({ length: 1_201 }, (_, i) =>
          buildArtifact({ releaseId: release.id, path: `part${String(i).padStart(4, '0')}.rar` }),
        );
        await t.repos.artifacts.createMany(many);
        await t.repos.artifacts.createMany([]);
        expect(await t.repos.artifacts.listForRelease(release.id)).toEqual(many);
      });
    });

    describe('deliveries', () => {
      it('creates, updates and finds a delivery', async () => {
        const release = await createRelease(t.repos);
        const destination = await createDestination(t.repos, { userId: release.userId });
        const delivery = buildDelivery({ releaseId: release.id, destinationId: destination.id });
        expect(await t.repos.deliveries.create(delivery)).toEqual(delivery);
        const started = new Date(delivery.createdAt.getTime() + 10);
        const done = new Date(started.getTime() + 123_456);
        const updated = await t.repos.deliveries.update(delivery.id, {
          status: 'completed',
          bytesSent: delivery.bytesTotal,
          attempts: 1,
          startedAt: started,
          completedAt: done,
        });
        expect(updated).toEqual({
          ...delivery,
          status: 'completed',
          bytesSent: delivery.bytesTotal,
          attempts: 1,
          startedAt: started,
          completedAt: done,
        });
        expect(await t.repos.deliveries.findById(delivery.id)).toEqual(updated);
        expect(await t.repos.deliveries.update(newId(), { attempts: 2 })).toBeUndefined();
      });

      it('lists by job, release and destination, newest first', async () => {
        const job = await createJob(t.repos);
        const release = await createRelease(t.repos, { userId: job.userId });
        const site = await createDestination(t.repos, { userId: job.userId });
        const a = await createDelivery(t.repos, { jobId: job.id, destinationId: site.id });
        const b = await createDelivery(t.repos, {
          jobId: job.id,
          releaseId: release.id,
          destinationId: site.id,
          status: 'failed',
          errorCode: 'delivery.timeout',
          errorMessage: 'timed out after 30 s',
        });
        expect(await t.repos.deliveries.list({ jobId: job.id })).toEqual([b, a]);
        expect(await t.repos.deliveries.list({ releaseId: release.id })).toEqual([b]);
        expect(await t.repos.deliveries.list({ destinationId: site.id })).toEqual([b, a]);
        const all = await t.repos.deliveries.list({});
        expect(all.length).toBeGreaterThanOrEqual(2);
      });
    });
  });
}
