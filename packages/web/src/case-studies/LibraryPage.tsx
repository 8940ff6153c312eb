import { useEffect, useId, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import type { CaseStudyFacetCount, CaseStudyPage, CaseStudyQuery } from '@openehds/client';
import { useAuth } from '../auth/AuthContext';
import { ErrorBox } from '../components/ErrorBox';
import { Loading } from '../components/Loading';
import { fmt, formatDate, formatNumber } from '../i18n/format';
import { useTitle } from '../layout/use-title';
import { useAsync } from '../lib/use-async';
import { caseStudiesApi } from './api';
import { pagesOf, paramsOfQuery, queryFromParams } from './query';
import { caseStudiesText as t } from './strings';

/** One filter: a select of the values the matching case studies carry, with their counts. */
function FacetSelect(props: {
  label: string;
  value: string;
  options: CaseStudyFacetCount[];
  onChange: (v: string) => void;
  testId: string;
}) {
  const id = useId();
  const { label, value, options, onChange, testId } = props;
  // The chosen value stays selectable even when it matches nothing now.
  const all = options.some((o) => o.value === value) || !value ? options : [{ value, count: 0 }, ...options];
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} data-testid={testId} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t.library.any}</option>
        {all.map((o) => (
          <option key={o.value} value={o.value}>
            {`${o.value} (${formatNumber(o.count)})`}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The library's results: a list of cards and page links (exported for the markup test). */
export function LibraryResults({ page, query }: { page: CaseStudyPage; query: CaseStudyQuery }) {
  const pages = pagesOf(page.total, page.pageSize);
  const href = (n: number) => `/case-studies?${paramsOfQuery({ ...query, page: n }).toString()}`;
  return (
    <section aria-labelledby="cs-results-heading">
      <h2 id="cs-results-heading" aria-live="polite" data-testid="case-studies-count">
        {page.total === 1 ? t.library.oneResult : fmt(t.library.results, { n: formatNumber(page.total) })}
      </h2>
      {page.items.length === 0 ? (
        <p data-testid="case-studies-empty">{t.library.none}</p>
      ) : (
        <ul className="plain-list case-study-results" data-testid="case-studies-results">
          {page.items.map((c) => (
            <li key={c.id} className="card case-study-card" data-testid={`case-study-${c.reference}`}>
              <h3>
                <Link to={`/case-studies/${c.id}`}>{c.title}</Link>
              </h3>
              <p className="muted small">
                {fmt(t.library.publishedBy, { author: c.authorName, date: formatDate(c.publishedAt) })} ·{' '}
                {c.reference}
              </p>
              <p>{c.excerpt}</p>
              <ul className="case-study-tags" aria-label={t.sections.tags}>
                {c.tags.map((tag) => (
                  <li key={tag}>
                    <Link to={`/case-studies?${paramsOfQuery({ tag }).toString()}`}>{tag}</Link>
                  </li>
                ))}
                {c.countries.map((cc) => (
                  <li key={cc} className="country">
                    {cc}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
      {pages > 1 && (
        <nav aria-label={t.library.pagination} className="pager">
          <ul>
            {page.page > 1 && (
              <li>
                <Link to={href(page.page - 1)} rel="prev" data-testid="case-studies-prev">
                  {t.library.previous}
                </Link>
              </li>
            )}
            <li aria-current="page">{fmt(t.library.pageOf, { page: page.page, pages })}</li>
            {page.page < pages && (
              <li>
                <Link to={href(page.page + 1)} rel="next" data-testid="case-studies-next">
                  {t.library.next}
                </Link>
              </li>
            )}
          </ul>
        </nav>
      )}
    </section>
  );
}

/** The public library of published case studies: search, filters, results (issue 6 §3). */
export function LibraryPage() {
  useTitle(t.library.title);
  const { principal } = useAuth();
  const [params, setParams] = useSearchParams();
  const key = params.toString();
  const query = queryFromParams(key);
  const result = useAsync((signal) => caseStudiesApi.search(queryFromParams(key), signal), [key]);
  const [text, setText] = useState(query.q ?? '');
  const searchId = useId();
  useEffect(() => setText(queryFromParams(key).q ?? ''), [key]);

  const go = (next: CaseStudyQuery) => setParams(paramsOfQuery({ ...next, page: 1 }));
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    go({ ...query, q: text });
  };
  const facets = result.data?.facets ?? { tags: [], countries: [], datasets: [] };

  return (
    <>
      <h1>{t.library.title}</h1>
      <p className="muted">{t.library.intro}</p>
      {principal && (
        <p className="case-study-links">
          <Link className="button" to="/case-studies/new" data-testid="case-study-new">
            {t.library.write}
          </Link>{' '}
          <Link to="/case-studies/mine" data-testid="case-study-mine">
            {t.library.mine}
          </Link>
        </p>
      )}
      <form role="search" onSubmit={onSubmit} className="case-study-search">
        <div className="field">
          <label htmlFor={searchId}>{t.library.searchLabel}</label>
          <p id={`${searchId}-hint`} className="hint">
            {t.library.searchHint}
          </p>
          <input
            id={searchId}
            type="search"
            value={text}
            aria-describedby={`${searchId}-hint`}
            data-testid="case-studies-search"
            onChange={(e) => setText(e.target.value)}
          />
        </div>
        <button type="submit" className="button" data-testid="case-studies-search-submit">
          {t.library.search}
        </button>
        <fieldset className="case-study-filters">
          <legend>{t.library.filters}</legend>
          <FacetSelect
            label={t.library.tag}
            value={query.tag ?? ''}
            options={facets.tags}
            onChange={(tag) => go({ ...query, tag })}
            testId="case-studies-filter-tag"
          />
          <FacetSelect
            label={t.library.country}
            value={query.country ?? ''}
            options={facets.countries}
            onChange={(country) => go({ ...query, country })}
            testId="case-studies-filter-country"
          />
          <FacetSelect
            label={t.library.dataset}
            value={query.dataset ?? ''}
            options={facets.datasets}
            onChange={(dataset) => go({ ...query, dataset })}
            testId="case-studies-filter-dataset"
          />
          {(query.tag || query.country || query.dataset) && (
            <button
              type="button"
              className="button secondary small"
              data-testid="case-studies-clear"
              onClick={() => go({ q: query.q ?? '' })}
            >
              {t.library.clear}
            </button>
          )}
        </fieldset>
      </form>
      {result.loading && !result.data && <Loading />}
      {result.error != null && <ErrorBox error={result.error} onRetry={result.reload} />}
      {result.data && <LibraryResults page={result.data} query={query} />}
    </>
  );
}
