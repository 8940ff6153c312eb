import { useEffect, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { PathwayAnswersJson, PathwayEvaluation, PathwayQuestionJson } from '@openehds/client';
import { useAuth } from '../auth/AuthContext';
import { ErrorBox } from '../components/ErrorBox';
import { Loading } from '../components/Loading';
import { fmt } from '../i18n/format';
import { useAsync } from '../lib/use-async';
import { pathwayApi } from './api';
import {
  activeGroups,
  answersFromSearch,
  answersToSearch,
  choose,
  GROUPS,
  nextStep,
  previousStep,
  REPORT,
} from './flow';
import { QuestionField } from './QuestionField';
import { ReportActions } from './ReportActions';
import { ReportView } from './ReportView';
import { pathwayText as t } from './strings';
import './pathway.css';

/** The navigator: loads the questionnaire, then the guided steps. Public: it is guidance. */
export function PathwayPage() {
  const questions = useAsync((signal) => pathwayApi.questionnaire(signal), []);
  return (
    <div className="pathway">
      <h1>{t.title}</h1>
      <p className="lead no-print">{t.intro}</p>
      {questions.error ? (
        <ErrorBox error={questions.error} onRetry={questions.reload} />
      ) : questions.data ? (
        <PathwaySteps questions={questions.data} />
      ) : (
        <Loading label={t.loading} />
      )}
    </div>
  );
}

/**
 * The guided questionnaire: one step (question group) at a time with Back and Next, the answers and
 * the step kept in the URL so a link or a reload restores them; the hub evaluates the answers (the
 * rules are @openehds/core's), so what shows and the report are the same the hub would save.
 */
export function PathwaySteps({ questions }: { questions: readonly PathwayQuestionJson[] }) {
  const [params, setParams] = useSearchParams();
  const { principal } = useAuth();
  const answers = useMemo(() => answersFromSearch(params, questions), [params, questions]);
  const evaluation = useAsync((signal) => pathwayApi.evaluate(answers, signal), [JSON.stringify(answers)]);
  if (evaluation.error) return <ErrorBox error={evaluation.error} onRetry={evaluation.reload} />;
  if (!evaluation.data) return <Loading />;
  return (
    <PathwayStepView
      questions={questions}
      answers={answers}
      step={params.get('step') ?? GROUPS[0]}
      evaluation={evaluation.data}
      pending={evaluation.loading}
      signedIn={principal !== null}
      onChange={(a, step, replace) => setParams(answersToSearch(a, step), { replace })}
    />
  );
}

/** Back to the previous step (`pathway-back`), under the step's wording. */
function BackButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <button type="button" className="button secondary" data-testid="pathway-back" onClick={onClick}>
      {label}
    </button>
  );
}

/** One step of the questionnaire, or the report, for answers already evaluated. */
export function PathwayStepView({
  questions,
  answers,
  step,
  evaluation: data,
  pending = false,
  signedIn,
  onChange,
}: {
  questions: readonly PathwayQuestionJson[];
  answers: PathwayAnswersJson;
  step: string;
  evaluation: PathwayEvaluation;
  /** The evaluation shown is of earlier answers; the hub's answer to the latest is on its way. */
  pending?: boolean;
  signedIn: boolean;
  /** New answers and step; `replace` for a choice within the step (Back stays step by step). */
  onChange: (answers: PathwayAnswersJson, step: string, replace: boolean) => void;
}) {
  const [missingShown, setMissingShown] = useState(false);
  // Next pressed while the latest answer was still being evaluated: decided once it is, so a quick
  // Enter after the last choice neither goes on with stale questions nor is refused for stale gaps.
  const [queued, setQueued] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const shownStep = useRef(step);
  // Focus the step's heading when the step changes, as a new page would (WCAG 2.4.3); not on arrival,
  // where Tab must start at the skip link. Keyed on the step shown, so a second run of the effect
  // (React's StrictMode) does not take focus either.
  useEffect(() => {
    if (shownStep.current === step) return;
    shownStep.current = step;
    heading.current?.focus();
  }, [step]);

  const go = (next: string, a: PathwayAnswersJson = answers) => {
    setMissingShown(false);
    onChange(a, next, false);
  };

  const groups = activeGroups(data.visible, questions);
  const current = step === REPORT || groups.includes(step) ? step : (groups[0] ?? REPORT);
  const shown = questions.filter((q) => q.group === current && data.visible.includes(q.id));
  const unanswered = shown.filter((q) => data.report.missing.includes(q.id));
  const stopped = data.report.status === 'stopped';
  const back = previousStep(current, groups);
  const position = current === REPORT ? groups.length + 1 : groups.indexOf(current) + 1;
  const submit = () => {
    if (unanswered.length && !stopped) return setMissingShown(true);
    go(nextStep(current, groups, stopped));
  };
  useEffect(() => {
    if (queued && !pending) {
      setQueued(false);
      submit();
    }
  }, [queued, pending]);

  return (
    <>
      <p className="pathway-progress no-print" data-testid="pathway-progress">
        {fmt(t.stepOf, { n: position, total: groups.length + 1, group: t.groups[current] ?? current })}
      </p>
      <h2 ref={heading} tabIndex={-1} className="pathway-step-heading no-print">
        {t.groups[current]}
      </h2>
      {current === REPORT ? (
        <>
          <ReportView report={data.report} />
          <ReportActions answers={answers} report={data.report} signedIn={signedIn} />
        </>
      ) : (
        <form
          className="pathway-form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            if (pending) setQueued(true);
            else submit();
          }}
        >
          {missingShown && unanswered.length > 0 && (
            <div className="alert alert-error" role="alert" data-testid="pathway-missing">
              <p>{t.answerAll}</p>
              <ul>
                {unanswered.map((q) => (
                  <li key={q.id}>
                    <a href={`#pw-${q.id}-${q.options[0]}`}>{t.questions[q.id]}</a>
                  </li>
                ))}
              </ul>
            </div>
          )}
          {shown.map((q) => (
            <QuestionField
              key={q.id}
              question={q}
              answers={answers}
              missing={missingShown && unanswered.includes(q)}
              onChoose={(o, checked) => onChange(choose(answers, q, o, checked), current, true)}
            />
          ))}
          <div className="pathway-nav">
            {back && <BackButton label={t.back} onClick={() => go(back)} />}
            <button type="submit" className="button" data-testid="pathway-next">
              {stopped || nextStep(current, groups, false) === REPORT ? t.showReport : t.next}
            </button>
          </div>
        </form>
      )}
      {current === REPORT && (
        <div className="pathway-nav no-print">
          {back && <BackButton label={t.editAnswers} onClick={() => go(back)} />}
          <button
            type="button"
            className="button secondary"
            data-testid="pathway-restart"
            onClick={() => go(GROUPS[0], {})}
          >
            {t.restart}
          </button>
        </div>
      )}
    </>
  );
}
