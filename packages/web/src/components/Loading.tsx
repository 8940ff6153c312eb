import { en } from '../i18n/en';

/** A polite loading message (a status region, so screen readers hear it without losing focus). */
export function Loading({ label = en.app.loading }: { label?: string }) {
  return (
    <p className="loading" role="status">
      {label}
    </p>
  );
}
