import { useState, type FormEvent } from 'react';
import type { KpiDirection, KpiFigure } from '@openehds/client';
import { ErrorBox } from '../components/ErrorBox';
import { DateField, SelectField, TextArea, TextField } from '../components/fields';
import { fmt } from '../i18n/format';
import { kpiApi } from './api';
import { kpiText as t } from './strings';
import { issuesOf, parseNumber } from './view';

const f = t.form;

/** A form's sending state: busy, the last failure, and the confirmation the last success returned. */
function useSend() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const send = async (save: () => Promise<string>) => {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      setDone(await save());
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, done, send };
}

/** A form's heading, its failure, and the confirmation of what it saved (announced as a status). */
function FormHead({
  title,
  error,
  done,
  testId,
}: {
  title: string;
  error: unknown;
  done: string | null;
  testId: string;
}) {
  return (
    <>
      <h3>{title}</h3>
      {error !== null && <ErrorBox error={error} />}
      {done && (
        <p role="status" className="alert alert-ok" data-testid={testId}>
          {done}
        </p>
      )}
    </>
  );
}

/** Staff add a manual KPI: key, title, unit, description, target and direction. */
export function CreateKpiForm({ onSaved }: { onSaved: () => void }) {
  const [draft, setDraft] = useState({
    key: '',
    title: '',
    unit: '',
    description: '',
    target: '',
    direction: 'higher',
  });
  const { busy, error, done, send } = useSend();
  const set = (k: keyof typeof draft) => (v: string) => setDraft({ ...draft, [k]: v });
  const targetProblem = draft.target.trim() && parseNumber(draft.target) === null ? [f.needNumber] : [];

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (targetProblem.length) return;
    await send(async () => {
      const kpi = await kpiApi.createManual({
        key: draft.key.trim(),
        title: draft.title,
        unit: draft.unit,
        description: draft.description.trim() || null,
        target: parseNumber(draft.target),
        direction: draft.direction as KpiDirection,
      });
      setDraft({ key: '', title: '', unit: '', description: '', target: '', direction: 'higher' });
      onSaved();
      return fmt(f.created, { title: kpi.title });
    });
  }

  return (
    <form className="kpi-form" onSubmit={submit} data-testid="kpi-create-form" noValidate>
      <FormHead title={f.createTitle} error={error} done={done} testId="kpi-create-done" />
      <TextField
        label={f.key}
        hint={f.keyHint}
        value={draft.key}
        onChange={set('key')}
        required
        testId="kpi-create-key"
        errors={issuesOf(error, 'key')}
      />
      <TextField
        label={f.kpiTitle}
        value={draft.title}
        onChange={set('title')}
        required
        testId="kpi-create-title"
        errors={issuesOf(error, 'title')}
      />
      <TextField
        label={f.unit}
        hint={f.unitHint}
        value={draft.unit}
        onChange={set('unit')}
        required
        testId="kpi-create-unit"
        errors={issuesOf(error, 'unit')}
      />
      <TextArea
        label={f.description}
        value={draft.description}
        onChange={set('description')}
        rows={2}
        testId="kpi-create-description"
        errors={issuesOf(error, 'description')}
      />
      <TextField
        label={f.target}
        value={draft.target}
        onChange={set('target')}
        testId="kpi-create-target"
        errors={[...targetProblem, ...issuesOf(error, 'target')]}
      />
      <SelectField
        label={f.direction}
        value={draft.direction}
        onChange={set('direction')}
        testId="kpi-create-direction"
        options={['higher', 'lower'].map((d) => ({ value: d, label: f.directions[d]! }))}
        errors={issuesOf(error, 'direction')}
      />
      <button type="submit" className="button" disabled={busy} data-testid="kpi-create-submit">
        {busy ? f.saving : f.create}
      </button>
    </form>
  );
}

/** Staff record (or replace) a manual KPI's value on a date. */
export function RecordValueForm({ kpis, onSaved }: { kpis: KpiFigure[]; onSaved: () => void }) {
  const today = new Date().toISOString().slice(0, 10);
  const [draft, setDraft] = useState({ id: '', date: today, value: '', note: '' });
  const { busy, error, done, send } = useSend();
  const [local, setLocal] = useState<{ id?: string; value?: string }>({});
  const set = (k: keyof typeof draft) => (v: string) => setDraft({ ...draft, [k]: v });

  async function submit(e: FormEvent) {
    e.preventDefault();
    const value = parseNumber(draft.value);
    const problems = {
      ...(draft.id ? {} : { id: f.needKpi }),
      ...(value === null ? { value: f.needNumber } : {}),
    };
    setLocal(problems);
    if (Object.keys(problems).length) return;
    await send(async () => {
      const kpi = await kpiApi.recordValue(draft.id, draft.date, {
        value: value!,
        note: draft.note.trim() || null,
      });
      setDraft({ ...draft, value: '', note: '' });
      onSaved();
      return fmt(f.recorded, { title: kpi.title, date: draft.date });
    });
  }

  return (
    <form className="kpi-form" onSubmit={submit} data-testid="kpi-record-form" noValidate>
      <FormHead title={f.recordTitle} error={error} done={done} testId="kpi-record-done" />
      <SelectField
        label={f.kpi}
        value={draft.id}
        onChange={set('id')}
        testId="kpi-record-kpi"
        options={[{ value: '', label: f.chooseKpi }, ...kpis.map((k) => ({ value: k.id!, label: k.title }))]}
        errors={local.id ? [local.id] : []}
      />
      <DateField
        label={f.date}
        value={draft.date}
        onChange={set('date')}
        required
        testId="kpi-record-date"
        errors={issuesOf(error, 'date')}
      />
      <TextField
        label={f.value}
        value={draft.value}
        onChange={set('value')}
        required
        testId="kpi-record-value"
        errors={[...(local.value ? [local.value] : []), ...issuesOf(error, 'value')]}
      />
      <TextField
        label={f.note}
        value={draft.note}
        onChange={set('note')}
        testId="kpi-record-note"
        errors={issuesOf(error, 'note')}
      />
      <button type="submit" className="button" disabled={busy} data-testid="kpi-record-submit">
        {busy ? f.saving : f.record}
      </button>
    </form>
  );
}
