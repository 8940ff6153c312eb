import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import type { BeaconFilterJson, BeaconResultResponseJson } from '@openehds/client';
import { useAuth } from '../auth/AuthContext';
import { ErrorBox } from '../components/ErrorBox';
import { Input, Select } from '../feasibility/controls';
import { useTitle } from '../layout/use-title';
import { AccessBanner } from './AccessBanner';
import { accessLevel } from './access-level';
import { summaryText } from './answer-text';
import { beaconApi } from './api';
import { beaconFieldIssues, isBudgetExhausted } from './beacon-errors';
import { BudgetBox } from './BudgetBox';
import { nodeAnswers } from './node-answers';
import { NodeResults } from './NodeResults';
import { RecordsTable } from './RecordsTable';
import {
  ASSEMBLIES,
  emptySearchForm,
  planSearch,
  type EntryKind,
  type SearchField,
  type SearchForm,
} from './search-request';
import { genomicsText as t } from './strings';
import { hpoTerms, type TermOption } from './term-suggest';
import { TermPicker } from './TermPicker';
import { readVariantInput } from './variant-input';
import { fmt } from '../i18n/format';
import { variantText } from './variant-text';
import './genomics.css';

type Issues = Partial<Record<SearchField, string[]>>;

/**
 * The genomic search (issue 5 §5): a variant box, assembly, phenotype and sex filters, asked of every
 * node through the hub's GA4GH Beacon v2 network; each node's answer at the granularity the user may
 * see (yes/no anonymous, rounded counts signed in, records under a permit naming them — Art. 68,
 * EHDS.md §16), with why in a banner. Open to everyone.
 */
