import { useId } from 'react';
import { fmt, formatNumber } from '../i18n/format';
import type { NodeAnswer } from './node-answers';
import { individualRows, variantRows } from './records';
import type { EntryKind } from './search-request';
import { genomicsText as t } from './strings';

/**
 * A permit holder's records at one node (issue 5 §3): variants with their 1-based position beside
 * Beacon's 0-based half-open interval, or individuals with their permit pseudonym, sex and phenotypes.
 */
export function RecordsTable({ answer, entry }: { answer: NodeAnswer; entry: EntryKind }) {
  const id = useId();
  const total = answer.count.kind === 'exact' ? answer.count.n : answer.records.length;
  return (
    <section
      aria-labelledby={`${id}-title`}
      className="card"
      data-testid={`genomics-records-${answer.nodeId}`}
    >
      <h3 id={`${id}-title`}>{fmt(t.records.title, { node: answer.nodeName })}</h3>
      <div className="table-wrap">
        {entry === 'variants' ? <Variants answer={answer} /> : <Individuals answer={answer} />}
      </div>
      <p className="muted small">
        {fmt(t.records.shown, { shown: formatNumber(answer.records.length), total: formatNumber(total) })}{' '}
        {entry === 'individuals' && t.records.permitNote}
      </p>
    </section>
  );
}

function Variants({ answer }: { answer: NodeAnswer }) {
  const rows = variantRows(answer.records);
  return (
    <table data-testid="genomics-variant-records">
      <caption className="visually-hidden">
        {fmt(t.records.variantsCaption, { node: answer.nodeName })}
      </caption>
      <thead>
        <tr>
          <th scope="col">{t.records.position}</th>
          <th scope="col">{t.records.interval}</th>
          <th scope="col">{t.records.ref}</th>
          <th scope="col">{t.records.alt}</th>
          <th scope="col">{t.records.type}</th>
          <th scope="col" className="num">
            {t.records.carriers}
          </th>
          <th scope="col" className="num">
            {t.records.frequency}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key} data-testid="genomics-variant-record">
            <th scope="row" data-testid="genomics-record-position">
              {r.position === null ? '—' : `${r.chrom}:${formatNumber(r.position)}`}
            </th>
            <td data-testid="genomics-record-interval">
              {r.start0 === null || r.end0 === null ? '—' : `[${r.start0}, ${r.end0})`}
            </td>
            <td>
              <code>{r.ref}</code>
            </td>
            <td>
              <code>{r.alt}</code>
            </td>
            <td>{r.type || '—'}</td>
            <td className="num">{formatNumber(r.carriers)}</td>
            <td className="num">{r.frequency === null ? '—' : String(Number(r.frequency.toPrecision(4)))}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Individuals({ answer }: { answer: NodeAnswer }) {
  const rows = individualRows(answer.records);
  return (
    <table data-testid="genomics-individual-records">
      <caption className="visually-hidden">
        {fmt(t.records.individualsCaption, { node: answer.nodeName })}
      </caption>
      <thead>
        <tr>
          <th scope="col">{t.records.id}</th>
          <th scope="col">{t.records.sex}</th>
          <th scope="col">{t.records.phenotypes}</th>
          <th scope="col">{t.records.diseases}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          <tr key={`${r.id}-${i}`} data-testid="genomics-individual-record">
            <th scope="row">
              <code>{r.id}</code>
            </th>
            <td>{r.sex || '—'}</td>
            <td>{r.phenotypes.join(', ') || '—'}</td>
            <td>{r.diseases.join(', ') || '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
