import { ui } from '../i18n/ui';

/** A polite loading message (a status region, so screen readers hear it without losing focus). */
export function Loading({ label = ui.app.loading }: { label?: string }) {
  return (
    <p className="loading" role="status">
      {label}
    </p>
  );
}
