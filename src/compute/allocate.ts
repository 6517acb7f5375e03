// Splits an integer total by shares so that the parts add up to the total exactly (largest remainder).

/**
 * Each part gets floor(total × weight / Σweights); the units left over go to the parts with the
 * largest remainders, ties to the earlier part. Weights are integers (e.g. hundredths of a percent).
 */
export function allocate(total: number, weights: readonly number[]): number[] {
  if (!Number.isSafeInteger(total)) throw new RangeError('total must be a safe integer');
  if (weights.some((w) => !Number.isSafeInteger(w) || w < 0)) throw new RangeError('weights must be non-negative integers');
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum === 0) throw new RangeError('weights sum to zero');
  const sign = total < 0 ? -1 : 1;
  const magnitude = BigInt(Math.abs(total));
  const bigSum = BigInt(sum);
  const parts = weights.map((w) => {
    const product = magnitude * BigInt(w);
    return { floor: product / bigSum, remainder: product % bigSum };
  });
  let left = magnitude - parts.reduce((a, p) => a + p.floor, 0n);
  const order = parts
    .map((p, index) => ({ index, remainder: p.remainder }))
    .sort((a, b) => (a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1));
  const result = parts.map((p) => p.floor);
  for (const { index } of order) {
    if (left === 0n) break;
    result[index]! += 1n;
    left -= 1n;
  }
  return result.map((v) => sign * Number(v));
}
