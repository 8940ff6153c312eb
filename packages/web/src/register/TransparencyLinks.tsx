import { Link } from 'react-router-dom';
import { registerText as t } from './strings';

/** Links from the work queue to HDAB staff's transparency pages: publication duties and the activity report. */
export function TransparencyLinks() {
  return (
    <nav aria-label={t.staffLinks} className="actions">
      <Link to="/backoffice/publication" className="button secondary small" data-testid="link-publication">
        {t.publication.title}
      </Link>
      <Link to="/backoffice/report" className="button secondary small" data-testid="link-report">
        {t.report.title}
      </Link>
    </nav>
  );
}