export function GenomicsPage() {
  useTitle(t.title);
  // Until the hub said who is signed in, a search would ask at the anonymous granularity.
  const { principal, loading: authLoading } = useAuth();
  const [form, setFormState] = useState<SearchForm>(emptySearchForm);
  const [terms, setTerms] = useState<TermOption[] | null>([]);
  const [checked, setChecked] = useState(false);
  const [serverIssues, setServerIssues] = useState<Issues>({});
  const [error, setError] = useState<unknown>(null);
  const [answer, setAnswer] = useState<{ response: BeaconResultResponseJson; entry: EntryKind } | null>(null);
  const [running, setRunning] = useState(false);
  const [status, setStatus] = useState('');
  // Searches answered so far: lets a reader (and a browser test) tell a new answer from the last one.
  const [answered, setAnswered] = useState(0);
  const resultsRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const abort = new AbortController();
    beaconApi
      .filteringTerms({ signal: abort.signal })
      .then((r) => setTerms(hpoTerms(r.response.filteringTerms)))
      .catch(() => {
        if (!abort.signal.aborted) setTerms(null);
      });
    return () => abort.abort();
  }, []);

  const signedIn = principal !== null;
  const plan = useMemo(() => planSearch(form, signedIn), [form, signedIn]);
  const reading = useMemo(() => readVariantInput(form.variant), [form.variant]);
  const localIssues: Issues = checked && !plan.ok ? plan.issues : {};
  const issues = (field: SearchField) => [...(localIssues[field] ?? []), ...(serverIssues[field] ?? [])];
  const answers = useMemo(() => (answer ? nodeAnswers(answer.response) : []), [answer]);
  const level = accessLevel(signedIn, answer?.response ?? null, answers);

  function setForm(next: SearchForm) {
    setFormState(next);
    // The Beacon's messages were about the search as sent; once it changes they may no longer hold.
    setServerIssues({});
  }

  async function run(e: FormEvent) {
    e.preventDefault();
    if (authLoading) return;
    setChecked(true);
    setError(null);
    setServerIssues({});
    if (!plan.ok) {
      setStatus('');
      setTimeout(() => document.getElementById('gx-variant')?.focus(), 0);
      return;
    }
    setRunning(true);
    setAnswer(null);
    setStatus(t.running);
    const filters: BeaconFilterJson[] = plan.query.filters ?? [];
    try {
      const response =
        plan.entry === 'variants'
          ? await beaconApi.variants(plan.query)
          : await beaconApi.individuals(plan.query);
      setAnswer({ response, entry: plan.entry });
      setStatus(summaryText(nodeAnswers(response)));
      setTimeout(() => resultsRef.current?.focus(), 0);
    } catch (err) {
      setAnswer(null);
      setStatus('');
      const sorted = beaconFieldIssues(err, filters);
      setServerIssues(sorted.byField);
      setError(err);
    } finally {
      setRunning(false);
      setAnswered((n) => n + 1);
    }
  }

  return (
    <>
      <h1>{t.title}</h1>
      <p className="lead">{t.intro}</p>
      <AccessBanner level={level} />
      <form className="form gx-form" onSubmit={(e) => void run(e)} aria-label={t.form} noValidate>
        <Input
          id="gx-variant"
          label={t.variant.label}
          hint={t.variant.hint}
          placeholder={t.variant.placeholder}
          spellCheck={false}
          value={form.variant}
          onChange={(variant) => setForm({ ...form, variant })}
          errors={issues('variant')}
          testId="genomics-variant"
        />
        {reading?.ok && (
          <p className="muted small gx-echo" data-testid="genomics-variant-echo">
            {fmt(t.variant.asBeacon, { text: variantText(reading.input) })}
          </p>
        )}
        <div className="fz-row">
          <Select
            id="gx-assembly"
            label={t.assembly.label}
            hint={t.assembly.hint}
            value={form.assembly}
            options={ASSEMBLIES.map((a) => ({ value: a, label: a }))}
            onChange={(assembly) => setForm({ ...form, assembly })}
            errors={issues('assembly')}
            testId="genomics-assembly"
          />
          <Select
            id="gx-sex"
            label={t.sex.label}
            value={form.sex}
            options={[
              { value: 'any', label: t.sex.any },
              { value: 'female', label: t.sex.female },
              { value: 'male', label: t.sex.male },
            ]}
            onChange={(sex) => setForm({ ...form, sex })}
            errors={issues('sex')}
            testId="genomics-sex"
          />
          <fieldset className="gx-entry" data-testid="genomics-entry">
            <legend>{t.entry.legend}</legend>
            {(['variants', 'individuals'] as const).map((entry) => (
              <div key={entry} className="field checkbox">
                <input
                  type="radio"
                  id={`gx-entry-${entry}`}
                  name="gx-entry"
                  value={entry}
                  checked={form.entry === entry}
                  onChange={() => setForm({ ...form, entry })}
                  data-testid={`genomics-entry-${entry}`}
                />
                <label htmlFor={`gx-entry-${entry}`}>{t.entry[entry]}</label>
              </div>
            ))}
          </fieldset>
        </div>
        <TermPicker
          id="gx-phenotypes"
          terms={terms}
          picked={form.phenotypes}
          onChange={(phenotypes) => setForm({ ...form, phenotypes })}
          errors={issues('phenotypes')}
        />
        <div className="actions">
          <button
            type="submit"
            className="button"
            disabled={running || authLoading}
            data-testid="genomics-run"
          >
            {running ? t.running : t.run}
          </button>
        </div>
      </form>
      <p role="status" className="muted" data-testid="genomics-status">
        {status}
      </p>
      {error != null && (isBudgetExhausted(error) ? <BudgetBox error={error} /> : <ErrorBox error={error} />)}
      <div
        ref={resultsRef}
        tabIndex={-1}
        className="fz-focus"
        data-testid="genomics-answer"
        data-answered={answered}
      >
        {answer && <NodeResults answers={answers} entry={answer.entry} />}
        {answer &&
          answers
            .filter((a) => a.granularity === 'record' && a.records.length > 0)
            .map((a) => <RecordsTable key={a.nodeId} answer={a} entry={answer.entry} />)}
      </div>
    </>
  );
}
