import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import {
  ApiError,
  type AccessRights,
  type DatasetDraft,
  type NodeDataset,
  type PublishResult,
} from '@openehds/client';
import { ErrorBox } from '../components/ErrorBox';
import { DateField, FieldErrors, TextArea, TextField } from '../components/fields';
import { Loading } from '../components/Loading';
import { ui } from '../i18n/ui';
import { fmt, formatDateTime, nameOf } from '../i18n/format';
import { useAsync } from '../lib/use-async';
import {
  addLanguage,
  cleanDraft,
  draftLanguages,
  formFields,
  joinList,
  placeIssues,
  removeLanguage,
  splitList,
  type PlacedIssues,
} from './draft-form';
import { DataUseConditions } from './DataUseConditions';
import type { NodeAccess } from './HolderPage';
import { Derived } from './DerivedFacts';

const CATEGORY_CODES = Object.keys(ui.healthCategories) as (keyof typeof ui.healthCategories)[];
const ACCESS_RIGHTS: AccessRights[] = ['PUBLIC', 'RESTRICTED', 'NON_PUBLIC'];

/** The dataset description form: derived fields read-only, the draft editable, save and publish. */
export function DescriptionForm({ access, version }: { access: NodeAccess; version: number }) {
  const dataset = useAsync(async () => (await access()).client.dataset(), [access, version]);
  const id = useId();
  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{ui.holder.description}</h3>
      <p>{ui.holder.descriptionIntro}</p>
      {dataset.loading && !dataset.data && <Loading />}
      {dataset.error != null && <ErrorBox error={dataset.error} onRetry={dataset.reload} />}
      {dataset.data && (
        <DraftEditor
          key={dataset.data.id}
          access={access}
          dataset={dataset.data}
          publishedAt={dataset.data.published?.publishedAt ?? null}
        />
      )}
    </section>
  );
}

