import { clampStars, qualityText, starGlyphs } from './quality-text';

interface Props {
  quality: { stars: number; score?: number | null } | null;
  size?: 'small' | 'large';
}

/** The quality and utility label (Art. 78) as 0–5 stars and a score; screen readers hear it in words. */
export function QualityBadge({ quality, size = 'small' }: Props) {
  const text = qualityText(quality);
  return (
    <span
      className={`quality-badge quality-${size} ${quality ? `stars-${clampStars(quality.stars)}` : 'no-label'}`}
      data-testid="quality-badge"
      role="img"
      aria-label={text}
      title={text}
    >
      {quality ? (
        <>
          <span aria-hidden="true" className="stars">
            {starGlyphs(quality.stars)}
          </span>
          {quality.score != null && (
            <span aria-hidden="true" className="score">
              {Math.round(quality.score)}/100
            </span>
          )}
        </>
      ) : (
        <span aria-hidden="true">{text}</span>
      )}
    </span>
  );
}
