/** Formats an amount in euro for people (`€1,250.50`); the hub sends decimal euro. */
export function formatEuro(amount: number): string {
  return new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'EUR' }).format(amount);
}

/** A typed amount in euro (`450`, `450.5`, `450,50`), or null when it is not a number of 0 or more with at most 2 decimals. */
export function parseAmount(raw: string): number | null {
  const text = raw.trim().replace(',', '.');
  if (!/^\d+(\.\d{1,2})?$/.test(text)) return null;
  const n = Number(text);
  return Number.isFinite(n) && n >= 0 ? n : null;
}
