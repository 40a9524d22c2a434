/**
 * Protocol → uploader. Only the composition root (src/main) picks implementations; it hands the
 * resulting factory to the delivery service, which sees nothing but the Uploader port.
 */
import { FtpUploader, type FtpUploaderOptions } from './ftp/ftp-uploader.js';
import { LocalDirUploader } from './local/local-dir-uploader.js';
import type { DeliveryProtocol, DeliveryTarget, Uploader, UploaderFactory } from './ports.js';
import { SftpUploader, type SftpUploaderOptions } from './sftp/sftp-uploader.js';

export interface UploaderOptions {
  ftp?: FtpUploaderOptions;
  sftp?: SftpUploaderOptions;
}

export function createUploaderFactory(options: UploaderOptions = {}): UploaderFactory {
  const ftp = (target: DeliveryTarget): Uploader => new FtpUploader(target, options.ftp);
  const factories: Record<DeliveryProtocol, (target: DeliveryTarget) => Uploader> = {
    ftp,
    ftps: ftp,
    'ftps-implicit': ftp,
    sftp: (target) => new SftpUploader(target, options.sftp),
    local: () => new LocalDirUploader(),
  };
  return (target) => factories[target.protocol](target);
}
