/**
 * The media room's port: cutting a TV sample and measuring a video's duration, done by an outside
 * program (ffmpeg). Paths are local paths; services get them from the storage port (a staging
 * directory's `pathOf`), never build them.
 */

export interface SampleCut {
  input: string;
  /** Where the sample goes (its directory exists); always written as Matroska. */
  output: string;
  startSeconds: number;
  durationSeconds: number;
  signal?: AbortSignal;
}

export interface MediaTool {
  /** True when the program this tool drives is installed and runs. Never rejects. */
  available(): Promise<boolean>;
  /**
   * Copies `durationSeconds` of the input's video, audio and subtitle streams from
   * `startSeconds` on, without re-encoding (it starts at the key frame before `startSeconds`).
   * Never copies the whole input. Rejects `release.sample_tool_missing` when the program is
   * not installed, `release.cancelled` on abort, `release.input_unreadable` when the program
   * fails on the input (its last error lines in the message). A partial output may remain; the
   * caller's staging directory owns it.
   */
  cutSample(request: SampleCut): Promise<void>;
  /**
   * The duration in seconds of the media file at `path`, or null when it cannot be told (the
   * program is missing, or the file is not media). Rejects only with `release.cancelled`.
   */
  probeDuration(path: string, signal?: AbortSignal): Promise<number | null>;
}
