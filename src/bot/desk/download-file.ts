import type { Api } from "grammy";

/** A file from a chat could not be fetched (too big, gone, or the download failed). */
export class FileDownloadError extends Error {
  constructor(readonly tooLarge: boolean) {
    super(tooLarge ? "file too large" : "file could not be downloaded");
    this.name = "FileDownloadError";
  }
}

/**
 * Fetches a file someone sent the bot: getFile, then the Bot API's file URL
 * (`<api root>/file/bot<token>/<path>`), reading at most `maxBytes`. The URL holds the token:
 * it is never logged or shown.
 */
export async function downloadChatFile(
  api: Api,
  fileRoot: string,
  fileId: string,
  maxBytes: number,
): Promise<Uint8Array> {
  const file = await api.getFile(fileId);
  if (file.file_size !== undefined && file.file_size > maxBytes) throw new FileDownloadError(true);
  if (!file.file_path) throw new FileDownloadError(false);
  const response = await fetch(`${fileRoot}/${file.file_path}`, {
    signal: AbortSignal.timeout(30_000),
  }).catch(() => undefined);
  if (!response?.ok || !response.body) throw new FileDownloadError(false);
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of response.body) {
    size += chunk.byteLength;
    if (size > maxBytes) throw new FileDownloadError(true);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
