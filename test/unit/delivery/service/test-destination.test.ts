import { describe, expect, it } from 'vitest';
import { DeliveryError, type DeliveryTarget } from '../../../../src/delivery/ports.js';
import { testDestination, validateTarget } from '../../../../src/services/delivery/index.js';
import { FakeRemote, FakeUploader } from '../../../fakes/fake-uploader.js';

const target = (overrides: Partial<DeliveryTarget> = {}): DeliveryTarget => ({
  protocol: 'sftp',
  host: 'site.example',
  port: 22,
  username: 'up',
  password: 'secret',
  hostKeyFingerprint: `SHA256:${'A'.repeat(43)}`,
  remotePath: '/incoming',
  ...overrides,
});

function remoteWith(...dirs: string[]): FakeRemote {
  const remote = new FakeRemote();
  for (const dir of dirs) {
    remote.dirs.add(dir);
  }
  return remote;
}

describe('testDestination', () => {
  it('logs in, writes and removes a probe file, and says where', async () => {
    const remote = remoteWith('/incoming');
    const result = await testDestination(() => new FakeUploader(remote), target());
    expect(result).toMatchObject({ success: true, details: { banner: 'fake server' } });
    expect(result.message).toContain('site.example:22/incoming');
    expect(remote.log.some((line) => line.startsWith('upload /incoming/.scenepacker-probe-'))).toBe(
      true,
    );
    expect(remote.files.size).toBe(0);
  });

  it('opens a fresh connection every time', async () => {
    const remote = remoteWith('/incoming');
    await testDestination(() => new FakeUploader(remote), target());
    await testDestination(() => new FakeUploader(remote), target());
    expect(remote.log.filter((line) => line === 'connect')).toHaveLength(2);
  });

  it('says path_missing for a missing folder or a file in its place', async () => {
    const remote = remoteWith();
    const missing = await testDestination(() => new FakeUploader(remote), target());
    expect(missing).toMatchObject({ success: false, details: { code: 'delivery.path_missing' } });
    remote.files.set('/incoming', Buffer.from('x'));
    const file = await testDestination(() => new FakeUploader(remote), target());
    expect(file.message).toContain('is a file');
  });

  it('says not_writable when the probe cannot be written', async () => {
    const remote = remoteWith('/incoming');
    remote.readOnly.add('/incoming');
    const result = await testDestination(() => new FakeUploader(remote), target());
    expect(result).toMatchObject({ success: false, details: { code: 'delivery.not_writable' } });
  });

  it('passes on the reason and the fingerprint of a refused host key', async () => {
    const remote = remoteWith('/incoming');
    remote.connectFailures.push(
      new DeliveryError('delivery.host_key_unknown', 'The host key is not pinned', {
        step: 'connect',
        details: { fingerprint: 'SHA256:abc' },
      }),
    );
    const result = await testDestination(() => new FakeUploader(remote), target());
    expect(result).toEqual({
      success: false,
      message: 'The host key is not pinned',
      details: { code: 'delivery.host_key_unknown', step: 'connect', fingerprint: 'SHA256:abc' },
    });
  });

  it('refuses bad settings without connecting', async () => {
    const remote = remoteWith('/incoming');
    const result = await testDestination(
      () => new FakeUploader(remote),
      target({ host: 'bad host', port: 0, username: ' ', remotePath: '../etc' }),
    );
    expect(result.success).toBe(false);
    expect(result.details.code).toBe('validation.failed');
    expect(remote.log).toEqual([]);
  });
});

describe('validateTarget', () => {
  it('accepts good settings of every protocol', () => {
    expect(validateTarget(target())).toEqual([]);
    expect(
      validateTarget(
        target({ protocol: 'ftps', password: 'x', tlsFingerprint: 'AB:'.repeat(31) + 'CD' }),
      ),
    ).toEqual([]);
    expect(validateTarget(target({ protocol: 'ftp', host: '192.0.2.1' }))).toEqual([]);
    expect(validateTarget(target({ protocol: 'local', host: '', port: 0, username: '' }))).toEqual(
      [],
    );
  });

  it.each([
    [{ host: 'no such host' }, 'host'],
    [{ host: '' }, 'host'],
    [{ port: 0 }, 'port'],
    [{ port: 65_536 }, 'port'],
    [{ port: 21.5 }, 'port'],
    [{ username: '' }, 'username'],
    [{ remotePath: '/site/../root' }, 'remotePath'],
    [{ remotePath: '' }, 'remotePath'],
    [{ remotePath: '/in\r\nDELE x' }, 'remotePath'],
    [{ password: '', privateKey: '' }, 'password'],
    [{ hostKeyFingerprint: 'MD5:aa' }, 'hostKeyFingerprint'],
    [{ tlsFingerprint: 'xyz' }, 'tlsFingerprint'],
    [{ timeoutMs: 10 }, 'timeoutMs'],
  ] as [Partial<DeliveryTarget>, string][])('%o → issue on %s', (overrides, field) => {
    expect(validateTarget(target(overrides)).map((issue) => issue.path)).toContain(field);
  });
});
