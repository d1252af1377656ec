/**
 * The engine never reads the time itself: a search is timed only by the clock it is
 * given (milliseconds from any origin), so that tests can count instead of wait and a
 * caller decides what "too long" means. Commands pass the wall clock (src/api/clock.ts).
 */
export type Clock = () => number;

/** No clock: nothing is timed, and a search runs until it has its proof. */
export const UNTIMED: Clock = () => 0;
