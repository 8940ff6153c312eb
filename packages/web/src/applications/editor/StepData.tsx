import type { RequestedDataset } from '@openehds/client';
import { hub } from '../../api';
import { ErrorBox } from '../../components/ErrorBox';
import { Loading } from '../../components/Loading';
import { ui } from '../../i18n/ui';
import { fmt, nameOf } from '../../i18n/format';
import { useAsync } from '../../lib/use-async';
import { toggle } from '../content-edit';
import { fieldDomId } from '../issue-fields';
import { Group, ListInput, TextInput } from '../form-fields';
import { applicationsText as t } from '../strings';
import { DatasetPicker } from './DatasetPicker';
import { useEditor } from './editor-context';
import { dictionaryOf, splitVariables } from './variables';

/** Art. 67(2)(d) / 69(2)(c): datasets from the catalogue with their variables, time range, geography, format. */
export function StepData() {
  const { content, set, update, msgs } = useEditor();
  const datasets = content.datasets ?? [];
  const changeDataset = (i: number, patch: Partial<RequestedDataset>) =>
    update((c) => ({
      ...c,
      datasets: (c.datasets ?? []).map((d, n) => (n === i ? { ...d, ...patch } : d)),
    }));

  return (
    <>
      <Group path="datasets" legend={t.fields.datasets} hint={t.fields.datasetsHint} {...msgs('datasets')}>
        <DatasetPicker
          chosen={datasets.map((d) => d.datasetId)}
          onAdd={(d) => update((c) => ({ ...c, datasets: [...(c.datasets ?? []), d] }))}
        />
        {datasets.map((d, i) => (
          <ChosenDataset
            key={d.datasetId}
            index={i}
            dataset={d}
            onChange={(patch) => changeDataset(i, patch)}
            onRemove={() => update((c) => ({ ...c, datasets: (c.datasets ?? []).filter((_, n) => n !== i) }))}
          />
        ))}
      </Group>
      <ListInput
        path="variables"
        label={t.fields.variables}
        hint={t.fields.variablesHint}
        value={content.variables}
        onChange={(v) => set('variables', v)}
        {...msgs('variables')}
      />
      <Group path="period" legend={t.fields.period} {...msgs('period')}>
        <div className="two-col">
          <TextInput
            path="period.from"
            type="date"
            label={t.fields.periodFrom}
            value={content.period?.from ?? ''}
            onChange={(v) => set('period', { ...content.period, from: v })}
            required
            {...msgs('period.from')}
          />
          <TextInput
            path="period.to"
            type="date"
            label={t.fields.periodTo}
            value={content.period?.to ?? ''}
            onChange={(v) => set('period', { ...content.period, to: v })}
            required
            {...msgs('period.to')}
          />
        </div>
      </Group>
      <ListInput
        path="geography"
        label={t.fields.geography}
        hint={t.fields.geographyHint}
        value={content.geography}
        onChange={(v) => set('geography', v)}
        upper
        {...msgs('geography')}
      />
      <TextInput
        path="format"
        label={t.fields.format}
        hint={t.fields.formatHint}
        value={content.format ?? ''}
        onChange={(v) => set('format', v)}
        {...msgs('format')}
      />
    </>
  );
}

/** One chosen dataset: where it comes from, and the variables wanted from its dictionary. */
function ChosenDataset({
  index,
  dataset,
  onChange,
  onRemove,
}: {
  index: number;
  dataset: RequestedDataset;
  onChange: (patch: Partial<RequestedDataset>) => void;
  onRemove: () => void;
}) {
  const { msgs } = useEditor();
  const detail = useAsync(() => hub.getDataset(dataset.datasetId), [dataset.datasetId]);
  const dictionary = dictionaryOf(detail.data?.description);
  const { fromDictionary, extra } = splitVariables(dataset.variables, dictionary);
  // Chosen variables keep the dictionary's order, so the file reads like the catalogue.
  const order = dictionary.flatMap((d) => d.variables);
  const title = dataset.title || dataset.datasetId;
  const path = `datasets.${index}`;
  const varsPath = `${path}.variables`;
  const setVariables = (dict: string[], more: string[]) => onChange({ variables: [...dict, ...more] });

  return (
    <Group path={path} legend={title} className="card" {...msgs(path)}>
      <p className="muted">
        <code>{dataset.datasetId}</code> ·{' '}
        {fmt(t.fields.datasetFrom, {
          holder: dataset.holder ?? '–',
          country: nameOf(ui.countries, dataset.country),
        })}
      </p>
      <Group
        path={varsPath}
        legend={fmt(t.fields.variablesOf, { title })}
        hint={
          fromDictionary.length ? fmt(t.fields.variablesSelected, { n: fromDictionary.length }) : undefined
        }
        {...msgs(varsPath)}
      >
        {detail.loading && <Loading label={t.fields.variablesLoading} />}
        {detail.error != null && <ErrorBox error={detail.error} onRetry={detail.reload} />}
        {detail.data && dictionary.length === 0 && <p>{t.fields.variablesNone}</p>}
        {dictionary.map((tb) => {
          const picked = tb.variables.filter((v) => fromDictionary.includes(v)).length;
          return (
            <details key={tb.table} className="variable-table" open={picked > 0}>
              <summary>
                {fmt(t.fields.tableVariables, { table: tb.table })}{' '}
                <span className="count">
                  ({picked}/{tb.variables.length})
                </span>
              </summary>
              <ul className="checkbox-grid">
                {tb.variables.map((v) => {
                  const id = fieldDomId(`${varsPath}.${v}`);
                  return (
                    <li key={v}>
                      <input
                        type="checkbox"
                        id={id}
                        checked={fromDictionary.includes(v)}
                        onChange={(e) =>
                          setVariables(toggle(fromDictionary, v, e.target.checked, order), extra)
                        }
                      />
                      <label htmlFor={id}>
                        <code>{v.slice(tb.table.length + 1)}</code>
                      </label>
                    </li>
                  );
                })}
              </ul>
            </details>
          );
        })}
        <ListInput
          path={`${varsPath}.extra`}
          label={t.fields.extraVariables}
          hint={t.fields.extraVariablesHint}
          value={extra}
          onChange={(more) => setVariables(fromDictionary, more)}
        />
      </Group>
      <button type="button" className="button secondary small" onClick={onRemove}>
        {fmt(t.fields.removeDataset, { title })}
      </button>
    </Group>
  );
}
