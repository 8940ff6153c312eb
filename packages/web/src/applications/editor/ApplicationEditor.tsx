import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { ApiError, type ApiIssue, type ApplicationContent, type ApplicationView } from '@openehds/client';
import { useAuth } from '../../auth/AuthContext';
import { DataUseMatch } from '../../catalogue/DataUseMatch';
import { ErrorBox } from '../../components/ErrorBox';
import { fmt, inSentence } from '../../i18n/format';
import { useTitle } from '../../layout/use-title';
import { applicationsApi } from '../api';
import { InformationAnswer } from '../ApplicantActions';
import { Badge } from '../Badge';
import { isVerifiedPublicBody } from '../content-edit';
import { ContentView } from '../ContentView';
import { ExportLinks } from '../ExportLinks';
import { contentPath, editorFields, fieldDomId, placeIssues } from '../issue-fields';
import { statusBadge } from '../status-text';
import { issuesPerStep, stepFromParam, stepOf, stepsFor, type StepId } from '../steps';
import { applicationsText as t } from '../strings';
import '../applications.css';
import { AutosaveStatus } from './AutosaveStatus';
import { EditorContext, type EditorApi } from './editor-context';
import { StepApplicant } from './StepApplicant';
import { StepData } from './StepData';
import { PurposesGroup, UseAndBenefit } from './StepPurposes';
import { Checklist, SubmitBox } from './StepReview';
import { StepDeclarations, StepEthics, StepOptOut, StepStatistics } from './StepsDeclarations';
import { LegalBasisFields, StepDataForm, StepSafeguards, StepSpe, StepTools } from './StepsProcessing';
import { useAutosave } from './use-autosave';

const HEADING = '#heading';

/** The fields of one step. */
function StepBody({ step }: { step: StepId }) {
  switch (step) {
    case 'applicant':
    case 'identity':
      return <StepApplicant />;
    case 'purposes':
      return <PurposesGroup />;
    case 'use':
      return <UseAndBenefit />;
    case 'purposeUse':
      return (
        <>
          <PurposesGroup />
          <UseAndBenefit />
        </>
      );
    case 'data':
      return <StepData />;
    case 'dataForm':
      return <StepDataForm />;
    case 'safeguards':
      return <StepSafeguards />;
    case 'spe':
      return <StepSpe />;
    case 'tools':
      return <StepTools />;
    case 'ethics':
      return <StepEthics />;
    case 'optOut':
      return <StepOptOut />;
    case 'statistics':
      return <StepStatistics />;
    case 'legalBasis':
      return <LegalBasisFields />;
    case 'declarations':
      return <StepDeclarations />;
    case 'review':
      return null;
  }
}

/**
 * The multi-step editor of a draft (or of a file awaiting information): one step per letter of
 * Art. 67(2) / 69(2), autosaved about a second after each pause in typing, with the hub's
 * completeness list as a checklist and each issue beside its field.
 */
