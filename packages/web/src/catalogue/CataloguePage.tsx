import { useEffect, useId, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import {
  FACET_KEYS,
  fromSearchParams,
  hasFilters,
  toSearchParams,
  toggleFacet,
  type DatasetQuery,
} from '@openehds/client';
import { hub } from '../api';
import { ErrorBox } from '../components/ErrorBox';
import { Loading } from '../components/Loading';
import { ui } from '../i18n/ui';
import { fmt, formatNumber } from '../i18n/format';
import { useTitle } from '../layout/use-title';
import { useAsync } from '../lib/use-async';
import { FacetGroup } from './FacetGroup';
import { atLeastStars, facetOptions } from './facets';
import { Pager } from './Pager';
import { ResultCard } from './ResultCard';

/** Faceted catalogue search; every filter lives in the address bar so searches can be shared. */
export function CataloguePage() {
  useTitle(ui.catalogue.title);
  const [params, setParams] = useSearchParams();
  const key = params.toString();
  const query = fromSearchParams(key);
  const result = useAsync((signal) => hub.searchDatasets(fromSearchParams(key), signal), [key]);
  const [text, setText] = useState(query.q);
  const [minIndividuals, setMinIndividuals] = useState(query.minIndividuals?.toString() ?? '');
  const starsName = useId();

  // Keep the inputs in step when the address changes (back button, a link).
  useEffect(() => {
    const q = fromSearchParams(key);
    setText(q.q);
    setMinIndividuals(q.minIndividuals?.toString() ?? '');
  }, [key]);

  const go = (next: DatasetQuery) => setParams(toSearchParams(next));

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    const n = minIndividuals.trim() === '' ? null : Math.max(0, Math.floor(Number(minIndividuals)));
    go({ ...query, q: text.trim(), minIndividuals: Number.isFinite(n) ? n : null, page: 1 });
  }

  const data = result.data;
  return (
    <>
      <h1>{ui.catalogue.title}</h1>
      <form role="search" className="search-form" onSubmit={onSubmit}>
        <label htmlFor="catalogue-q">{ui.catalogue.searchLabel}</label>
        <div className="search-row">
          <input
            id="catalogue-q"
            type="search"
            data-testid="catalogue-search"
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
          <button type="submit" className="button">
            {ui.catalogue.searchButton}
          </button>
        </div>
        <div className="field inline">
          <label htmlFor="catalogue-min-individuals">{ui.catalogue.minIndividuals}</label>
          <input
            id="catalogue-min-individuals"
            type="number"
            min={0}
            step={1}
            inputMode="numeric"
            value={minIndividuals}
            onChange={(e) => setMinIndividuals(e.target.value)}
          />
        </div>
      </form>
      <div className="catalogue-layout">
        <aside aria-labelledby="filters-title" className="filters">
          <h2 id="filters-title">{ui.catalogue.filters}</h2>
          {hasFilters(query) && (
            <p>
              <Link to="/catalogue">{ui.catalogue.clearFilters}</Link>
            </p>
          )}
          {FACET_KEYS.map((facet) => (
            <FacetGroup
              key={facet}
              facet={facet}
              options={facetOptions(data?.facets[facet], query[facet])}
              onToggle={(value) => go(toggleFacet(query, facet, value))}
            />
          ))}
          <fieldset className="facet">
            <legend>{ui.catalogue.facetStars}</legend>
            <ul>
              <li>
                <input
                  type="radio"
                  id={`${starsName}-any`}
                  name={starsName}
                  checked={query.minStars == null}
                  onChange={() => go({ ...query, minStars: null, page: 1 })}
                />
                <label htmlFor={`${starsName}-any`}>{ui.catalogue.starsAny}</label>
              </li>
              {atLeastStars(data?.facets.stars)
                .reverse()
                // A minimum no dataset reaches only leads to an empty page; keep it only while selected.
                .filter((s) => s.count > 0 || query.minStars === s.stars)
                .map((s) => (
                  <li key={s.stars}>
                    <input
                      type="radio"
                      id={`${starsName}-${s.stars}`}
                      name={starsName}
                      checked={query.minStars === s.stars}
                      onChange={() => go({ ...query, minStars: s.stars, page: 1 })}
                    />
                    <label htmlFor={`${starsName}-${s.stars}`}>
                      {s.stars === 1
                        ? ui.catalogue.starsAtLeastOne
                        : fmt(ui.catalogue.starsAtLeast, { n: s.stars })}{' '}
                      <span className="count">({formatNumber(s.count)})</span>
                    </label>
                  </li>
                ))}
            </ul>
          </fieldset>
        </aside>
        <section aria-labelledby="results-title" className="results" aria-busy={result.loading}>
          <h2 id="results-title" className="visually-hidden">
            {ui.catalogue.results}
          </h2>
          {result.error != null && <ErrorBox error={result.error} onRetry={result.reload} />}
          {result.loading && !data && <Loading />}
          {data && (
            <>
              <p role="status" className="results-count" data-testid="catalogue-count">
                {data.total === 1
                  ? ui.catalogue.resultsCountOne
                  : fmt(ui.catalogue.resultsCount, { total: formatNumber(data.total) })}
              </p>
              {data.items.length === 0 ? (
                <p>{ui.catalogue.noResults}</p>
              ) : (
                <ol className="result-list">
                  {data.items.map((d) => (
                    <li key={d.id}>
                      <ResultCard dataset={d} />
                    </li>
                  ))}
                </ol>
              )}
              <Pager query={query} total={data.total} />
            </>
          )}
        </section>
      </div>
    </>
  );
}
