import { useId, useState, type FormEvent } from 'react';
import { FILE_VOTES, type AirlockFile, type AirlockRequestView, type FileVote } from '@openehds/client';
import { ErrorBox } from '../components/ErrorBox';
import { FieldErrors } from '../components/fields';
import { fmt } from '../i18n/format';
import { airlockApi } from './api';
import {
  commentRequired,
  reviewFieldErrors,
  reviewInput,
  reviewProblems,
  type FileProblems,
  type ReviewDraft,
} from './airlock-rules';
import { airlockText as t } from './strings';

/** The ids of one file's controls in the review form (by position: file names hold dots). */
export function reviewIds(idPrefix: string, index: number) {
  const base = `${idPrefix}-f${index}`;
  return {
    legend: `${base}-legend`,
    vote: (v: FileVote) => `${base}-vote-${v}`,
    voteErr: `${base}-vote-err`,
    comment: `${base}-comment`,
    commentHint: `${base}-comment-hint`,
    commentErr: `${base}-comment-err`,
  };
}

/**
 * The review's fields: per file, a vote (approve, request changes, reject) and a comment that is
 * required — and marked so — when the vote is not approve or the automatic check did not pass (the
 * hub's rule). Errors sit beside their field and are tied to it (WCAG 1.3.1, 3.3.1).
 */
export function ReviewFields({
  idPrefix,
  files,
  draft,
  errors,
  onVote,
  onComment,
}: {
  idPrefix: string;
  files: readonly AirlockFile[];
  draft: ReviewDraft;
  errors: Record<string, FileProblems>;
  onVote: (name: string, vote: FileVote) => void;
  onComment: (name: string, text: string) => void;
}) {
  return (
    <>
      {files.map((f, i) => {
        const ids = reviewIds(idPrefix, i);
        const vote = draft.votes[f.name];
        const required = commentRequired(vote, f.autoCheck.outcome);
        const problems = errors[f.name] ?? {};
        const hint =
          f.autoCheck.outcome !== 'pass'
            ? fmt(t.review.commentRequiredCheck, { summary: f.autoCheck.summary })
            : required
              ? t.review.commentRequired
              : t.review.commentOptional;
        return (
          <fieldset key={f.name} className="airlock-review-file" data-testid={`review-file-${f.name}`}>
            <legend id={ids.legend}>{fmt(t.review.legend, { name: f.name })}</legend>
            <fieldset
              className={`field ${problems.vote ? 'has-error' : ''}`}
              aria-describedby={problems.vote ? ids.voteErr : undefined}
            >
              <legend>{t.review.vote}</legend>
              <div className="airlock-votes">
                {FILE_VOTES.map((v) => (
                  <span key={v} className="field checkbox">
                    <input
                      type="radio"
                      id={ids.vote(v)}
                      name={`${idPrefix}-f${i}-vote`}
                      value={v}
                      checked={vote === v}
                      onChange={() => onVote(f.name, v)}
                      aria-describedby={problems.vote ? ids.voteErr : undefined}
                      data-testid={`review-vote-${f.name}-${v}`}
                    />
                    <label htmlFor={ids.vote(v)}>{t.votes[v]}</label>
                  </span>
                ))}
              </div>
              <FieldErrors id={ids.voteErr} errors={problems.vote} />
            </fieldset>
            <div className={`field ${problems.comment ? 'has-error' : ''}`}>
              <label htmlFor={ids.comment}>
                {t.review.comment}
                {required && <span aria-hidden="true"> *</span>}
              </label>
              <p id={ids.commentHint} className="hint">
                {hint}
              </p>
              <textarea
                id={ids.comment}
                rows={3}
                value={draft.comments[f.name] ?? ''}
                required={required}
                aria-invalid={problems.comment ? true : undefined}
                aria-describedby={`${ids.commentHint}${problems.comment ? ` ${ids.commentErr}` : ''}`}
                onChange={(e) => onComment(f.name, e.target.value)}
                data-testid={`review-comment-${f.name}`}
              />
              <FieldErrors id={ids.commentErr} errors={problems.comment} />
            </div>
          </fieldset>
        );
      })}
    </>
  );
}

/** A checker's review of the current submission; on success the page reloads and announces it. */
export function ReviewForm({
  view,
  onDone,
}: {
  view: AirlockRequestView;
  onDone: (message: string) => void;
}) {
  const idPrefix = useId().replace(/[^A-Za-z0-9_-]/g, '');
  const [draft, setDraft] = useState<ReviewDraft>({ votes: {}, comments: {} });
  const [errors, setErrors] = useState<Record<string, FileProblems>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const names = view.files.map((f) => f.name);

  /** Puts the keyboard on the first field at fault, so the user lands where to fix it (WCAG 3.3.1). */
  function focusFirst(problems: Record<string, FileProblems>) {
    const index = view.files.findIndex((f) => problems[f.name]);
    if (index < 0) return;
    const ids = reviewIds(idPrefix, index);
    const target = problems[view.files[index]!.name]!.vote
      ? ids.vote(draft.votes[view.files[index]!.name] ?? 'approve')
      : ids.comment;
    setTimeout(() => document.getElementById(target)?.focus(), 0);
  }

  async function send(e: FormEvent) {
    e.preventDefault();
    const problems = reviewProblems(view.files, draft);
    setErrors(problems);
    setError(null);
    if (Object.keys(problems).length) {
      focusFirst(problems);
      return;
    }
    setBusy(true);
    try {
      await airlockApi.review(view.id, reviewInput(draft));
      onDone(t.review.done);
    } catch (err) {
      const fromHub = reviewFieldErrors(err, names);
      setErrors(fromHub);
      setError(err);
      focusFirst(fromHub);
    } finally {
      setBusy(false);
    }
  }

  const count = Object.keys(errors).length;
  return (
    <form onSubmit={(e) => void send(e)} className="form" noValidate aria-label={t.review.title}>
      <p className="hint">{t.review.intro}</p>
      <ReviewFields
        idPrefix={idPrefix}
        files={view.files}
        draft={draft}
        errors={errors}
        onVote={(name, vote) => setDraft((d) => ({ ...d, votes: { ...d.votes, [name]: vote } }))}
        onComment={(name, text) => setDraft((d) => ({ ...d, comments: { ...d.comments, [name]: text } }))}
      />
      {count > 0 && error == null && (
        <p className="alert alert-error" role="alert">
          {t.review.problems}
        </p>
      )}
      {error != null && <ErrorBox error={error} />}
      <div>
        <button type="submit" className="button" disabled={busy} data-testid="review-submit">
          {busy ? t.review.working : t.review.submit}
        </button>
      </div>
    </form>
  );
}
