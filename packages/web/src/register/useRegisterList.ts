import { useCallback, useEffect, useState } from 'react';
import type { RegisterPage } from '@openehds/client';
import { appendPage, type Loaded } from './register-list';

/** The state of a register list that grows page by page ("load more"). */
export interface RegisterList<T> {
  loaded: Loaded<T> | null;
  loading: boolean;
  error: unknown;
  more: () => void;
  retry: () => void;
}

/**
 * Loads the first page when `key` (the hub-side filters) changes and appends the next page on `more`;
 * an answer that arrives after the filters changed is dropped.
 */
export function useRegisterList<T extends { id: string }>(
  fetchPage: (cursor: string | undefined, signal: AbortSignal) => Promise<RegisterPage<T>>,
  key: string,
): RegisterList<T> {
  const [loaded, setLoaded] = useState<Loaded<T> | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [request, setRequest] = useState<{ key: string; cursor?: string; n: number }>({ key, n: 0 });

  // New filters: start again from the newest entry.
  useEffect(() => {
    if (request.key === key) return;
    setLoaded(null);
    setRequest({ key, n: 0 });
  }, [key, request.key]);

  useEffect(() => {
    if (request.key !== key) return;
    const controller = new AbortController();
    setLoading(true);
    setError(null);
    fetchPage(request.cursor, controller.signal).then(
      (page) => {
        if (controller.signal.aborted) return;
        setLoaded((prev) => appendPage(request.cursor ? prev : null, page));
        setLoading(false);
      },
      (err: unknown) => {
        if (controller.signal.aborted) return;
        setError(err);
        setLoading(false);
      },
    );
    return () => controller.abort();
    // Deliberately keyed on the request alone: fetchPage is rebuilt every render, and the request
    // (filters, cursor, attempt) is what says when to fetch.
  }, [request]);

  const more = useCallback(() => {
    if (loaded?.nextCursor) setRequest((r) => ({ key: r.key, cursor: loaded.nextCursor!, n: r.n + 1 }));
  }, [loaded]);
  const retry = useCallback(() => setRequest((r) => ({ ...r, n: r.n + 1 })), []);
  return { loaded, loading, error, more, retry };
}
