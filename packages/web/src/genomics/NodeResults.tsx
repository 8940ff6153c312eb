import { useId } from 'react';
import { ui } from '../i18n/ui';
import { nameOf } from '../i18n/format';
import { allelesText, countText, foundText, frequencyText, statusText, summaryText } from './answer-text';
import type { NodeAnswer } from './node-answers';
import type { EntryKind } from './search-request';
import { genomicsText as t } from './strings';

/**
 * One row per node asked: name, country, dataset, yes/no, and — when the user may see them — the
 * count (rounding shown), allele count / number and frequency. Count columns are left out entirely
 * for yes/no answers rather than filled with "not shown" (issue 5 §3, §5).
 */
export function NodeResults({ answers, entry }: { answers: readonly NodeAnswer[]; entry: EntryKind }) {
  const id = useId();
  const counted = answers.some((a) => a.granularity !== 'boolean');
  const alleles = entry === 'variants' && answers.some((a) => a.frequency);
  const rounded = answers.some((a) => a.count.kind === 'rounded' || a.frequency?.rounded);
  return (
    <section aria-labelledby={`${id}-title`} className="card" data-testid="genomics-results">
      <h2 id={`${id}-title`}>{t.results.title}</h2>
      <p data-testid="genomics-summary">{summaryText(answers)}</p>
      {answers.length === 0 ? (
        <p>{t.results.noNodes}</p>
      ) : (
        <div className="table-wrap">
          <table data-testid="genomics-nodes">
            <caption className="visually-hidden">{t.results.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.results.node}</th>
                <th scope="col">{t.results.country}</th>
                <th scope="col">{t.results.dataset}</th>
                <th scope="col">{t.results.found}</th>
                {counted && (
                  <th scope="col" className="num">
                    {entry === 'variants' ? t.results.countVariants : t.results.countIndividuals}
                  </th>
                )}
                {alleles && (
                  <>
                    <th scope="col" className="num">
                      {t.results.alleles}
                    </th>
                    <th scope="col" className="num">
                      {t.results.frequency}
                    </th>
                  </>
                )}
                <th scope="col">{t.results.status}</th>
              </tr>
            </thead>
            <tbody>
              {answers.map((a) => (
                <tr
                  key={a.nodeId}
                  data-testid={`genomics-node-${a.nodeId}`}
                  data-status={a.status}
                  data-granularity={a.granularity}
                >
                  <th scope="row" data-testid="genomics-node-name">
                    {a.nodeName}
                  </th>
                  <td>{nameOf(ui.countries, a.country)}</td>
                  <td>{a.datasetIds.join(', ')}</td>
                  <td data-testid="genomics-found">{foundText(a)}</td>
                  {counted && (
                    <td className="num" data-testid="genomics-count">
                      {countText(a)}
                    </td>
                  )}
                  {alleles && (
                    <>
                      <td className="num" data-testid="genomics-alleles">
                        {allelesText(a)}
                      </td>
                      <td className="num" data-testid="genomics-frequency">
                        {frequencyText(a)}
                      </td>
                    </>
                  )}
                  <td>{statusText(a)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {rounded && <p className="muted small">{t.results.roundedNote}</p>}
    </section>
  );
}
