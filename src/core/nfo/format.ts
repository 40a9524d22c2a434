/**
 * How numbers read in an NFO. Sizes are decimal megabytes because scene volume sizes are
 * (50 MB = 50,000,000 bytes), so "25 x 50 MB" matches the files exactly.
 */

export function formatMegabytes(bytes: number, decimals = 2): string {
  return `${(bytes / 1_000_000).toFixed(decimals)} MB`;
}

/** "N x M MB" with the real volume count and the exact volume size. */
export function formatVolumes(count: number, volumeBytes: number): string {
  return `${count} x ${trimNumber(volumeBytes / 1_000_000, 2)} MB`;
}

/** 6 channels → 5.1, 2 → 2.0, 1 → 1.0, 8 → 7.1. */
export function formatChannels(channels: number): string {
  return channels >= 6 ? `${channels - 1}.1` : `${channels}.0`;
}

export function formatRuntime(seconds: number): string {
  const total = Math.max(0, Math.round(seconds));
  const parts = [Math.floor(total / 3600), Math.floor((total % 3600) / 60), total % 60];
  return parts.map((n) => String(n).padStart(2, '0')).join(':');
}

export function formatFps(fps: number): string {
  return `${trimNumber(fps, 3)} fps`;
}

export function formatBitrate(kbps: number): string {
  return `${Math.round(kbps)} kb/s`;
}

function trimNumber(value: number, decimals: number): string {
  return String(Number(value.toFixed(decimals)));
}
