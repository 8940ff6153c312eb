import { ErrorBox } from '../components/ErrorBox';
import { Loading } from '../components/Loading';
import { fmt } from '../i18n/format';
import type { RegisterList } from './useRegisterList';
import { registerText as t } from './strings';

/** How many entries show of those loaded, and "load more" while the hub has more. */
export function ListFooter<T>({
  list,
  shown,
  filtered,
}: {
  list: RegisterList<T>;
  shown: number;
  filtered: boolean;
}) {
  const loaded = list.loaded?.items.length ?? 0;
  return (
    <>
      {list.loaded && (
        <p role="status" className="results-count" data-testid="register-count">
          {filtered ? fmt(t.shown, { shown, loaded }) : shown === 1 ? t.shownOne : fmt(t.shownAll, { shown })}
          {!list.loaded.nextCursor && !list.loading && loaded > 0 ? ` ${t.end}` : ''}
        </p>
      )}
      {list.loading && <Loading label={t.loading} />}
      {list.error != null && <ErrorBox error={list.error} onRetry={list.retry} />}
      {list.loaded?.nextCursor && !list.loading && (
        <p>
          <button type="button" className="button secondary" onClick={list.more} data-testid="register-more">
            {t.more}
          </button>
        </p>
      )}
    </>
  );
}
