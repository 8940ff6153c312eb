import { Link } from 'react-router-dom';
import type { AccessLevel } from './access-level';
import { genomicsText as t } from './strings';

/** Which granularity the user gets and why, with the way to more (sign in; a permit). */
export function AccessBanner({ level }: { level: AccessLevel }) {
  return (
    <div className="alert gx-banner" data-testid="genomics-granularity" data-granularity={level.granularity}>
      <p className="alert-title">{level.title}</p>
      <p>{level.text}</p>
      {level.signIn && (
        <p>
          <Link to="/sign-in" state={{ from: '/genomics' }} data-testid="genomics-sign-in">
            {t.granularity.signIn}
          </Link>
        </p>
      )}
    </div>
  );
}