function DraftEditor({
  access,
  dataset,
  publishedAt: publishedBefore,
}: {
  access: NodeAccess;
  dataset: NodeDataset;
  publishedAt: string | null;
}) {
  const id = useId();
  const [draft, setDraft] = useState<DatasetDraft>(dataset.draft);
  const [keywords, setKeywords] = useState(joinList(dataset.draft.keywords));
  const [theme, setTheme] = useState(joinList(dataset.draft.theme));
  const [newLang, setNewLang] = useState('');
  const [dirty, setDirty] = useState(false);
  const [busy, setBusy] = useState<'save' | 'publish' | null>(null);
  const [issues, setIssues] = useState<PlacedIssues | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const [published, setPublished] = useState<PublishResult | null>(null);
  const status = useRef<HTMLDivElement>(null);

  const langs = draftLanguages(draft);
  const errs = (path: string) => issues?.byField[path];
  const update = (patch: Partial<DatasetDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setDirty(true);
    setSaved(false);
  };
  const setText = (field: 'title' | 'description', lang: string, value: string) =>
    update({ [field]: { ...draft[field], [lang]: value } });

  useEffect(() => {
    if (issues || error != null || saved || published) status.current?.focus();
  }, [issues, error, saved, published]);

  /** Saves the draft; on a 400 places every issue beside its field and returns false. */
  async function save(): Promise<boolean> {
    setIssues(null);
    setError(null);
    setSaved(false);
    const body = cleanDraft({ ...draft, keywords: splitList(keywords), theme: splitList(theme) });
    try {
      const result = await (await access()).client.saveDraft(body);
      setDraft(result);
      setKeywords(joinList(result.keywords));
      setTheme(joinList(result.theme));
      setDirty(false);
      return true;
    } catch (err) {
      if (err instanceof ApiError && err.status === 400 && err.issues.length > 0) {
        setIssues(placeIssues(err.issues, formFields(draftLanguages(body), body.dataUse?.length)));
      } else setError(err);
      return false;
    }
  }

  async function onSave(e: FormEvent) {
    e.preventDefault();
    setBusy('save');
    if (await save()) setSaved(true);
    setBusy(null);
  }

  async function onPublish() {
    setBusy('publish');
    setPublished(null);
    try {
      // Publishing sends the saved draft, so unsaved edits are saved first.
      if (dirty && !(await save())) return;
      setError(null);
      setPublished(await (await access()).client.publish());
    } catch (err) {
      setError(err);
    } finally {
      setBusy(null);
    }
  }

  const publishedAt = published?.publishedAt ?? publishedBefore;
  const otherLangs = Object.keys(ui.languages).filter((l) => !langs.includes(l));
  const publisherTypes = Object.keys(ui.holder.publisherTypes).includes(draft.publisherType)
    ? Object.keys(ui.holder.publisherTypes)
    : [draft.publisherType, ...Object.keys(ui.holder.publisherTypes)];
  const retentionErrors = errs('retentionPeriod') ?? [];

  return (
    <>
      <Derived dataset={dataset} />
      <div ref={status} tabIndex={-1} aria-live="polite" className="form-status">
        {issues && (
          <div className="alert alert-error" role="alert">
            <p className="alert-title">{ui.holder.fixErrors}</p>
            {issues.unplaced.length > 0 && (
              <ul>
                {issues.unplaced.map((m, i) => (
                  <li key={i}>{m}</li>
                ))}
              </ul>
            )}
          </div>
        )}
        {error != null && <ErrorBox error={error} />}
        {saved && <p className="alert alert-ok">{ui.holder.saved}</p>}
        {published && (
          <p className="alert alert-ok" data-testid="publish-result">
            {fmt(ui.holder.publishedAt, { at: formatDateTime(published.publishedAt) })}{' '}
            <Link to={`/catalogue/${encodeURIComponent(published.id)}`}>{ui.holder.viewPublished}</Link>
          </p>
        )}
      </div>
      <form onSubmit={(e) => void onSave(e)} className="form description-form" noValidate>
        <FieldErrors id={`${id}-title-err`} errors={errs('title')} />
        <FieldErrors id={`${id}-desc-err`} errors={errs('description')} />
        {langs.map((lang) => (
          <fieldset key={lang} className="lang-group" lang={lang}>
            <legend lang="en">{fmt(ui.holder.languageTitle, { lang: nameOf(ui.languages, lang) })}</legend>
            <TextField
              label={fmt(ui.holder.titleField, { lang: nameOf(ui.languages, lang) })}
              value={draft.title[lang] ?? ''}
              onChange={(v) => setText('title', lang, v)}
              errors={errs(`title.${lang}`)}
              required={lang === 'en'}
              testId={`draft-title-${lang}`}
            />
            <TextArea
              label={fmt(ui.holder.descriptionField, { lang: nameOf(ui.languages, lang) })}
              value={draft.description[lang] ?? ''}
              onChange={(v) => setText('description', lang, v)}
              errors={errs(`description.${lang}`)}
              required={lang === 'en'}
            />
            {lang !== 'en' && (
              <button
                type="button"
                className="button secondary small"
                onClick={() => {
                  setDraft((d) => removeLanguage(d, lang));
                  setDirty(true);
                }}
              >
                {fmt(ui.holder.removeLanguage, { lang: nameOf(ui.languages, lang) })}
              </button>
            )}
          </fieldset>
        ))}
        {otherLangs.length > 0 && (
          <div className="field inline">
            <label htmlFor={`${id}-lang`}>{ui.holder.addLanguage}</label>
            <select id={`${id}-lang`} value={newLang} onChange={(e) => setNewLang(e.target.value)}>
              <option value="">—</option>
              {otherLangs.map((l) => (
                <option key={l} value={l}>
                  {nameOf(ui.languages, l)}
                </option>
              ))}
            </select>
            <button
              type="button"
              className="button secondary small"
              disabled={!newLang}
              onClick={() => {
                setDraft((d) => addLanguage(d, newLang));
                setNewLang('');
                setDirty(true);
              }}
            >
              {ui.holder.add}
            </button>
          </div>
        )}
        <TextField
          label={ui.holder.keywordsField}
          hint={ui.holder.keywordsHint}
          value={keywords}
          onChange={(v) => {
            setKeywords(v);
            setDirty(true);
          }}
          errors={errs('keywords')}
        />
        <div className={`field ${errs('accessRights') ? 'has-error' : ''}`}>
          <label htmlFor={`${id}-access`}>{ui.holder.accessRightsField}</label>
          <select
            id={`${id}-access`}
            value={draft.accessRights}
            aria-invalid={errs('accessRights') ? true : undefined}
            aria-describedby={errs('accessRights') ? `${id}-access-err` : undefined}
            onChange={(e) => update({ accessRights: e.target.value as AccessRights })}
          >
            {ACCESS_RIGHTS.map((a) => (
              <option key={a} value={a}>
                {ui.accessRights[a]}
              </option>
            ))}
          </select>
          <FieldErrors id={`${id}-access-err`} errors={errs('accessRights')} />
        </div>
        <fieldset
          className={`categories ${errs('healthCategories') ? 'has-error' : ''}`}
          aria-describedby={errs('healthCategories') ? `${id}-cat-err` : undefined}
        >
          <legend>{ui.holder.categoriesField}</legend>
          <FieldErrors id={`${id}-cat-err`} errors={errs('healthCategories')} />
          <ul className="checkbox-grid">
            {CATEGORY_CODES.map((code) => (
              <li key={code}>
                <input
                  type="checkbox"
                  id={`${id}-cat-${code}`}
                  checked={draft.healthCategories.includes(code)}
                  onChange={(e) =>
                    update({
                      healthCategories: e.target.checked
                        ? [...draft.healthCategories, code]
                        : draft.healthCategories.filter((c) => c !== code),
                    })
                  }
                />
                <label htmlFor={`${id}-cat-${code}`}>
                  {ui.healthCategories[code]} <span className="muted">({code})</span>
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
        <div className="two-col">
          <TextField
            label={ui.holder.contactName}
            value={draft.contactPoint.name}
            onChange={(v) => update({ contactPoint: { ...draft.contactPoint, name: v } })}
            errors={[...(errs('contactPoint') ?? []), ...(errs('contactPoint.name') ?? [])]}
            autoComplete="name"
          />
          <TextField
            label={ui.holder.contactEmail}
            type="email"
            value={draft.contactPoint.email}
            onChange={(v) => update({ contactPoint: { ...draft.contactPoint, email: v } })}
            errors={errs('contactPoint.email')}
            autoComplete="email"
          />
        </div>
        <div className={`field ${errs('publisherType') ? 'has-error' : ''}`}>
          <label htmlFor={`${id}-ptype`}>{ui.holder.publisherTypeField}</label>
          <select
            id={`${id}-ptype`}
            value={draft.publisherType}
            aria-invalid={errs('publisherType') ? true : undefined}
            aria-describedby={errs('publisherType') ? `${id}-ptype-err` : undefined}
            onChange={(e) => update({ publisherType: e.target.value })}
          >
            {publisherTypes.map((t) => (
              <option key={t} value={t}>
                {nameOf(ui.holder.publisherTypes, t)}
              </option>
            ))}
          </select>
          <FieldErrors id={`${id}-ptype-err`} errors={errs('publisherType')} />
        </div>
        <TextArea
          label={ui.holder.legalBasisField}
          rows={2}
          value={draft.legalBasis}
          onChange={(v) => update({ legalBasis: v })}
          errors={errs('legalBasis')}
          required
        />
        <TextArea
          label={ui.holder.purposeField}
          rows={2}
          value={draft.purpose}
          onChange={(v) => update({ purpose: v })}
          errors={errs('purpose')}
          required
        />
        <TextArea
          label={ui.holder.provenanceField}
          hint={ui.holder.provenanceHint}
          rows={2}
          value={draft.provenance}
          onChange={(v) => update({ provenance: v })}
          errors={errs('provenance')}
          required
        />
        <fieldset
          className={`retention ${retentionErrors.length ? 'has-error' : ''}`}
          aria-describedby={retentionErrors.length ? `${id}-ret-err` : undefined}
        >
          <legend>{ui.holder.retentionField}</legend>
          <FieldErrors id={`${id}-ret-err`} errors={retentionErrors} />
          <div className="two-col">
            <DateField
              label={ui.holder.retentionStart}
              value={draft.retentionPeriod?.start ?? ''}
              onChange={(v) => update({ retentionPeriod: { ...draft.retentionPeriod, start: v } })}
              errors={errs('retentionPeriod.start')}
              testId="draft-retention-start"
            />
            <DateField
              label={ui.holder.retentionEnd}
              value={draft.retentionPeriod?.end ?? ''}
              onChange={(v) =>
                update({ retentionPeriod: { start: draft.retentionPeriod?.start ?? '', end: v } })
              }
              errors={errs('retentionPeriod.end')}
              testId="draft-retention-end"
            />
          </div>
        </fieldset>
        <DataUseConditions value={draft.dataUse} onChange={(dataUse) => update({ dataUse })} errs={errs} />
        <TextField
          label={ui.holder.themeField}
          hint={ui.holder.themeHint}
          value={theme}
          onChange={(v) => {
            setTheme(v);
            setDirty(true);
          }}
          errors={errs('theme')}
        />
        <div className="actions">
          <button
            type="submit"
            className="button secondary"
            disabled={busy !== null}
            data-testid="save-draft-button"
          >
            {busy === 'save' ? ui.holder.saving : ui.holder.save}
          </button>
          <button
            type="button"
            className="button"
            disabled={busy !== null}
            data-testid="publish-button"
            onClick={() => void onPublish()}
          >
            {busy === 'publish' ? ui.holder.publishing : ui.holder.publish}
          </button>
          <span className="muted">
            {publishedAt ? (
              <>
                {fmt(ui.holder.publishedAt, { at: formatDateTime(publishedAt) })}{' '}
                <Link to={`/catalogue/${encodeURIComponent(published?.id ?? dataset.id)}`}>
                  {ui.holder.viewPublished}
                </Link>
              </>
            ) : (
              ui.holder.notPublished
            )}
          </span>
        </div>
      </form>
    </>
  );
}
