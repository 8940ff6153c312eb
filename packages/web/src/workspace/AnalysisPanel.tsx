import { useId, useState } from 'react';
import { analysisText as a } from './analysis-strings';
import { AnalysisForm } from './AnalysisForm';
import { DescribeForm } from './DescribeForm';
import { KmForm } from './KmForm';
import { TableForm } from './TableForm';
import type { AnalysisRun } from './types';

export const ANALYSIS_CHOICES = ['glm', 'describe', 'table', 'km'] as const;
export type AnalysisChoice = (typeof ANALYSIS_CHOICES)[number];

interface Props {
  permitId: string;
  onDone: (run: AnalysisRun) => void;
  /** The form shown first (the GLM). */
  initial?: AnalysisChoice;
}

/** Which analysis to run — GLM, descriptive statistics, contingency table, Kaplan–Meier — and its form. */
export function AnalysisPanel({ permitId, onDone, initial = 'glm' }: Props) {
  const id = useId();
  const [choice, setChoice] = useState<AnalysisChoice>(initial);
  return (
    <>
      <fieldset className="card" data-testid="analysis-chooser">
        <legend>{a.chooser.legend}</legend>
        {ANALYSIS_CHOICES.map((c) => (
          <div key={c} className="field checkbox">
            <input
              type="radio"
              id={`${id}-${c}`}
              name={`${id}-kind`}
              value={c}
              checked={choice === c}
              onChange={() => setChoice(c)}
              data-testid={`analysis-choice-${c}`}
            />
            <label htmlFor={`${id}-${c}`}>{a.chooser.kinds[c]}</label>
          </div>
        ))}
      </fieldset>
      {/* Each form keeps its own state; switching away and back starts it afresh. */}
      {choice === 'glm' && <AnalysisForm permitId={permitId} onDone={onDone} />}
      {choice === 'describe' && <DescribeForm permitId={permitId} onDone={onDone} />}
      {choice === 'table' && <TableForm permitId={permitId} onDone={onDone} />}
      {choice === 'km' && <KmForm permitId={permitId} onDone={onDone} />}
    </>
  );
}
