import { FakeRemote, FakeUploader } from '../../fakes/fake-uploader.js';
import { describeUploaderContract } from './uploader-contract.js';

describeUploaderContract('FakeUploader', () => {
  const remote = new FakeRemote();
  remote.dirs.add('/srv');
  remote.dirs.add('/locked');
  remote.readOnly.add('/locked');
  return Promise.resolve({
    uploader: () => new FakeUploader(remote),
    base: '/srv',
    read: (path) => Promise.resolve(remote.read(path)),
    readOnlyDir: '/locked',
    teardown: () => Promise.resolve(),
  });
});
