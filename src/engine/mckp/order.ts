/**
 * Items (indices below n, sorted in place) by key, ties by index: one native sort of key·n + index where
 * keys are integers and that is exact, else a comparator sort. A comparator sort of
 * 10,000 levers costs more than the rest of a small solve; callers then sort stably by a
 * coarser key, which is cheap where it ties.
 */
export function byKey(items: number[], key: ArrayLike<number>, n: number, descending = false): number[] {
  let lo = Infinity;
  let hi = -Infinity;
  let integral = true;
  for (const j of items) {
    lo = Math.min(lo, key[j]!);
    hi = Math.max(hi, key[j]!);
    integral &&= Number.isInteger(key[j]);
  }
  const sign = descending ? -1 : 1;
  if (!integral || (hi - lo + 1) * n >= Number.MAX_SAFE_INTEGER) return items.sort((x, y) => sign * (key[x]! - key[y]!) || x - y);
  const packed = new Float64Array(items.length);
  for (let i = 0; i < items.length; i++) packed[i] = (descending ? hi - key[items[i]!]! : key[items[i]!]! - lo) * n + items[i]!;
  packed.sort();
  for (let i = 0; i < items.length; i++) items[i] = packed[i]! % n;
  return items;
}
