import type { DataUseCondition } from '@openehds/client';
import { conditionParameters, duoIri, duoText, duoTerm } from './duo';

/**
 * The dataset's GA4GH DUO data-use conditions on its catalogue page, with DUO labels and ids linked
 * to the ontology (EHDS.md §16). Conditions are an aid; the data permit rules (Art. 68).
 */
export function DataUseSection({ conditions }: { conditions: readonly DataUseCondition[] | undefined }) {
  const list = conditions ?? [];
  return (
    <section aria-labelledby="data-use-title" className="card" data-testid="data-use-section">
      <h2 id="data-use-title">{duoText.sectionTitle}</h2>
      <p className="muted">{duoText.sectionIntro}</p>
      {list.length === 0 ? (
        <p>{duoText.none}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{duoText.sectionTitle}</caption>
            <thead>
              <tr>
                <th scope="col">{duoText.term}</th>
                <th scope="col">{duoText.id}</th>
                <th scope="col">{duoText.parameters}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((c) => {
                const term = duoTerm(c.code);
                return (
                  <tr key={c.code}>
                    <th scope="row">
                      {term ? (
                        <>
                          <abbr title={term.label}>{term.shorthand}</abbr> {term.label}
                          {term.role === 'permission' && (
                            <span className="muted"> ({duoText.permission.toLowerCase()})</span>
                          )}
                        </>
                      ) : (
                        c.code
                      )}
                    </th>
                    <td>{term ? <a href={duoIri(term.id)}>{term.id}</a> : c.code}</td>
                    <td>{conditionParameters(c)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
