/**
 * Uploads one file straight from the browser to the holder's node with XMLHttpRequest, because only
 * XHR reports upload progress (`upload.onprogress`); the File is streamed from disk, not read into memory.
 */
import { progressPercent } from './progress';
import { ingestPath, joinUrl, toApiError, networkError, type IngestReport } from '@openehds/client';

/** What the upload reports while it runs. */
export interface UploadProgress {
  /** 'sending' while bytes go up, 'processing' once they are all sent and the node is loading them. */
  phase: 'sending' | 'processing';
  percent: number;
}

/** Sends a file to `POST {nodeUrl}/api/ingest?filename=`; resolves to the ingest report, rejects with ApiError. */
export function uploadFile(
  nodeUrl: string,
  token: string,
  file: File,
  onProgress: (p: UploadProgress) => void,
  signal?: AbortSignal,
): Promise<IngestReport> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', joinUrl(nodeUrl, ingestPath(file.name)));
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Authorization', `Bearer ${token}`);
    xhr.setRequestHeader('X-Requested-With', 'openehds');
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress({ phase: 'sending', percent: progressPercent(e.loaded, e.total) });
    };
    xhr.upload.onload = () => onProgress({ phase: 'processing', percent: 100 });
    xhr.onload = () => {
      const type = xhr.getResponseHeader('content-type');
      if (xhr.status >= 200 && xhr.status < 300) {
        try {
          resolve(JSON.parse(xhr.responseText) as IngestReport);
        } catch {
          reject(
            toApiError(xhr.status, 'text/plain', 'the node sent an ingest report that is not valid JSON'),
          );
        }
      } else {
        reject(toApiError(xhr.status, type, xhr.responseText));
      }
    };
    xhr.onerror = () => reject(networkError(new Error(`the node at ${nodeUrl} did not answer`)));
    xhr.onabort = () => reject(new DOMException('upload cancelled', 'AbortError'));
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(file);
  });
}
