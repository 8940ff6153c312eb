import { useId, useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router-dom';
import { ApiError, type DatasetDetail } from '@openehds/client';
import { hub } from '../api';
import { ErrorBox } from '../components/ErrorBox';
import { Loading } from '../components/Loading';
import { QualityBadge } from '../components/QualityBadge';
import { en } from '../i18n/en';
import { formatDate, nameOf } from '../i18n/format';
import { useTitle } from '../layout/use-title';
import { useAsync } from '../lib/use-async';
import { DataUseSection } from './DataUseSection';
import { keywordsIn, legalBasesIn, legislationName, periodText, textsIn } from './description-text';
import { pickLang } from './labels';
import { availableLanguages } from './languages';
import { QualitySection } from './QualitySection';
import { RdfLinks } from './RdfLinks';
import { StatisticsSection } from './StatisticsSection';

/** One dataset: description in a chosen language, use conditions, quality label, statistics, RDF. */
export function DatasetPage() {
  const { id = '' } = useParams();
  const result = useAsync(() => hub.getDataset(id), [id]);
  if (result.loading) return <Loading />;
  if (result.error != null) {
    const notFound = result.error instanceof ApiError && result.error.status === 404;
    return (
      <>
        <p>
          <Link to="/catalogue">{en.dataset.backToCatalogue}</Link>
        </p>
        {notFound ? (
          <p role="alert">{en.dataset.notFound}</p>
        ) : (
          <ErrorBox error={result.error} onRetry={result.reload} />
        )}
      </>
    );
  }
  return result.data ? <DatasetView dataset={result.data} /> : null;
}

function DatasetView({ dataset }: { dataset: DatasetDetail }) {
  const d = dataset.description;
  const langs = availableLanguages(d.title, d.description);
  const [lang, setLang] = useState(langs[0] ?? 'en');
  const selectId = useId();
  const title = pickLang(d.title, lang) || dataset.id;
  useTitle(title);
  const description = pickLang(d.description, lang);
  const legislation = d.applicableLegislation ?? [];
  const overview: { label: string; value: ReactNode }[] = [
    { label: en.dataset.publisher, value: pickLang(d.publisher?.name, lang) },
    {
      label: en.dataset.node,
      value: dataset.node ? `${dataset.node.name} (${nameOf(en.countries, dataset.node.country)})` : '',
    },
    { label: en.dataset.accessRights, value: d.accessRights ? nameOf(en.accessRights, d.accessRights) : '' },
    {
      label: en.dataset.categories,
      value: (d.healthCategories ?? []).map((c) => `${nameOf(en.healthCategories, c)} (${c})`).join('; '),
    },
    { label: en.dataset.keywords, value: keywordsIn(d.keywords, lang).join(', ') },
    { label: en.dataset.period, value: periodText(d.derived?.temporalCoverage) },
    { label: en.dataset.legalBasis, value: legalBasesIn(d, lang).join(' ') },
    { label: en.dataset.purpose, value: textsIn(d.purposes, lang).join(' ') },
    { label: en.dataset.provenance, value: pickLang(d.provenance, lang) },
    { label: en.dataset.retentionPeriod, value: periodText(d.retentionPeriod) },
    { label: en.dataset.conformsTo, value: (d.conformsTo ?? []).join(', ') },
    {
      label: en.dataset.legislation,
      value: legislation.length ? (
        <ul className="plain-list">
          {legislation.map((iri) => (
            <li key={iri}>
              {/^https?:\/\//.test(iri) ? <a href={iri}>{legislationName(iri)}</a> : legislationName(iri)}
            </li>
          ))}
        </ul>
      ) : (
        ''
      ),
    },
    { label: en.dataset.published, value: formatDate(dataset.publishedAt) },
  ].filter((row) => row.value);
  const contact = d.contactPoint;
  const contactName = pickLang(contact?.name, lang);

  return (
    <article className="dataset" lang={lang}>
      <p lang="en">
        <Link to="/catalogue">{en.dataset.backToCatalogue}</Link>
      </p>
      <header className="dataset-head">
        <h1>{title}</h1>
        <QualityBadge quality={dataset.quality} size="large" />
      </header>
      {langs.length > 1 && (
        <div className="field inline" lang="en">
          <label htmlFor={selectId}>{en.dataset.language}</label>
          <select id={selectId} value={lang} onChange={(e) => setLang(e.target.value)}>
            {langs.map((l) => (
              <option key={l} value={l}>
                {nameOf(en.languages, l)}
              </option>
            ))}
          </select>
        </div>
      )}
      {description && <p className="lead">{description}</p>}
      <div lang="en">
        <section aria-labelledby="overview-title" className="card">
          <h2 id="overview-title">{en.dataset.overview}</h2>
          <dl className="key-values">
            {overview.map((row) => (
              <div key={row.label}>
                <dt>{row.label}</dt>
                <dd>{row.value}</dd>
              </div>
            ))}
            {contact && (contactName || contact.email) && (
              <div>
                <dt>{en.dataset.contact}</dt>
                <dd>
                  {contactName}
                  {contact.email && (
                    <>
                      {contactName ? ' · ' : ''}
                      <a href={`mailto:${contact.email}`}>{contact.email}</a>
                    </>
                  )}
                </dd>
              </div>
            )}
          </dl>
        </section>
        <DataUseSection conditions={d.dataUse} />
        <QualitySection quality={dataset.quality} />
        <StatisticsSection stats={dataset.statistics} />
        <RdfLinks id={dataset.id} />
      </div>
    </article>
  );
}
