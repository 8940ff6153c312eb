import { useEffect } from 'react';
import { ui } from '../i18n/ui';

/** Sets the document title per page so tabs, history and screen readers name it (WCAG 2.4.2). */
export function useTitle(title: string | undefined): void {
  useEffect(() => {
    document.title = title ? `${title} · ${ui.app.name}` : ui.app.name;
  }, [title]);
}
