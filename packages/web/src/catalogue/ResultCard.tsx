import { Link } from 'react-router-dom';
import type { DatasetSummary } from '@openehds/client';
import { QualityBadge } from '../components/QualityBadge';
import { en } from '../i18n/en';
import { fmt, formatDate, formatNumber, nameOf } from '../i18n/format';
import { pickLang } from './labels';

/** One search result: title link, publisher, quality badge, size, country, categories, access. */
export function ResultCard({ dataset }: { dataset: DatasetSummary }) {
  const title = pickLang(dataset.title, 'en') || dataset.id;
  const description = pickLang(dataset.description, 'en');
  return (
    <article className="card result" data-testid="catalogue-result">
      <header className="result-head">
        <h3>
          <Link to={`/catalogue/${encodeURIComponent(dataset.id)}`}>{title}</Link>
        </h3>
        <QualityBadge quality={dataset.quality} />
      </header>
      <p className="result-meta">
        {dataset.publisher.name} · {nameOf(en.countries, dataset.country)} ·{' '}
        {nameOf(en.accessRights, dataset.accessRights)}
      </p>
      {description && (
        <p className="result-desc">
          {description.length > 280 ? `${description.slice(0, 279)}…` : description}
        </p>
      )}
      <ul className="tags" aria-label={en.dataset.categories}>
        {dataset.healthCategories.map((c) => (
          <li key={c} className="tag" title={nameOf(en.healthCategories, c)}>
            {nameOf(en.healthCategories, c)}
          </li>
        ))}
      </ul>
      <p className="result-size">
        {dataset.numberOfUniqueIndividuals != null && (
          <span>{fmt(en.catalogue.individuals, { n: formatNumber(dataset.numberOfUniqueIndividuals) })}</span>
        )}
        {dataset.numberOfRecords != null && (
          <span>{fmt(en.catalogue.records, { n: formatNumber(dataset.numberOfRecords) })}</span>
        )}
        {dataset.temporal && (dataset.temporal.start || dataset.temporal.end) && (
          <span>
            {fmt(en.catalogue.period, {
              start: formatDate(dataset.temporal.start),
              end: formatDate(dataset.temporal.end),
            })}
          </span>
        )}
        {dataset.codingSystems.length > 0 && <span>{dataset.codingSystems.join(', ')}</span>}
      </p>
    </article>
  );
}
