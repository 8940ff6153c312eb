import { ApiError } from '@openehds/client';

/** Escapes a string for use inside a RegExp. */
function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * An upload's error as the holder should read it. The node names the file by the temporary path it
 * stored the upload under (`/…/uploads/<uuid>/notes.txt`), which means nothing to the holder: that
 * path becomes the file's own name, and issues that only repeat the message are dropped.
 */
export function tidyUploadError(error: unknown, fileName: string): unknown {
  if (!(error instanceof ApiError)) return error;
  const pathOf = new RegExp(`(?:[A-Za-z]:)?[^\\s:'"]*[\\\\/]${escape(fileName)}`, 'g');
  const tidy = (text: string) => text.replace(pathOf, fileName);
  const detail = tidy(error.detail);
  const issues = error.issues
    .map((i) => ({
      ...i,
      ...(i.path ? { path: tidy(i.path) } : {}),
      ...(i.file ? { file: tidy(i.file) } : {}),
      message: tidy(i.message),
    }))
    .filter((i) => !detail.includes(i.message));
  return new ApiError(error.status, { type: error.type, title: error.title, detail, issues });
}