export function ApplicationEditor({
  view,
  onView,
  onReload,
}: {
  view: ApplicationView;
  onView: (v: ApplicationView) => void;
  onReload: () => void;
}) {
  const { principal } = useAuth();
  const verifiedPublicBody = isVerifiedPublicBody(principal);
  const kind = view.kind;
  const kindName = inSentence(t.kinds[kind]);
  const awaiting = view.status === 'AWAITING_ADDITIONAL_INFORMATION';
  const [content, setContent] = useState<ApplicationContent>(view.content);
  const autosave = useAutosave(view, onView);
  const [params, setParams] = useSearchParams();
  const step = stepFromParam(kind, params.get('step'));
  const steps = stepsFor(kind);
  const stepIndex = steps.findIndex((s) => s.id === step);
  // Where focus goes once the step it belongs to is on screen (the address changes in its own render).
  const [focusTarget, setFocusTarget] = useState<{ step: StepId; path: string } | null>(null);
  const [attempted, setAttempted] = useState(false);
  const [submitIssues, setSubmitIssues] = useState<ApiIssue[]>([]);
  const [submitError, setSubmitError] = useState<unknown>(null);
  const [submitting, setSubmitting] = useState(false);
  const summary = useRef<HTMLDivElement>(null);

  useTitle(content.title?.trim() || fmt(t.editor.untitled, { kind: kindName }));

  const fields = useMemo(() => editorFields(kind, content), [kind, content]);
  const completeness = useMemo(() => placeIssues(view.completeness, fields), [view.completeness, fields]);
  const saveProblems = useMemo(() => placeIssues(autosave.issues, fields), [autosave.issues, fields]);
  const submitProblems = useMemo(() => placeIssues(submitIssues, fields), [submitIssues, fields]);

  // The latest content, so successive changes in one event build on each other.
  const latest = useRef(content);
  const { edit } = autosave;
  const update = useCallback(
    (change: (c: ApplicationContent) => ApplicationContent) => {
      const next = change(latest.current);
      latest.current = next;
      setContent(next);
      edit(next);
    },
    [edit],
  );

  const api: EditorApi = useMemo(
    () => ({
      kind,
      content,
      update,
      set: (key, value) => update((c) => ({ ...c, [key]: value })),
      msgs: (path) => {
        const todo = completeness.byField[path];
        const errors = [...(saveProblems.byField[path] ?? []), ...(attempted ? (todo ?? []) : [])];
        return { errors: errors.length ? errors : undefined, todo: attempted ? undefined : todo };
      },
      verifiedPublicBody,
    }),
    [kind, content, update, completeness, saveProblems, attempted, verifiedPublicBody],
  );

  const goToStep = (id: StepId, focus: string = HEADING) => {
    const next = new URLSearchParams(params);
    next.set('step', id);
    setParams(next);
    setFocusTarget({ step: id, path: focus });
  };

  // After a step change, move focus to the field asked for (or its nearest rendered group), else the heading.
  useEffect(() => {
    if (!focusTarget || focusTarget.step !== step) return;
    setFocusTarget(null);
    let el: HTMLElement | null = null;
    if (focusTarget.path !== HEADING) {
      const parts = focusTarget.path.split('.');
      while (!el && parts.length) {
        el = document.getElementById(fieldDomId(parts.join('.')));
        parts.pop();
      }
    }
    el ??= document.getElementById('step-heading');
    el?.focus();
    el?.scrollIntoView?.({ block: 'center' });
  }, [focusTarget, step]);

  const todoPaths = [...view.completeness.map((i) => i.path), ...autosave.issues.map((i) => i.path ?? '')];
  const perStep = issuesPerStep(kind, todoPaths.map(contentPath));
  const stepName = (path: string) => t.stepNames[stepOf(kind, path)];

  /** Saves what is pending; false (with the reason shown) when the hub did not take it. */
  async function saved(): Promise<boolean> {
    const state = await autosave.flush();
    if (state.kind === 'stale' || state.kind === 'invalid' || state.kind === 'error') {
      setAttempted(true);
      return false;
    }
    return true;
  }

  async function submit() {
    setSubmitting(true);
    setSubmitError(null);
    setSubmitIssues([]);
    try {
      if (!(await saved())) return;
      onView(await applicationsApi.submit(view.id));
    } catch (err) {
      setAttempted(true);
      if (err instanceof ApiError && err.status === 400 && err.issues.length > 0) setSubmitIssues(err.issues);
      else setSubmitError(err);
      setTimeout(() => summary.current?.focus(), 0);
    } finally {
      setSubmitting(false);
    }
  }

  const other = [...saveProblems.unplaced, ...submitProblems.unplaced, ...completeness.unplaced];
  const current = steps[stepIndex]!;
  const problemCount = Math.max(view.completeness.length, submitIssues.length);

  return (
    <EditorContext.Provider value={api}>
      <div className="app-head">
        <h1>{content.title?.trim() || fmt(t.editor.untitled, { kind: kindName })}</h1>
        <Badge badge={statusBadge(view.status, view.outcome)} testId="application-status" />
      </div>
      <ul className="app-meta">
        <li>
          <code>{view.reference}</code>
        </li>
        <li>{t.kinds[kind]}</li>
      </ul>
      {awaiting && (
        <>
          <p className="alert">{t.editor.awaitingNote}</p>
          <InformationAnswer view={view} onView={onView} beforeSend={saved} />
        </>
      )}
      <AutosaveStatus state={autosave.state} onRetry={() => void autosave.flush()} onReload={onReload} />
      <div className="app-editor">
        <nav aria-label={fmt(t.editor.steps, { kind: kindName })} className="app-steps">
          <ol>
            {steps.map((s) => (
              <li key={s.id}>
                <button
                  type="button"
                  aria-current={s.id === step ? 'step' : undefined}
                  onClick={() => goToStep(s.id)}
                  data-testid={`step-${s.id}`}
                >
                  <span>{t.stepNames[s.id]}</span>
                  {perStep[s.id] ? (
                    <span className="todo">
                      <span className="visually-hidden">, </span>
                      {fmt(t.editor.todoCount, { n: perStep[s.id]! })}
                    </span>
                  ) : null}
                </button>
              </li>
            ))}
          </ol>
        </nav>
        <section className="app-step" aria-labelledby="step-heading">
          <h2 id="step-heading" tabIndex={-1}>
            {t.stepNames[current.id]}
            <span className="app-article">
              {fmt(t.editor.stepOf, { n: stepIndex + 1, total: steps.length })}
              {current.article ? ` · ${current.article}` : ''}
            </span>
          </h2>
          {step === 'review' ? (
            <>
              <p>{fmt(t.review.intro, { kind: kindName })}</p>
              <div ref={summary} tabIndex={-1} className="form-status">
                {attempted && (submitIssues.length > 0 || view.completeness.length > 0) && (
                  <div className="alert alert-error" role="alert">
                    <p className="alert-title">
                      {problemCount === 1
                        ? fmt(t.editor.submitFailedOne, { kind: kindName })
                        : fmt(t.editor.submitFailed, { kind: kindName, n: problemCount })}
                    </p>
                  </div>
                )}
                {submitError != null && <ErrorBox error={submitError} />}
              </div>
              <Checklist
                issues={view.completeness}
                other={other}
                onGoTo={(path) => goToStep(stepOf(kind, path), path)}
                stepName={stepName}
              />
              {!awaiting && <SubmitBox kind={kind} busy={submitting} onSubmit={() => void submit()} />}
              <DataUseMatch dataUse={view.dataUse} />
              <ExportLinks view={{ ...view, content }} />
              <h3>{t.review.summary}</h3>
              <ContentView kind={kind} content={content} level={3} />
            </>
          ) : (
            <>
              <StepBody step={step} />
              {step === 'data' && <DataUseMatch dataUse={view.dataUse} />}
            </>
          )}
          <div className="actions">
            {stepIndex > 0 && (
              <button
                type="button"
                className="button secondary"
                onClick={() => goToStep(steps[stepIndex - 1]!.id)}
              >
                {t.editor.previous}
              </button>
            )}
            {stepIndex < steps.length - 1 && (
              <button
                type="button"
                className="button"
                onClick={() => goToStep(steps[stepIndex + 1]!.id)}
                data-testid="next-step"
              >
                {t.editor.next}
              </button>
            )}
          </div>
        </section>
      </div>
    </EditorContext.Provider>
  );
}
