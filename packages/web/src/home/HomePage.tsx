import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { toSearchParams } from '@openehds/client';
import { hub } from '../api';
import { ui } from '../i18n/ui';
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
        { label: ui.home.datasets, value: stats.data.total },
        { label: ui.home.countries, value: stats.data.facets.country.length },
        { label: ui.home.categories, value: stats.data.facets.healthCategory.length },
      ]
    : null;

  return (
    <>
      <section className="hero">
        <h1>{ui.home.title}</h1>
        <p className="lead">{ui.home.intro}</p>
        <form role="search" className="search-form" onSubmit={onSubmit}>
          <label htmlFor="home-search">{ui.home.searchLabel}</label>
          <div className="search-row">
            <input
              id="home-search"
              type="search"
              data-testid="catalogue-search"
              placeholder={ui.home.searchPlaceholder}
              value={q}
              onChange={(e) => setQ(e.target.value)}
            />
            <button type="submit" className="button">
              {ui.home.searchButton}
            </button>
          </div>
        </form>
      </section>
      {counts && (
        <section aria-labelledby="counts-title">
          <h2 id="counts-title">{ui.home.countsTitle}</h2>
          <dl className="stat-tiles">
            {counts.map((c) => (
              <div key={c.label} className="stat-tile">
                <dt>{c.label}</dt>
                <dd>{formatNumber(c.value)}</dd>
              </div>
            ))}
          </dl>
          <p>
            <Link to="/catalogue">{ui.home.browseAll}</Link>
          </p>
        </section>
      )}
      <section aria-labelledby="how-title">
        <h2 id="how-title">{ui.home.howTitle}</h2>
        <ol className="steps">
          <li>{ui.home.how1}</li>
          <li>{ui.home.how2}</li>
          <li>{ui.home.how3}</li>
        </ol>
      </section>
    </>
  );
}
