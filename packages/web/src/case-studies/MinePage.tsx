import { Link } from 'react-router-dom';
import type { CaseStudy } from '@openehds/client';
import { useAuth } from '../auth/AuthContext';
import { ErrorBox } from '../components/ErrorBox';
import { Loading } from '../components/Loading';
import { formatDateTime } from '../i18n/format';
import { useTitle } from '../layout/use-title';
import { useAsync } from '../lib/use-async';
import { caseStudiesApi } from './api';
import { caseStudiesText as t } from './strings';

/** A table of case studies with their status (exported for the markup test). */
export function CaseStudyTable(props: {
  items: CaseStudy[];
  empty: string;
  testId: string;
  showAuthor?: boolean;
}) {
  const { items, empty, testId, showAuthor } = props;
  if (!items.length) return <p data-testid={`${testId}-empty`}>{empty}</p>;
  return (
    <div className="table-wrap">
      <table data-testid={testId}>
        <caption className="visually-hidden">{t.mine.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.mine.reference}</th>
            <th scope="col">{t.mine.titleCol}</th>
            {showAuthor && <th scope="col">{t.mine.author}</th>}
            <th scope="col">{t.mine.status}</th>
            <th scope="col">{t.mine.updated}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((c) => (
            <tr key={c.id} data-testid={`${testId}-${c.reference}`}>
              <td className="nowrap">{c.reference}</td>
              <td>
                <Link to={`/case-studies/${c.id}`}>{c.title}</Link>
              </td>
              {showAuthor && <td>{c.authorName}</td>}
              <td>{t.status[c.status] ?? c.status}</td>
              <td className="nowrap">{formatDateTime(c.updatedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The user's own case studies; for HDAB staff also the review queue. */
export function MinePage() {
  useTitle(t.mine.title);
  const { principal } = useAuth();
  const staff = principal?.role === 'hdab_staff';
  const mine = useAsync((signal) => caseStudiesApi.mine(signal), []);
  const queue = useAsync(
    (signal) => (staff ? caseStudiesApi.reviewQueue(undefined, signal) : Promise.resolve([])),
    [staff],
  );
  return (
    <>
      <h1>{t.mine.title}</h1>
      <p>
        <Link className="button" to="/case-studies/new" data-testid="case-study-new">
          {t.library.write}
        </Link>
      </p>
      {mine.loading && !mine.data && <Loading />}
      {mine.error != null && <ErrorBox error={mine.error} onRetry={mine.reload} />}
      {mine.data && <CaseStudyTable items={mine.data} empty={t.mine.none} testId="case-studies-mine" />}
      {staff && (
        <section aria-labelledby="cs-queue">
          <h2 id="cs-queue">{t.mine.queueTitle}</h2>
          {queue.error != null && <ErrorBox error={queue.error} onRetry={queue.reload} />}
          {queue.data && (
            <CaseStudyTable
              items={queue.data}
              empty={t.mine.queueNone}
              testId="case-studies-queue"
              showAuthor
            />
          )}
        </section>
      )}
    </>
  );
}
