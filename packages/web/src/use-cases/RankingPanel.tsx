import { RANKING_METHODS, type RankingMethod, type UseCaseRanking } from '@openehds/client';
import { Link } from 'react-router-dom';
import { fmt } from '../i18n/format';
import { useCasesText as t } from './strings';
import { shortDecimal, type WeightDraft } from './view';

interface Props {
  criteria: { id: keyof typeof t.criteria }[];
  draft: WeightDraft;
  method: RankingMethod;
  /** Messages by field path, from the hub's problem (`weights.<id>`, `weights`, `method`). */
  issues: Record<string, string[]>;
  ranking: UseCaseRanking | null;
  canStoreDefaults: boolean;
  notice: string | null;
  onWeight: (id: string, value: string) => void;
  onMethod: (method: RankingMethod) => void;
  onRank: () => void;
  onReset: () => void;
  onStoreDefaults: () => void;
}

/** The weights form (inputs with each refusal's reason beside them), the method switch and the ranking. */
export function RankingPanel(p: Props) {
  const whole = p.issues.weights ?? [];
  return (
    <section aria-labelledby="uc-ranking-h">
      <h2 id="uc-ranking-h">{t.rankingTitle}</h2>
      <form
        className="use-case-weights"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          p.onRank();
        }}
      >
        <fieldset aria-describedby={whole.length ? 'uc-w-hint uc-w-err' : 'uc-w-hint'}>
          <legend>{t.weightsLegend}</legend>
          <p id="uc-w-hint" className="muted small">
            {t.weightsHint}
          </p>
          {whole.length > 0 && (
            <p id="uc-w-err" className="field-error" data-testid="uc-weights-error">
              {whole.join(' ')}
            </p>
          )}
          <div className="use-case-weight-grid">
            {p.criteria.map((c) => {
              const errs = p.issues[`weights.${c.id}`] ?? [];
              const id = `uc-w-${c.id}`;
              return (
                <div key={c.id} className="field">
                  <label htmlFor={id}>{t.criteria[c.id]}</label>
                  <input
                    id={id}
                    type="number"
                    inputMode="decimal"
                    min={0}
                    step="any"
                    value={p.draft[c.id] ?? ''}
                    aria-invalid={errs.length ? true : undefined}
                    aria-describedby={errs.length ? `${id}-err` : undefined}
                    data-testid={id}
                    onChange={(e) => p.onWeight(c.id, e.target.value)}
                  />
                  {errs.length > 0 && (
                    <p id={`${id}-err`} className="field-error" data-testid={`${id}-err`}>
                      {errs.join(' ')}
                    </p>
                  )}
                </div>
              );
            })}
          </div>
        </fieldset>
        <fieldset>
          <legend>{t.methodLegend}</legend>
          {RANKING_METHODS.map((m) => (
            <div key={m} className="radio">
              <input
                type="radio"
                id={`uc-method-${m}`}
                name="uc-method"
                value={m}
                checked={p.method === m}
                data-testid={`uc-method-${m}`}
                onChange={() => p.onMethod(m)}
              />
              <label htmlFor={`uc-method-${m}`}>{t.methods[m]}</label>
            </div>
          ))}
          {(p.issues.method ?? []).length > 0 && <p className="field-error">{p.issues.method!.join(' ')}</p>}
        </fieldset>
        <div className="actions">
          <button type="submit" className="button" data-testid="uc-rank">
            {t.rank}
          </button>
          <button
            type="button"
            className="button secondary"
            data-testid="uc-reset-weights"
            onClick={p.onReset}
          >
            {t.resetWeights}
          </button>
          {p.canStoreDefaults && (
            <button
              type="button"
              className="button secondary"
              data-testid="uc-store-defaults"
              onClick={p.onStoreDefaults}
            >
              {t.saveDefaults}
            </button>
          )}
        </div>
        <p role="status" className="muted" data-testid="uc-ranking-status">
          {p.notice ?? ''}
        </p>
      </form>
      {p.ranking && <RankingTable ranking={p.ranking} />}
    </section>
  );
}

/** The ranked use cases, with the method's score. */
export function RankingTable({ ranking }: { ranking: UseCaseRanking }) {
  return (
    <>
      {ranking.ranking.length === 0 ? (
        <p data-testid="uc-ranking-empty">{t.noneRanked}</p>
      ) : (
        <div className="table-wrap">
          <table data-testid="uc-ranking">
            <caption>{t.rankingCaption}</caption>
            <thead>
              <tr>
                <th scope="col" className="num">
                  {t.colRank}
                </th>
                <th scope="col">{t.colUseCase}</th>
                <th scope="col">{t.colStage}</th>
                <th scope="col" className="num">
                  {t.colScore}
                </th>
                <th scope="col" className="num">
                  {t.colScorers}
                </th>
              </tr>
            </thead>
            <tbody>
              {ranking.ranking.map((r) => (
                <tr key={r.id} data-testid={`uc-rank-${r.reference}`}>
                  <td className="num">{r.rank}</td>
                  <th scope="row">
                    <Link to={`/use-cases/${r.id}`}>
                      {r.reference} {r.title}
                    </Link>
                  </th>
                  <td>{t.stages[r.stage]}</td>
                  <td className="num">{shortDecimal(r.score)}</td>
                  <td className="num">{r.scoreCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {ranking.unscored.length > 0 && (
        <p className="muted">
          {fmt(t.unscored, { list: ranking.unscored.map((u) => u.reference).join(', ') })}
        </p>
      )}
    </>
  );
}
