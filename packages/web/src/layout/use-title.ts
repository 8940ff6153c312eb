import { useEffect } from 'react';
import { en } from '../i18n/en';

/** Sets the document title per page so tabs, history and screen readers name it (WCAG 2.4.2). */
export function useTitle(title: string | undefined): void {
  useEffect(() => {
    document.title = title ? `${title} · ${en.app.name}` : en.app.name;
  }, [title]);
}
