import type { Badge as BadgeText } from './clock-text';
import './applications.css';

/** A coloured pill whose words carry the meaning (colour is never the only cue, WCAG 1.4.1). */
export function Badge({ badge, testId }: { badge: BadgeText; testId?: string }) {
  return (
    <span className={`app-badge app-badge-${badge.tone}`} data-testid={testId}>
      {badge.text}
    </span>
  );
}
