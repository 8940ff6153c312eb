import { useEffect, useState } from 'react';
import type { AirlockFile } from '@openehds/client';
import { airlockApi } from './api';

/** At most this many requests are read at once, so a long queue does not flood the hub. */
const AT_ONCE = 4;

/**
 * The files of each listed request, read one request at a time (four in parallel): the hub's list
 * carries no files, and the queue shows their count and automatic checks. Missing entries are still
 * loading; a request that failed to load maps to null.
 */
export function useRequestFiles(ids: readonly string[]): Map<string, AirlockFile[] | null> {
  const [files, setFiles] = useState(() => new Map<string, AirlockFile[] | null>());
  const key = ids.join(',');
  useEffect(() => {
    const controller = new AbortController();
    const queue = key ? key.split(',') : [];
    const worker = async () => {
      for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
        const found = await airlockApi.get(id, controller.signal).then(
          (v) => v.files,
          () => null,
        );
        if (controller.signal.aborted) return;
        setFiles((m) => new Map(m).set(id!, found));
      }
    };
    for (let i = 0; i < AT_ONCE; i++) void worker();
    return () => controller.abort();
  }, [key]);
  return files;
}
