import { useId } from 'react';
import type { DatasetDataUse } from '@openehds/client';
import { conditionParameters, duoIri, duoTerm, duoText, outcomeClass } from './duo';

/**
 * The case file's `dataUse`: each requested dataset's GA4GH DUO conditions matched against the
 * application, shown alike to the applicant and the HDAB (EHDS.md §16). Self-contained: drop it into
 * the applicant's editor or the HDAB's case view with `<DataUseMatch dataUse={view.dataUse} />`.
 * An aid to the assessment; the HDAB decides and the permit rules (Art. 68).
 */
export function DataUseMatch({ dataUse }: { dataUse: readonly DatasetDataUse[] | undefined }) {
  const id = useId();
  const list = dataUse ?? [];
  return (
    <section aria-labelledby={`${id}-title`} className="card" data-testid="data-use-match">
      <h3 id={`${id}-title`}>{duoText.matchTitle}</h3>
      <p className="muted">{duoText.matchIntro}</p>
      {list.length === 0 && <p>{duoText.matchNone}</p>}
      {list.map((d) => (
        <DatasetMatch key={d.datasetId} match={d} />
      ))}
    </section>
  );
}

function DatasetMatch({ match }: { match: DatasetDataUse }) {
  const id = useId();
  const conditions = match.conditions
    .map((c) => {
      const term = duoTerm(c.code);
      const params = conditionParameters(c);
      return `${term?.shorthand ?? c.code}${params ? ` (${params})` : ''}`;
    })
    .join(', ');
  return (
    <article aria-labelledby={`${id}-name`} className="data-use-dataset" data-testid="data-use-dataset">
      <h4 id={`${id}-name`}>
        {match.title} <span className="muted">({match.datasetId})</span>{' '}
        <span className={outcomeClass(match.verdict)} data-testid="data-use-verdict">
          {match.verdict ? duoText.verdicts[match.verdict] : duoText.pending}
        </span>
      </h4>
      <p>
        <span className="muted">{duoText.sectionTitle}:</span> {conditions}
      </p>
      {match.verdict === null ? (
        <p>{duoText.noVerdict}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">
              {duoText.sectionTitle}: {match.title}
            </caption>
            <thead>
              <tr>
                <th scope="col">{duoText.term}</th>
                <th scope="col">{duoText.outcome}</th>
                <th scope="col">{duoText.why}</th>
              </tr>
            </thead>
            <tbody>
              {match.findings.map((f) => (
                <tr key={`${f.id}-${f.code}`}>
                  <th scope="row">
                    <abbr title={f.label}>{f.code}</abbr> {f.label}{' '}
                    {/^DUO:\d{7}$/.test(f.id) && (
                      <a className="muted" href={duoIri(f.id)}>
                        {f.id}
                      </a>
                    )}
                  </th>
                  <td>
                    <span className={outcomeClass(f.outcome)}>{duoText.outcomes[f.outcome]}</span>
                  </td>
                  <td>{f.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </article>
  );
}
