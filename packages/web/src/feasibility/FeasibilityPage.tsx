import { useMemo, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { ApiError } from '@openehds/client';
import { useAuth } from '../auth/AuthContext';
import { ErrorBox } from '../components/ErrorBox';
import { useTitle } from '../layout/use-title';
import { feasibilityApi } from './api';
import { Checkbox, Input, Row, Select } from './controls';
import { CriterionFields } from './CriterionFields';
import { emptyDraft, fromDefinition, toDefinition, type CohortDraft, type Side } from './draft';
import { addCriterion, addGroup, removeCriterion, removeGroup, setCriterion, updateGroup } from './edit';
import { issuesAt, normaliseIssuePath, type PathIssue } from './field-issues';
import { GroupEditor } from './GroupEditor';
import { IssueSummary } from './IssueSummary';
import { JsonPanel } from './JsonPanel';
import { definitionText, readDefinitionText } from './json-text';
import { ResultsTable } from './ResultsTable';
import { feasibilityText as t } from './strings';
import type { FeasibilityResult } from './types';
import { definitionIssues } from './validate';
import { EVENT_TYPES } from './vocab';
import './feasibility.css';

/**
 * The cohort builder (issue 4 §1): build or paste a cohort definition, count it at every node through
 * disclosure control and see what this audience may see. Open to everyone, signed in or not (Art. 69
 * anonymised statistics; the HDAB sets what each audience sees).
 */
export function FeasibilityPage() {
  useTitle(t.title);
  const { principal } = useAuth();
  const [draft, setDraftState] = useState<CohortDraft>(emptyDraft);
  const [jsonEdit, setJsonEdit] = useState<string | null>(null);
  const [jsonIssues, setJsonIssues] = useState<PathIssue[]>([]);
  const [checked, setChecked] = useState(false);
  const [serverIssues, setServerIssues] = useState<PathIssue[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<FeasibilityResult | null>(null);
  const [running, setRunning] = useState(false);
  const [status, setStatus] = useState('');
  const summary = useRef<HTMLDivElement>(null);
  const resultsRef = useRef<HTMLDivElement>(null);

  const definition = useMemo(() => toDefinition(draft), [draft]);
  const localIssues = useMemo(() => (checked ? definitionIssues(definition) : []), [checked, definition]);
  const issues = [...localIssues, ...serverIssues];

  function setDraft(next: CohortDraft) {
    setDraftState(next);
    // The hub's messages were about the definition as sent; once it changes they may no longer hold.
    setServerIssues([]);
  }
  const side = (s: Side) => ({
    onMatch: (gi: number) => (match: 'all' | 'any') => setDraft(updateGroup(draft, s, gi, { match })),
  });

  function load(next: CohortDraft, message: string) {
    setDraft(next);
    setJsonEdit(null);
    setJsonIssues([]);
    setResult(null);
    setStatus(message);
  }

  async function loadExample() {
    setError(null);
    try {
      load(fromDefinition(await feasibilityApi.example()), t.exampleLoaded);
    } catch (err) {
      setError(err);
    }
  }

  function applyJson() {
    const read = readDefinitionText(jsonEdit ?? definitionText(definition));
    setJsonIssues(read.issues);
    if (read.definition) load(fromDefinition(read.definition), t.json.applied);
  }

  async function run(e: FormEvent) {
    e.preventDefault();
    setChecked(true);
    setError(null);
    const local = definitionIssues(definition);
    if (local.length) {
      setServerIssues([]);
      setStatus('');
      // Move to the list of problems, as a page reload with errors would (WCAG 3.3.1).
      setTimeout(() => summary.current?.focus(), 0);
      return;
    }
    setRunning(true);
    setStatus(t.running);
    try {
      const answer = await feasibilityApi.count(definition as Record<string, unknown>);
      setResult(answer);
      setServerIssues([]);
      setStatus('');
      setTimeout(() => resultsRef.current?.focus(), 0);
    } catch (err) {
      setResult(null);
      setStatus('');
      if (err instanceof ApiError && err.status === 400 && err.issues.length) {
        setServerIssues(err.issues.map((i) => ({ path: normaliseIssuePath(i.path), message: i.message })));
        setTimeout(() => summary.current?.focus(), 0);
      } else setError(err);
    } finally {
      setRunning(false);
    }
  }

  const groups = (s: Side) => (
    <section aria-labelledby={`${s}-title`} className="fz-side" data-testid={`cohort-${s}`}>
      <h2 id={`${s}-title`}>{s === 'inclusion' ? t.sides.inclusion : t.sides.exclusion}</h2>
      <p className="muted">{s === 'inclusion' ? t.sides.inclusionIntro : t.sides.exclusionIntro}</p>
      {issuesAt(issues, s).length > 0 && (
        <ul className="field-errors">
          {issuesAt(issues, s).map((m, i) => (
            <li key={i}>{m}</li>
          ))}
        </ul>
      )}
      {draft[s].length === 0 && <p>{t.sides.noGroups}</p>}
      {draft[s].map((g, gi) => (
        <GroupEditor
          key={g.key}
          side={s}
          index={gi}
          group={g}
          issues={issues}
          onMatch={side(s).onMatch(gi)}
          onName={(name) => setDraft(updateGroup(draft, s, gi, { name }))}
          onCriterion={(ci, next) => setDraft(setCriterion(draft, s, gi, ci, next))}
          onAddCriterion={(type) => setDraft(addCriterion(draft, s, gi, type))}
          onRemoveCriterion={(ci) => setDraft(removeCriterion(draft, s, gi, ci))}
          onRemove={() => setDraft(removeGroup(draft, s, gi))}
        />
      ))}
      <button
        type="button"
        className="button secondary small"
        onClick={() => setDraft(addGroup(draft, s))}
        data-testid={`cohort-add-${s}`}
      >
        {s === 'inclusion' ? t.group.addInclusion : t.group.addExclusion}
      </button>
    </section>
  );

  return (
    <>
      <h1>{t.title}</h1>
      <p className="lead">{t.intro}</p>
      <div className="actions">
        <button
          type="button"
          className="button secondary"
          onClick={() => void loadExample()}
          data-testid="cohort-example"
        >
          {t.example}
        </button>
        <button
          type="button"
          className="button secondary"
          onClick={() => load(emptyDraft(), '')}
          data-testid="cohort-reset"
        >
          {t.reset}
        </button>
      </div>
      <p role="status" className="muted" data-testid="cohort-status">
        {status}
      </p>
      {error != null && <ErrorBox error={error} />}
      <div ref={summary} tabIndex={-1} className="fz-focus">
        <IssueSummary id="cohort-issues" issues={issues} />
      </div>
      <form className="form fz-builder" onSubmit={(e) => void run(e)} aria-label={t.builder} noValidate>
        <Input
          id="cohort-name"
          label={t.name}
          hint={t.nameHint}
          value={draft.name}
          onChange={(name) => setDraft({ ...draft, name })}
          errors={issuesAt(issues, 'name')}
          testId="cohort-name"
        />
        <section aria-labelledby="index-title" className="card">
          <h2 id="index-title">{t.index.title}</h2>
          <Checkbox
            id="cohort-use-index"
            label={t.index.use}
            hint={t.index.useHint}
            checked={draft.useIndex}
            onChange={(useIndex) => setDraft({ ...draft, useIndex })}
            testId="cohort-use-index"
          />
          {draft.useIndex && (
            <>
              <CriterionFields
                idPrefix="idx"
                base="index.event"
                draft={draft.index}
                issues={issues}
                onChange={(index) => setDraft({ ...draft, index })}
                types={EVENT_TYPES}
                legend={t.criterion.indexLegend}
                showWindow={false}
              />
              <Select
                id="cohort-occurrence"
                label={t.index.occurrence}
                value={draft.occurrence}
                options={[
                  { value: 'first', label: t.index.first },
                  { value: 'last', label: t.index.last },
                ]}
                onChange={(occurrence) => setDraft({ ...draft, occurrence })}
                errors={issuesAt(issues, 'index.occurrence')}
              />
            </>
          )}
        </section>
        <section aria-labelledby="obs-title" className="card">
          <h2 id="obs-title">{t.observation.title}</h2>
          <Row>
            <Checkbox
              id="cohort-obs"
              label={t.observation.require}
              checked={draft.requireObservationPeriod}
              onChange={(requireObservationPeriod) => setDraft({ ...draft, requireObservationPeriod })}
              errors={issuesAt(issues, 'requireObservationPeriod')}
              testId="cohort-obs"
            />
            <Input
              id="cohort-prior"
              label={t.observation.prior}
              hint={t.observation.priorHint}
              inputMode="numeric"
              value={draft.minPriorObservationDays}
              onChange={(minPriorObservationDays) => setDraft({ ...draft, minPriorObservationDays })}
              errors={issuesAt(issues, 'minPriorObservationDays')}
              testId="cohort-prior"
            />
          </Row>
        </section>
        {groups('inclusion')}
        {groups('exclusion')}
        <div className="actions">
          <button type="submit" className="button" disabled={running} data-testid="cohort-run">
            {running ? t.running : t.run}
          </button>
        </div>
      </form>
      <div ref={resultsRef} tabIndex={-1} className="fz-focus">
        {result && <ResultsTable result={result} />}
      </div>
      {result?.audience === 'anonymous' && !principal && (
        <p>
          <Link to="/sign-in" state={{ from: '/feasibility' }}>
            {t.results.signInForMore}
          </Link>
        </p>
      )}
      <JsonPanel
        value={jsonEdit ?? definitionText(definition)}
        onChange={setJsonEdit}
        onApply={applyJson}
        onReset={() => {
          setJsonEdit(null);
          setJsonIssues([]);
        }}
        issues={jsonIssues}
        edited={jsonEdit !== null}
      />
    </>
  );
}
