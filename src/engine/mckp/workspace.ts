import { Product } from './merge.js';
import { ChoiceArena } from './states.js';

/**
 * Per-option scratch arrays (and the state lists) kept from one solve to the next. Allocated afresh, the flat
 * arrays of a large instance (8 MB each at a million options) left a fifth of the time
 * to garbage collection. Arrays only grow, and their contents are stale: a caller writes
 * every element it reads. A solve borrows the one spare set; one nested in it (none is
 * today) would get its own.
 */
export class Workspace {
  /** The state lists, pooled, and the arena of their choices. */
  readonly product = new Product();
  readonly arena = new ChoiceArena();
  private readonly f64: Float64Array[] = [];
  private readonly i32: Int32Array[] = [];

  floats(slot: number, n: number): Float64Array {
    if ((this.f64[slot]?.length ?? -1) < n) this.f64[slot] = new Float64Array(n);
    return this.f64[slot]!.subarray(0, n);
  }

  ints(slot: number, n: number): Int32Array {
    if ((this.i32[slot]?.length ?? -1) < n) this.i32[slot] = new Int32Array(n);
    return this.i32[slot]!.subarray(0, n);
  }
}

let spare: Workspace | undefined;

/** The spare workspace, or a new one while it is lent out. */
export function borrow(): Workspace {
  const w = spare ?? new Workspace();
  spare = undefined;
  return w;
}

export function giveBack(w: Workspace): void {
  spare = w;
}
