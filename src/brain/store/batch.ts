// Splits rows into batches so each multi-row statement stays a sensible size.
export const BATCH_ROWS = 2000;

export function* batches<T>(items: readonly T[], size = BATCH_ROWS): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}
