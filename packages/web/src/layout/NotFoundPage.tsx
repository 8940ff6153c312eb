import { Link } from 'react-router-dom';
import { en } from '../i18n/en';

/** Shown for any address without a page. */
export function NotFoundPage() {
  return (
    <div className="narrow">
      <h1>{en.app.notFoundTitle}</h1>
      <p>{en.app.notFoundText}</p>
      <p>
        <Link to="/">{en.app.backHome}</Link>
      </p>
    </div>
  );
}
