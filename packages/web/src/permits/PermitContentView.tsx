import { useId, type ReactNode } from 'react';
import { PURPOSE_LETTER, type PermitDocumentContent, type Purpose } from '@openehds/client';
import { formatEuro } from '../applications/money';
import { applicationsText } from '../applications/strings';
import { ui } from '../i18n/ui';
import { fmt, formatDate, formatNumber, nameOf } from '../i18n/format';
import { permitsText as t } from './strings';

const c = t.content;

function Letter({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <section aria-labelledby={id} className="permit-letter">
      <h3 id={id}>{title}</h3>
      {children}
    </section>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children === '' || children === null || children === undefined ? c.none : children}</dd>
    </div>
  );
}

const purposeText = (p: string) => {
  const letter = PURPOSE_LETTER[p as Purpose];
  const name = nameOf(applicationsText.purposes as Record<string, string>, p);
  return letter ? `${name} (${fmt(applicationsText.purposeLetter, { letter })})` : name;
};

/** Principal investigator first, as Art. 68(10)(d) names them especially. */
function piFirst<T extends { role: string }>(persons: readonly T[]): T[] {
  return [...persons].sort(
    (a, b) => Number(b.role === 'principal_investigator') - Number(a.role === 'principal_investigator'),
  );
}

/** The content of a permit version by the letters (a)–(h) of Art. 68(10). */
export function PermitContentView({ content }: { content: PermitDocumentContent }) {
  const id = useId();
  const persons = piFirst(content.persons ?? []);
  return (
    <section aria-labelledby={`${id}-title`} className="card content-view" data-testid="permit-content">
      <h2 id={`${id}-title`}>{c.title}</h2>
      <Letter title={c.a}>
        <dl className="key-values">
          <Row label={c.datasets}>
            {content.datasets?.length ? (
              <ul className="plain-list">
                {content.datasets.map((d) => (
                  <li key={d.datasetId}>
                    <strong>{d.title || d.datasetId}</strong> <span className="muted">({d.datasetId})</span>
                    {(d.holder || d.country) && (
                      <div className="muted small">
                        {d.holder
                          ? fmt(c.datasetFrom, { holder: d.holder, country: nameOf(ui.countries, d.country) })
                          : nameOf(ui.countries, d.country)}
                      </div>
                    )}
                    {d.variables?.length ? (
                      <div className="small">{fmt(c.variablesOf, { list: d.variables.join(', ') })}</div>
                    ) : null}
                  </li>
                ))}
              </ul>
            ) : null}
          </Row>
          <Row label={c.variables}>{content.variables?.join(', ')}</Row>
          <Row label={c.period}>
            {content.period?.from || content.period?.to
              ? `${formatDate(content.period.from) || '…'} – ${formatDate(content.period.to) || '…'}`
              : null}
          </Row>
          <Row label={c.dataForm}>{content.dataForm ? nameOf(c.dataForms, content.dataForm) : null}</Row>
          {content.holder?.organisation && <Row label={c.holder}>{content.holder.organisation}</Row>}
        </dl>
      </Letter>
      <Letter title={c.b}>
        {content.purposes?.length ? (
          <ul className="plain-list">
            {content.purposes.map((p) => (
              <li key={p}>{purposeText(p)}</li>
            ))}
          </ul>
        ) : (
          <p>{c.none}</p>
        )}
      </Letter>
      <Letter title={c.c}>
        <p>{content.optOutException?.granted ? c.optOutGranted : c.optOutNotGranted}</p>
        {content.optOutException?.granted && content.optOutException.justification && (
          <p className="quote">
            <span className="visually-hidden">{c.justification}: </span>
            {content.optOutException.justification}
          </p>
        )}
      </Letter>
      <Letter title={c.d}>
        <div className="table-wrap">
          <table data-testid="permit-persons">
            <caption className="visually-hidden">{c.personsCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{c.name}</th>
                <th scope="col">{c.role}</th>
                <th scope="col">{c.email}</th>
                <th scope="col">{c.orcid}</th>
              </tr>
            </thead>
            <tbody>
              {persons.map((p) => (
                <tr key={p.email}>
                  <th scope="row">{p.name}</th>
                  <td>{nameOf(applicationsText.personRoles as Record<string, string>, p.role)}</td>
                  <td>{p.email}</td>
                  <td>{p.orcid ? <a href={`https://orcid.org/${p.orcid}`}>{p.orcid}</a> : c.none}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Letter>
      <Letter title={c.e}>
        <p>
          {fmt(t.detail.validityValue, {
            from: formatDate(content.validFrom),
            until: formatDate(content.validUntil),
          })}
        </p>
      </Letter>
      <Letter title={c.f}>
        <dl className="key-values">
          <Row label={c.tools}>{content.spe?.tools?.join(', ')}</Row>
          <Row label={c.cpuHours}>{content.spe?.cpuHours ? formatNumber(content.spe.cpuHours) : null}</Row>
          <Row label={c.gpuHours}>{content.spe?.gpuHours ? formatNumber(content.spe.gpuHours) : null}</Row>
          <Row label={c.aiFactory}>{content.spe?.aiFactory}</Row>
        </dl>
      </Letter>
      <Letter title={c.g}>
        <p>{content.fees ? `${c.fees}: ${formatEuro(content.fees.total)}` : c.noFees}</p>
      </Letter>
      <Letter title={c.h}>
        {content.conditions?.length ? (
          <ul>
            {content.conditions.map((x, i) => (
              <li key={i}>{x}</li>
            ))}
          </ul>
        ) : (
          <p>{c.none}</p>
        )}
      </Letter>
    </section>
  );
}
