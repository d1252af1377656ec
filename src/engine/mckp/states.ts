/**
 * The dynamic programme's state lists: partial packages as parallel typed arrays, sorted
 * by cost with strictly rising value (so that every state is non-dominated), and an
 * arena of choices, each state pointing at the last lever it moved off the LP solution.
 * While a lever is being added, `tag` holds the option that made the state.
 */
export class StateList {
  n = 0;
  cost: Float64Array;
  value: Float64Array;
  changes: Int32Array;
  rec: Int32Array;
  tag: Int32Array;

  constructor(capacity = 64) {
    this.cost = new Float64Array(capacity);
    this.value = new Float64Array(capacity);
    this.changes = new Int32Array(capacity);
    this.rec = new Int32Array(capacity);
    this.tag = new Int32Array(capacity);
  }

  push(cost: number, value: number, changes: number, rec: number, tag = 0): void {
    if (this.n === this.cost.length) this.grow(this.n + 1);
    const i = this.n++;
    this.cost[i] = cost;
    this.value[i] = value;
    this.changes[i] = changes;
    this.rec[i] = rec;
    this.tag[i] = tag;
  }

  /** Appends `from`'s state i; room for it must have been reserved. */
  pushFrom(from: StateList, i: number): void {
    const n = this.n++;
    this.cost[n] = from.cost[i]!;
    this.value[n] = from.value[i]!;
    this.changes[n] = from.changes[i]!;
    this.rec[n] = from.rec[i]!;
    this.tag[n] = from.tag[i]!;
  }

  /** Keeps, in order, the states `keep` accepts. */
  retain(keep: (i: number) => boolean): void {
    let w = 0;
    for (let i = 0; i < this.n; i++) {
      if (!keep(i)) continue;
      this.cost[w] = this.cost[i]!;
      this.value[w] = this.value[i]!;
      this.changes[w] = this.changes[i]!;
      this.rec[w] = this.rec[i]!;
      this.tag[w++] = this.tag[i]!;
    }
    this.n = w;
  }

  reserve(size: number): void {
    if (this.cost.length < size) this.grow(size);
  }

  clear(): void {
    this.n = 0;
  }

  private grow(least: number): void {
    let size = this.cost.length * 2;
    while (size < least) size *= 2;
    const widen = <T extends Float64Array | Int32Array>(a: T, b: T): T => {
      b.set(a);
      return b;
    };
    this.cost = widen(this.cost, new Float64Array(size));
    this.value = widen(this.value, new Float64Array(size));
    this.changes = widen(this.changes, new Int32Array(size));
    this.rec = widen(this.rec, new Int32Array(size));
    this.tag = widen(this.tag, new Int32Array(size));
  }
}

/** Choices as a persistent linked list: (lever, option, parent), −1 for the LP solution itself. */
export class ChoiceArena {
  n = 0;
  private lever = new Int32Array(1024);
  private option = new Int32Array(1024);
  private parent = new Int32Array(1024);

  clear(): void {
    this.n = 0;
  }

  add(lever: number, option: number, parent: number): number {
    if (this.n === this.lever.length) {
      const grow = (a: Int32Array) => {
        const b = new Int32Array(a.length * 2);
        b.set(a);
        return b;
      };
      this.lever = grow(this.lever);
      this.option = grow(this.option);
      this.parent = grow(this.parent);
    }
    this.lever[this.n] = lever;
    this.option[this.n] = option;
    this.parent[this.n] = parent;
    return this.n++;
  }

  /** The full choice: the LP solution with every recorded move applied (the latest per lever wins). */
  choice(base: Int32Array, rec: number): Int32Array {
    const out = base.slice();
    const seen = new Uint8Array(base.length);
    for (let r = rec; r >= 0; r = this.parent[r]!) {
      const j = this.lever[r]!;
      if (seen[j] === 0) out[j] = this.option[r]!;
      seen[j] = 1;
    }
    return out;
  }
}
