import type { UseCaseRanking } from '@openehds/client';
import { fmt } from '../i18n/format';
import { SensitivityChart, switchText } from './SensitivityChart';
import { useCasesText as t } from './strings';
import { labelsOf } from './view';

/** The sensitivity view: pick a criterion, see every use case's rank against its weight. */
export function SensitivityPanel({
  ranking,
  criterion,
  onCriterion,
}: {
  ranking: UseCaseRanking;
  criterion: string;
  onCriterion: (id: string) => void;
}) {
  const curves = ranking.sensitivity.curves;
  const curve = curves.find((c) => c.criterion === criterion) ?? curves[0];
  if (!curve || ranking.ranking.length === 0) return null;
  const labels = labelsOf(ranking);
  return (
    <section aria-labelledby="uc-sens-h" data-testid="uc-sensitivity">
      <h2 id="uc-sens-h">{t.sensitivityTitle}</h2>
      <p className="muted">{fmt(t.sensitivityIntro, { max: ranking.sensitivity.maxMultiplier })}</p>
      <div className="field">
        <label htmlFor="uc-sens-criterion">{t.sensitivityCriterion}</label>
        <select
          id="uc-sens-criterion"
          value={curve.criterion}
          data-testid="uc-sens-criterion"
          onChange={(e) => onCriterion(e.target.value)}
        >
          {curves.map((c) => (
            <option key={c.criterion} value={c.criterion}>
              {t.criteria[c.criterion]}
            </option>
          ))}
        </select>
      </div>
      <p data-testid="uc-sens-switch">{switchText(curve, labels)}</p>
      <SensitivityChart curve={curve} ids={ranking.ranking.map((r) => r.id)} labels={labels} />
    </section>
  );
}
