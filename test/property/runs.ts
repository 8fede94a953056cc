/** How long the property tests run: TSAG_PROPERTY_SCALE multiplies every count (20 for a long hunt). */
const SCALE = ((scale) => (Number.isFinite(scale) && scale > 0 ? scale : 1))(Number(process.env['TSAG_PROPERTY_SCALE'] ?? 1));

/** fast-check's run count: `base`, times TSAG_PROPERTY_SCALE when set (e.g. 20 for a long hunt). */
export function runs(base: number): { numRuns: number } {
  return { numRuns: Math.max(1, Math.round(base * SCALE)) };
}

/** A test's timeout, scaled as its runs are. */
export function timeoutMs(base: number): number {
  return Math.round(base * SCALE);
}
