import { useId, useState, type FormEvent } from 'react';
import type { DatasetSearchResult, DatasetSummary, RequestedDataset } from '@openehds/client';
import { hub } from '../../api';
import { pickLang } from '../../catalogue/labels';
import { ErrorBox } from '../../components/ErrorBox';
import { Loading } from '../../components/Loading';
import { ui } from '../../i18n/ui';
import { fmt, nameOf } from '../../i18n/format';
import { applicationsText as t } from '../strings';
import { locale } from '../../i18n/locale';

/** How many hits one search shows; refine the words to see others. */
const PAGE_SIZE = 10;

/** A catalogue hit as the application records it (Art. 67(2)(d): the dataset and its source). */
export function requestedFrom(d: DatasetSummary): RequestedDataset {
  const title = pickLang(d.title, locale) || d.id;
  return {
    datasetId: d.id,
    title: title.slice(0, 500),
    country: d.country,
    holder: d.publisher.name.slice(0, 300),
    variables: [],
  };
}

/** Searches the catalogue (`/api/datasets`) and adds a dataset to the file. */
export function DatasetPicker({
  chosen,
  onAdd,
}: {
  chosen: readonly string[];
  onAdd: (dataset: RequestedDataset) => void;
}) {
  const id = useId();
  const [q, setQ] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<DatasetSearchResult | null>(null);

  async function search(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      setResult(await hub.searchDatasets({ q: q.trim(), page: 1, pageSize: PAGE_SIZE }));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="dataset-pick">
      <form role="search" onSubmit={(e) => void search(e)} aria-label={t.fields.datasetSearch}>
        <label htmlFor={`${id}-q`}>{t.fields.datasetSearch}</label>
        <div className="search-row">
          <input
            id={`${id}-q`}
            type="search"
            value={q}
            onChange={(e) => setQ(e.target.value)}
            data-testid="dataset-search"
          />
          <button type="submit" className="button" disabled={busy}>
            {t.fields.datasetSearchButton}
          </button>
        </div>
      </form>
      {busy && <Loading />}
      {error != null && <ErrorBox error={error} />}
      {result && (
        <section aria-labelledby={`${id}-results`} aria-live="polite">
          <h3 id={`${id}-results`} className="visually-hidden">
            {t.fields.datasetResults}
          </h3>
          {result.items.length === 0 ? (
            <p>{t.fields.datasetNoResults}</p>
          ) : (
            <ul className="dataset-results">
              {result.items.map((d) => {
                const title = pickLang(d.title, locale) || d.id;
                const added = chosen.includes(d.id);
                return (
                  <li key={d.id}>
                    <span>
                      <strong>{title}</strong>{' '}
                      <span className="muted">
                        {fmt(t.fields.datasetFrom, {
                          holder: d.publisher.name,
                          country: nameOf(ui.countries, d.country),
                        })}
                      </span>
                    </span>
                    <button
                      type="button"
                      className="button small"
                      disabled={added}
                      aria-label={added ? undefined : fmt(t.fields.addDataset, { title })}
                      onClick={() => onAdd(requestedFrom(d))}
                      data-testid={`add-dataset-${d.id}`}
                    >
                      {added ? t.fields.added : t.fields.addShort}
                    </button>
                  </li>
                );
              })}
            </ul>
          )}
        </section>
      )}
    </div>
  );
}
