import { useId, useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router-dom';
import { ApiError, type DatasetDetail } from '@openehds/client';
import { hub } from '../api';
import { ErrorBox } from '../components/ErrorBox';
import { Loading } from '../components/Loading';
import { QualityBadge } from '../components/QualityBadge';
import { ui } from '../i18n/ui';
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
import { locale } from '../i18n/locale';

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
          <Link to="/catalogue">{ui.dataset.backToCatalogue}</Link>
        </p>
        {notFound ? (
          <p role="alert">{ui.dataset.notFound}</p>
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
  // The page's language when the holder described the dataset in it, else the first they used.
  const [lang, setLang] = useState(langs.includes(locale) ? locale : (langs[0] ?? 'en'));
  const selectId = useId();
  const title = pickLang(d.title, lang) || dataset.id;
  useTitle(title);
  const description = pickLang(d.description, lang);
  const legislation = d.applicableLegislation ?? [];
  const overview: { label: string; value: ReactNode }[] = [
    { label: ui.dataset.publisher, value: pickLang(d.publisher?.name, lang) },
    {
      label: ui.dataset.node,
      value: dataset.node ? `${dataset.node.name} (${nameOf(ui.countries, dataset.node.country)})` : '',
    },
    { label: ui.dataset.accessRights, value: d.accessRights ? nameOf(ui.accessRights, d.accessRights) : '' },
    {
      label: ui.dataset.categories,
      value: (d.healthCategories ?? []).map((c) => `${nameOf(ui.healthCategories, c)} (${c})`).join('; '),
    },
    { label: ui.dataset.keywords, value: keywordsIn(d.keywords, lang).join(', ') },
    { label: ui.dataset.period, value: periodText(d.derived?.temporalCoverage) },
    { label: ui.dataset.legalBasis, value: legalBasesIn(d, lang).join(' ') },
    { label: ui.dataset.purpose, value: textsIn(d.purposes, lang).join(' ') },
    { label: ui.dataset.provenance, value: pickLang(d.provenance, lang) },
    { label: ui.dataset.retentionPeriod, value: periodText(d.retentionPeriod) },
    { label: ui.dataset.conformsTo, value: (d.conformsTo ?? []).join(', ') },
    {
      label: ui.dataset.legislation,
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
    { label: ui.dataset.published, value: formatDate(dataset.publishedAt) },
  ].filter((row) => row.value);
  const contact = d.contactPoint;
  const contactName = pickLang(contact?.name, lang);

  return (
    <article className="dataset" lang={lang}>
      <p lang="en">
        <Link to="/catalogue">{ui.dataset.backToCatalogue}</Link>
      </p>
      <header className="dataset-head">
        <h1>{title}</h1>
        <QualityBadge quality={dataset.quality} size="large" />
      </header>
      {langs.length > 1 && (
        <div className="field inline" lang="en">
          <label htmlFor={selectId}>{ui.dataset.language}</label>
          <select id={selectId} value={lang} onChange={(e) => setLang(e.target.value)}>
            {langs.map((l) => (
              <option key={l} value={l}>
                {nameOf(ui.languages, l)}
              </option>
            ))}
          </select>
        </div>
      )}
      {description && <p className="lead">{description}</p>}
      <div lang="en">
        <section aria-labelledby="overview-title" className="card">
          <h2 id="overview-title">{ui.dataset.overview}</h2>
          <dl className="key-values">
            {overview.map((row) => (
              <div key={row.label}>
                <dt>{row.label}</dt>
                <dd>{row.value}</dd>
              </div>
            ))}
            {contact && (contactName || contact.email) && (
              <div>
                <dt>{ui.dataset.contact}</dt>
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
