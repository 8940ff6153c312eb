import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { toSearchParams } from '@openehds/client';
import { hub } from '../api';
import { en } from '../i18n/en';
import { formatNumber } from '../i18n/format';
import { useTitle } from '../layout/use-title';
import { useAsync } from '../lib/use-async';

/** Home: what the hub is, a catalogue search box and the catalogue's size. */
export function HomePage() {
  useTitle(undefined);
  const navigate = useNavigate();
  const [q, setQ] = useState('');
  const stats = useAsync((signal) => hub.searchDatasets({ pageSize: 1 }, signal), []);

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    const params = toSearchParams({ q });
    navigate(`/catalogue${params.size ? `?${params.toString()}` : ''}`);
  }

  const counts = stats.data
    ? [
        { label: en.home.datasets, value: stats.data.total },
        { label: en.home.countries, value: stats.data.facets.country.length },
        { label: en.home.categories, value: stats.data.facets.healthCategory.length },
      ]
    : null;

  return (
    <>
      <section className="hero">
        <h1>{en.home.title}</h1>
        <p className="lead">{en.home.intro}</p>
        <form role="search" className="search-form" onSubmit={onSubmit}>
          <label htmlFor="home-search">{en.home.searchLabel}</label>
          <div className="search-row">
            <input
              id="home-search"
              type="search"
              data-testid="catalogue-search"
              placeholder={en.home.searchPlaceholder}
              value={q}
              onChange={(e) => setQ(e.target.value)}
            />
            <button type="submit" className="button">
              {en.home.searchButton}
            </button>
          </div>
        </form>
      </section>
      {counts && (
        <section aria-labelledby="counts-title">
          <h2 id="counts-title">{en.home.countsTitle}</h2>
          <dl className="stat-tiles">
            {counts.map((c) => (
              <div key={c.label} className="stat-tile">
                <dt>{c.label}</dt>
                <dd>{formatNumber(c.value)}</dd>
              </div>
            ))}
          </dl>
          <p>
            <Link to="/catalogue">{en.home.browseAll}</Link>
          </p>
        </section>
      )}
      <section aria-labelledby="how-title">
        <h2 id="how-title">{en.home.howTitle}</h2>
        <ol className="steps">
          <li>{en.home.how1}</li>
          <li>{en.home.how2}</li>
          <li>{en.home.how3}</li>
        </ol>
      </section>
    </>
  );
}
