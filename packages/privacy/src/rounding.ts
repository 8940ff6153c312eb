/**
 * The rounding rule for released counts: to the nearest multiple of `base`, halves rounded up
 * (12 → 10, 13 → 15, base 10: 15 → 20), then raised to the smallest multiple of `base` that is at
 * least the threshold, so a released count is never below the threshold (threshold 12, base 5:
 * 12 → 15, not 10). Zero stays zero. NHS Digital HES and OpenSAFELY round published counts to 5.
 */
export function roundCount(value: number, base: number, threshold: number): number {
  if (value === 0) return 0;
  if (base <= 1) return Math.max(value, threshold);
  const nearest = Math.floor(value / base + 0.5) * base;
  const floor = Math.ceil(threshold / base) * base;
  return Math.max(nearest, floor);
}
