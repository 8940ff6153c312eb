import { Link } from 'react-router-dom';
import { ui } from '../i18n/ui';

/** Shown for any address without a page. */
export function NotFoundPage() {
  return (
    <div className="narrow">
      <h1>{ui.app.notFoundTitle}</h1>
      <p>{ui.app.notFoundText}</p>
      <p>
        <Link to="/">{ui.app.backHome}</Link>
      </p>
    </div>
  );
}
