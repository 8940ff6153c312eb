import type { ReactNode } from 'react';
import {
  PROHIBITED_USES,
  PURPOSE_LETTER,
  type ApplicationContent,
  type ApplicationKind,
} from '@openehds/client';
import { ui } from '../i18n/ui';
import { fmt, formatNumber, nameOf } from '../i18n/format';
import { applicationsText as t } from './strings';

const c = t.content;
const f = t.fields;
const dash = c.none;

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children === '' || children === undefined || children === null ? dash : children}</dd>
    </div>
  );
}

function Section({ title, children, level }: { title: string; children: ReactNode; level: 2 | 3 }) {
  const H = level === 2 ? 'h3' : 'h4';
  return (
    <section>
      <H>{title}</H>
      <dl className="key-values">{children}</dl>
    </section>
  );
}

const list = (items: readonly string[] | undefined) => (items?.length ? items.join(', ') : dash);

/**
 * The file read-only, grouped by the letters of Art. 67(2) (applications) or Art. 69(2) (health
 * data requests), for the applicant's review and the HDAB's case view.
 */
export function ContentView({
  kind,
  content,
  level = 2,
}: {
  kind: ApplicationKind;
  content: ApplicationContent;
  level?: 2 | 3;
}) {
  const app = kind === 'application';
  const purposes = (content.purposes ?? []).map(
    (p) => `${t.purposes[p]} (${fmt(t.purposeLetter, { letter: PURPOSE_LETTER[p] })})`,
  );
  const declared = new Set(content.declarations ?? []);
  const lb = content.legalBasis;
  return (
    <div className="content-view" data-testid="content-view">
      <Section level={level} title={app ? c.letterA : c.requestA}>
        <Row label={f.title}>{content.title}</Row>
        <Row label={f.activities}>{content.applicantActivities}</Row>
        {app && (
          <Row label={f.persons}>
            {content.persons?.length ? (
              <ul className="plain-list">
                {content.persons.map((p, i) => (
                  <li key={i}>
                    <strong>{p.name}</strong> ({t.personRoles[p.role]}) · {p.email}
                    {p.affiliation ? ` · ${p.affiliation}` : ''}
                    {p.orcid ? ` · ORCID ${p.orcid}` : ''}
                  </li>
                ))}
              </ul>
            ) : (
              dash
            )}
          </Row>
        )}
      </Section>
      <Section level={level} title={app ? c.letterB : c.requestB}>
        <Row label={t.stepNames.purposes}>
          {purposes.length ? (
            <ul className="plain-list">
              {purposes.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          ) : (
            dash
          )}
        </Row>
        {!app && <Row label={f.useAndBenefitRequest}>{content.useAndBenefit}</Row>}
      </Section>
      {app && (
        <Section level={level} title={c.letterC}>
          <Row label={f.useAndBenefit}>{content.useAndBenefit}</Row>
        </Section>
      )}
      <Section level={level} title={app ? c.letterD : c.requestC}>
        <Row label={f.datasets}>
          {content.datasets?.length ? (
            <ul className="plain-list">
              {content.datasets.map((d) => (
                <li key={d.datasetId}>
                  <strong>{d.title || d.datasetId}</strong> (<code>{d.datasetId}</code>,{' '}
                  {d.holder ? `${d.holder}, ` : ''}
                  {nameOf(ui.countries, d.country)})
                  {d.variables?.length ? (
                    <>
                      : <code>{d.variables.join(', ')}</code>
                    </>
                  ) : null}
                </li>
              ))}
            </ul>
          ) : (
            dash
          )}
        </Row>
        <Row label={f.variables}>{list(content.variables)}</Row>
        <Row label={f.period}>
          {content.period?.from || content.period?.to
            ? `${content.period?.from ?? '…'} – ${content.period?.to ?? '…'}`
            : dash}
        </Row>
        <Row label={f.geography}>{list(content.geography?.map((g) => nameOf(ui.countries, g)))}</Row>
        <Row label={f.format}>{content.format}</Row>
      </Section>
      {app ? (
        <Section level={level} title={c.letterE}>
          <Row label={t.stepNames.dataForm}>
            {content.dataForm ? (content.dataForm === 'anonymised' ? f.anonymised : f.pseudonymised) : dash}
          </Row>
          {content.dataForm === 'pseudonymised' && (
            <>
              <Row label={f.dataFormJustification}>{content.dataFormJustification}</Row>
              <Row label={f.legalBasisArticle}>{lb?.article ? t.legalBases[lb.article] : dash}</Row>
              <Row label={f.legalBasisExplanation}>{lb?.explanation}</Row>
            </>
          )}
        </Section>
      ) : (
        <Section level={level} title={c.requestD}>
          <Row label={f.statisticalDescription}>{content.statisticalContent?.description}</Row>
          <Row label={f.tables}>
            {content.statisticalContent?.tables?.length ? (
              <ul className="plain-list">
                {content.statisticalContent.tables.map((tb, i) => (
                  <li key={i}>
                    <strong>{tb.measure}</strong>
                    {tb.dimensions.length ? ` × ${tb.dimensions.join(' × ')}` : ''}
                    {tb.population ? ` (${tb.population})` : ''}
                  </li>
                ))}
              </ul>
            ) : (
              dash
            )}
          </Row>
        </Section>
      )}
      {app && (
        <Section level={level} title={c.letterF}>
          <Row label={f.ownDatasets}>{content.ownDatasets}</Row>
        </Section>
      )}
      <Section level={level} title={app ? c.letterG : c.requestE}>
        <Row label={f.safeguards}>{content.safeguards}</Row>
      </Section>
      {!app && (
        <Section level={level} title={c.requestF}>
          <Row label={f.legalBasisArticle}>{lb?.article ? t.legalBases[lb.article] : dash}</Row>
          <Row label={f.legalBasisExplanation}>{lb?.explanation}</Row>
        </Section>
      )}
      {app && (
        <>
          <Section level={level} title={c.letterH}>
            {content.publicBodyAccess?.period || content.publicBodyAccess?.frequency ? (
              <>
                <Row label={f.publicPeriod}>{content.publicBodyAccess.period}</Row>
                <Row label={f.publicFrequency}>{content.publicBodyAccess.frequency}</Row>
              </>
            ) : (
              <>
                <Row label={f.speMonths}>
                  {content.speMonths ? fmt(c.months, { n: content.speMonths }) : dash}
                </Row>
                <Row label={f.speJustification}>{content.speJustification}</Row>
              </>
            )}
          </Section>
          <Section level={level} title={c.letterI}>
            <Row label={f.software}>{list(content.tools?.software)}</Row>
            <Row label={f.cpuHours}>
              {content.tools?.cpuHours != null ? formatNumber(content.tools.cpuHours) : dash}
            </Row>
            <Row label={f.gpuHours}>
              {content.tools?.gpuHours != null ? formatNumber(content.tools.gpuHours) : dash}
            </Row>
            <Row label={f.aiFactory}>{content.tools?.aiFactory}</Row>
          </Section>
          <Section level={level} title={c.letterJ}>
            <Row label={f.ethicsStatus}>
              {content.ethics?.status ? t.ethicsStatuses[content.ethics.status] : dash}
            </Row>
            <Row label={f.ethicsCommittee}>{content.ethics?.committee}</Row>
            <Row label={f.ethicsReference}>{content.ethics?.reference}</Row>
          </Section>
        </>
      )}
      <Section level={level} title={app ? c.letterK : c.requestG}>
        <Row label={t.stepNames.optOut}>
          {content.optOutException?.requested ? c.requested : c.notRequested}
        </Row>
        {content.optOutException?.requested && (
          <Row label={f.optOutJustification}>{content.optOutException.justification}</Row>
        )}
      </Section>
      <Section level={level} title={c.art54}>
        {PROHIBITED_USES.map((use) => (
          <Row key={use} label={t.prohibited[use]}>
            {declared.has(use) ? c.declared : <span className="bad">{c.notDeclared}</span>}
          </Row>
        ))}
      </Section>
      <Section level={level} title={c.other}>
        <Row label={f.commercial}>{content.commercial ? t.file.yes : t.file.no}</Row>
        <Row label={f.diseaseCodes}>{list(content.diseaseCodes)}</Row>
      </Section>
    </div>
  );
}
