import { useState } from 'react';
import { STAGE_MOVES, USE_CASE_CRITERIA, type UseCaseDetail, type UseCaseStage } from '@openehds/client';
import { ui } from '../i18n/ui';
import { fmt, formatDate, formatDateTime, formatNumber, nameOf } from '../i18n/format';
import { errAttrs, Field, VocabSelect } from './fields';
import { useCasesText as t } from './strings';
import { shortDecimal } from './view';

/** What the page can do, each returning the problem's issues by path, or null when it worked. */
export interface UseCaseActions {
  score: (scores: Record<string, number>) => Promise<Record<string, string[]> | null>;
  vote: () => Promise<void>;
  comment: (body: string) => Promise<Record<string, string[]> | null>;
  move: (stage: UseCaseStage, reason: string) => Promise<Record<string, string[]> | null>;
  link: (kind: 'application' | 'permit', id: string) => Promise<Record<string, string[]> | null>;
}

/** What a use case can be linked to, in the order the select offers them. */
const LINK_KINDS = ['application', 'permit'] as const;

const cat = (code: string) => nameOf(ui.healthCategories as Record<string, string>, code);

/** Data availability from the catalogue: summary, gaps, datasets table. */
function Availability({ a }: { a: UseCaseDetail['availability'] }) {
  return (
    <section aria-labelledby="uc-avail-h" data-testid="uc-availability">
      <h2 id="uc-avail-h">{t.availabilityTitle}</h2>
      {a.total === 0 ? (
        <p>{t.noDatasets}</p>
      ) : (
        <p>
          {fmt(t.availabilitySummary, {
            n: a.total,
            individuals: formatNumber(a.individuals),
            records: formatNumber(a.records),
            sized: a.withSize,
          })}
        </p>
      )}
      {a.categoriesMissing.length > 0 && (
        <p data-testid="uc-availability-missing">
          {fmt(t.availabilityMissing, { list: a.categoriesMissing.map(cat).join(', ') })}
        </p>
      )}
      {a.total > 0 && (
        <div className="table-wrap">
          <table data-testid="uc-datasets">
            <caption>{t.availabilityCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.colDataset}</th>
                <th scope="col">{t.colCountry}</th>
                <th scope="col">{t.colMatched}</th>
                <th scope="col" className="num">
                  {t.colIndividuals}
                </th>
                <th scope="col" className="num">
                  {t.colRecords}
                </th>
                <th scope="col">{t.colQuality}</th>
              </tr>
            </thead>
            <tbody>
              {a.datasets.map((d) => (
                <tr key={d.id}>
                  <th scope="row">
                    <a href={`/catalogue/${encodeURIComponent(d.id)}`}>{d.title || d.id}</a>
                  </th>
                  <td>{d.country}</td>
                  <td>{[...d.matchedCategories.map(cat), ...d.matchedKeywords].join(', ')}</td>
                  <td className="num">{d.individuals === null ? '' : formatNumber(d.individuals)}</td>
                  <td className="num">{d.records === null ? '' : formatNumber(d.records)}</td>
                  <td>{d.stars === null ? t.noLabel : fmt(t.stars, { n: d.stars })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** The use case's page body (exported for the markup test). */
export function UseCaseView({
  detail,
  canMoveStage,
  actions,
}: {
  detail: UseCaseDetail;
  canMoveStage: boolean;
  actions: UseCaseActions;
}) {
  const [scores, setScores] = useState<Record<string, string>>(() =>
    Object.fromEntries(USE_CASE_CRITERIA.map((c) => [c.id, String(detail.myScores?.[c.id] ?? 3)])),
  );
  const [issues, setIssues] = useState<Record<string, string[]>>({});
  const [status, setStatus] = useState('');
  const moves = STAGE_MOVES[detail.stage];
  return (
    <>
      <p className="muted">
        {fmt(t.detailProposer, { name: detail.proposer.displayName, date: formatDate(detail.createdAt) })} ·{' '}
        <span data-testid="uc-stage">{t.stages[detail.stage]}</span>
      </p>
      <dl className="use-case-facts">
        <dt>{t.problem}</dt>
        <dd>{detail.problem}</dd>
        <dt>{t.benefit}</dt>
        <dd>{detail.benefit}</dd>
        <dt>{t.aiMethod}</dt>
        <dd>{detail.aiMethod}</dd>
        <dt>{t.regulatory}</dt>
        <dd>
          {t.aiActClasses[detail.aiActClass]} · {t.deviceClasses[detail.deviceClass]}
        </dd>
        <dt>{t.dataNeeded}</dt>
        <dd>{[...detail.dataCategories.map(cat), ...detail.keywords].join(', ')}</dd>
      </dl>
      <p>
        <span data-testid="uc-votes">{fmt(t.votes, { n: detail.votes })}</span>{' '}
        <button
          type="button"
          className="button secondary"
          aria-pressed={detail.voted}
          data-testid="uc-vote"
          onClick={() => void actions.vote()}
        >
          {detail.voted ? t.unvote : t.vote}
        </button>
      </p>
      <Availability a={detail.availability} />
      <section aria-labelledby="uc-mean-h">
        <h2 id="uc-mean-h">{fmt(t.meanTitle, { n: detail.scoreCount })}</h2>
        {detail.meanScores ? (
          <ul data-testid="uc-mean-scores">
            {USE_CASE_CRITERIA.map((c) => (
              <li key={c.id}>
                {t.criteria[c.id]}: {shortDecimal(detail.meanScores![c.id])}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t.meanNone}</p>
        )}
      </section>
      <form
        noValidate
        aria-labelledby="uc-score-h"
        onSubmit={async (e) => {
          e.preventDefault();
          const found = await actions.score(
            Object.fromEntries(Object.entries(scores).map(([k, v]) => [k, Number(v)])),
          );
          setIssues(found ?? {});
          setStatus(found ? '' : t.scoresSaved);
        }}
      >
        <h2 id="uc-score-h">{t.scoreTitle}</h2>
        <p id="uc-score-hint" className="hint">
          {t.scoreHint}
        </p>
        <div className="use-case-scores">
          {USE_CASE_CRITERIA.map((c) => {
            const id = `uc-score-${c.id}`;
            return (
              <Field key={c.id} id={id} label={t.criteria[c.id]} messages={issues[`scores.${c.id}`]}>
                <select
                  id={id}
                  value={scores[c.id]}
                  data-testid={id}
                  {...errAttrs(id, issues[`scores.${c.id}`])}
                  onChange={(e) => setScores({ ...scores, [c.id]: e.target.value })}
                >
                  {[1, 2, 3, 4, 5].map((n) => (
                    <option key={n} value={n}>
                      {n}
                    </option>
                  ))}
                </select>
              </Field>
            );
          })}
        </div>
        <button type="submit" className="button" data-testid="uc-save-scores">
          {t.saveScores}
        </button>
        <p role="status" data-testid="uc-status">
          {status}
        </p>
      </form>
      <section aria-labelledby="uc-stage-h">
        <h2 id="uc-stage-h">{t.stageTitle}</h2>
        <ol data-testid="uc-stage-history" aria-label={t.stageHistory}>
          {detail.stageHistory.map((s, i) => (
            <li key={i}>
              {t.stages[s.to]} · {formatDateTime(s.at)}
              {s.by ? ` · ${s.by}` : ''}
              {s.reason ? ` · ${s.reason}` : ''}
            </li>
          ))}
        </ol>
        {canMoveStage &&
          (moves.length === 0 ? (
            <p>{t.finalStage}</p>
          ) : (
            <form
              noValidate
              onSubmit={async (e) => {
                e.preventDefault();
                const f = new FormData(e.currentTarget);
                const found = await actions.move(
                  String(f.get('stage')) as UseCaseStage,
                  String(f.get('reason') ?? ''),
                );
                setIssues(found ?? {});
              }}
            >
              <VocabSelect
                id="uc-move-stage"
                name="stage"
                label={t.moveTo}
                values={moves}
                names={t.stages}
                messages={issues.stage}
              />
              <div className="field">
                <label htmlFor="uc-move-reason">{t.moveReason}</label>
                <input id="uc-move-reason" name="reason" type="text" data-testid="uc-move-reason" />
              </div>
              <button type="submit" className="button" data-testid="uc-move">
                {t.move}
              </button>
            </form>
          ))}
      </section>
      <section aria-labelledby="uc-links-h">
        <h2 id="uc-links-h">{t.linksTitle}</h2>
        {detail.links.applications.length + detail.links.permits.length === 0 ? (
          <p>{t.noLinks}</p>
        ) : (
          <ul data-testid="uc-links">
            {detail.links.applications.map((a) => (
              <li key={a.id}>
                <a href={`/applications/${a.id}`}>{a.reference}</a>
              </li>
            ))}
            {detail.links.permits.map((p) => (
              <li key={p.id}>
                <a href={`/permits/${encodeURIComponent(p.id)}`}>{p.id}</a> ({p.status})
              </li>
            ))}
          </ul>
        )}
        <form
          noValidate
          onSubmit={async (e) => {
            e.preventDefault();
            const f = new FormData(e.currentTarget);
            const found = await actions.link(
              f.get('kind') as 'application' | 'permit',
              String(f.get('target') ?? ''),
            );
            setIssues(found ?? {});
          }}
        >
          <VocabSelect
            id="uc-link-kind"
            name="kind"
            label={t.linkKind}
            values={LINK_KINDS}
            names={t.linkKinds}
          />
          <Field id="uc-link-id" label={t.linkId} messages={issues.id}>
            <input
              id="uc-link-id"
              name="target"
              type="text"
              data-testid="uc-link-id"
              {...errAttrs('uc-link-id', issues.id)}
            />
          </Field>
          <button type="submit" className="button secondary" data-testid="uc-link">
            {t.link}
          </button>
        </form>
      </section>
      <section aria-labelledby="uc-comments-h">
        <h2 id="uc-comments-h">{t.commentsTitle}</h2>
        {detail.comments.length === 0 ? (
          <p>{t.noComments}</p>
        ) : (
          <ul data-testid="uc-comments">
            {detail.comments.map((c) => (
              <li key={c.id}>
                <strong>{c.author}</strong> · {formatDateTime(c.createdAt)}
                <p>{c.body}</p>
              </li>
            ))}
          </ul>
        )}
        <form
          noValidate
          onSubmit={async (e) => {
            e.preventDefault();
            const form = e.currentTarget;
            const found = await actions.comment(String(new FormData(form).get('body') ?? ''));
            setIssues(found ?? {});
            if (!found) form.reset();
          }}
        >
          <Field id="uc-comment" label={t.commentLabel} messages={issues.body}>
            <textarea
              id="uc-comment"
              name="body"
              rows={3}
              data-testid="uc-comment"
              {...errAttrs('uc-comment', issues.body)}
            />
          </Field>
          <button type="submit" className="button secondary" data-testid="uc-add-comment">
            {t.addComment}
          </button>
        </form>
      </section>
    </>
  );
}
