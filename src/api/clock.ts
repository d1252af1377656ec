import type { Clock } from '../engine/clock.js';

/** The wall clock, for searches that a person or a CI job is waiting on. */
export const wallClock: Clock = () => performance.now();
