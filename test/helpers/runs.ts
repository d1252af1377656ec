/**
 * Cases per property test. `npm test` runs the count each test names, tuned to keep the
 * whole suite near half a minute on a shared 2-core machine while every property still
 * meets every shape it is about; VALUEPACK_DEEP=n runs n times as many (n = 10 or more
 * after a change to the engine, the YAML reader or the bounds; minutes). Seeds stay fixed,
 * so a deep run repeats the usual cases and goes on from there.
 */
export const DEEP = deepFactor(process.env.VALUEPACK_DEEP);

export function runs(count: number): number {
  return Math.ceil(count * DEEP);
}

function deepFactor(text: string | undefined): number {
  const n = Number(text ?? 1);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`VALUEPACK_DEEP must be a positive number, not ${text}`);
  return n;
}
