import { Link } from 'react-router-dom';
import type { DatasetSummary } from '@openehds/client';
import { QualityBadge } from '../components/QualityBadge';
import { ui } from '../i18n/ui';
import { fmt, formatDate, formatNumber, nameOf } from '../i18n/format';
import { pickLang } from './labels';
import { locale } from '../i18n/locale';

/** One search result: title link, publisher, quality badge, size, country, categories, access. */
export function ResultCard({ dataset }: { dataset: DatasetSummary }) {
  const title = pickLang(dataset.title, locale) || dataset.id;
  const description = pickLang(dataset.description, locale);
  return (
    <article className="card result" data-testid="catalogue-result">
      <header className="result-head">
        <h3>
          <Link to={`/catalogue/${encodeURIComponent(dataset.id)}`}>{title}</Link>
        </h3>
        <QualityBadge quality={dataset.quality} />
      </header>
      <p className="result-meta">
        {dataset.publisher.name} · {nameOf(ui.countries, dataset.country)} ·{' '}
        {nameOf(ui.accessRights, dataset.accessRights)}
      </p>
      {description && (
        <p className="result-desc">
          {description.length > 280 ? `${description.slice(0, 279)}…` : description}
        </p>
      )}
      <ul className="tags" aria-label={ui.dataset.categories}>
        {dataset.healthCategories.map((c) => (
          <li key={c} className="tag" title={nameOf(ui.healthCategories, c)}>
            {nameOf(ui.healthCategories, c)}
          </li>
        ))}
      </ul>
      <p className="result-size">
        {dataset.numberOfUniqueIndividuals != null && (
          <span>{fmt(ui.catalogue.individuals, { n: formatNumber(dataset.numberOfUniqueIndividuals) })}</span>
        )}
        {dataset.numberOfRecords != null && (
          <span>{fmt(ui.catalogue.records, { n: formatNumber(dataset.numberOfRecords) })}</span>
        )}
        {dataset.temporal && (dataset.temporal.start || dataset.temporal.end) && (
          <span>
            {fmt(ui.catalogue.period, {
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
