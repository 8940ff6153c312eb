import { ui } from '../i18n/ui';
import { fmt } from '../i18n/format';

/** Stars clamped to the label's 0–5 scale and rounded to whole stars. */
export function clampStars(stars: number): number {
  if (!Number.isFinite(stars)) return 0;
  return Math.min(5, Math.max(0, Math.round(stars)));
}

/** Filled and empty star glyphs for a star count (`★★★★☆`); decorative, the text says the same. */
export function starGlyphs(stars: number): string {
  const n = clampStars(stars);
  return '★'.repeat(n) + '☆'.repeat(5 - n);
}

/** The accessible text of a quality label: "Quality label: 4 of 5 stars" (Art. 78 graphic scale in words). */
export function qualityText(quality: { stars: number; score?: number | null } | null): string {
  if (!quality) return ui.quality.none;
  const stars = clampStars(quality.stars);
  return quality.score == null
    ? fmt(ui.quality.badge, { stars })
    : fmt(ui.quality.badgeScore, { stars, score: Math.round(quality.score) });
}
