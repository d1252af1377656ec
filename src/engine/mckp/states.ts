/**
 * The dynamic programme's state lists: partial packages as parallel typed arrays, sorted
 * by cost with strictly rising value (so that every state is non-dominated), and an
 * arena of choices, each state pointing at the last lever it moved off the LP solution.
 */
export class StateList {
  n = 0;
  cost: Float64Array;
  value: Float64Array;
  changes: Int32Array;
  rec: Int32Array;

  constructor(capacity = 1024) {
    this.cost = new Float64Array(capacity);
    this.value = new Float64Array(capacity);
    this.changes = new Int32Array(capacity);
    this.rec = new Int32Array(capacity);
  }

  push(cost: number, value: number, changes: number, rec: number): void {
    if (this.n === this.cost.length) this.grow();
    const i = this.n++;
    this.cost[i] = cost;
    this.value[i] = value;
    this.changes[i] = changes;
    this.rec[i] = rec;
  }

  clear(): void {
    this.n = 0;
  }

  append(other: StateList): void {
    while (this.cost.length < this.n + other.n) this.grow();
    this.cost.set(other.cost.subarray(0, other.n), this.n);
    this.value.set(other.value.subarray(0, other.n), this.n);
    this.changes.set(other.changes.subarray(0, other.n), this.n);
    this.rec.set(other.rec.subarray(0, other.n), this.n);
    this.n += other.n;
  }

  private grow(): void {
    const size = this.cost.length * 2;
    const widen = <T extends Float64Array | Int32Array>(a: T, b: T): T => {
      b.set(a);
      return b;
    };
    this.cost = widen(this.cost, new Float64Array(size));
    this.value = widen(this.value, new Float64Array(size));
    this.changes = widen(this.changes, new Int32Array(size));
    this.rec = widen(this.rec, new Int32Array(size));
  }
}

/** Choices as a persistent linked list: (lever, option, parent), −1 for the LP solution itself. */
export class ChoiceArena {
  n = 0;
  private lever = new Int32Array(1024);
  private option = new Int32Array(1024);
  private parent = new Int32Array(1024);

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

/**
 * Merge runs each sorted by cost (candidates of one option, in state order; rec holds the
 * parent's) into `out`,
 * keeping a state only when it is worth more than every cheaper one: a state no cheaper
 * and no more valuable than another can never complete to a better package. Ties on
 * cost go to more value, then fewer changes, then the earlier run: the fixed choice.
 */
export function mergeRuns(
  cand: StateList, starts: Int32Array, runs: number, out: StateList, recOf: (run: number, parent: number) => number, tick: () => void,
): void {
  const head = starts.slice(0, runs);
  const heap: number[] = [];
  const before = (a: number, b: number): boolean => {
    const i = head[a]!;
    const k = head[b]!;
    if (cand.cost[i] !== cand.cost[k]) return cand.cost[i]! < cand.cost[k]!;
    if (cand.value[i] !== cand.value[k]) return cand.value[i]! > cand.value[k]!;
    if (cand.changes[i] !== cand.changes[k]) return cand.changes[i]! < cand.changes[k]!;
    return a < b;
  };
  const down = (p: number): void => {
    for (;;) {
      const l = 2 * p + 1;
      if (l >= heap.length) return;
      const c = l + 1 < heap.length && before(heap[l + 1]!, heap[l]!) ? l + 1 : l;
      if (!before(heap[c]!, heap[p]!)) return;
      [heap[c], heap[p]] = [heap[p]!, heap[c]!];
      p = c;
    }
  };
  for (let r = 0; r < runs; r++) if (head[r]! < starts[r + 1]!) heap.push(r);
  for (let p = (heap.length >> 1) - 1; p >= 0; p--) down(p);
  let top = -Infinity;
  while (heap.length > 0) {
    tick();
    const r = heap[0]!;
    const i = head[r]!;
    if (cand.value[i]! > top) {
      top = cand.value[i]!;
      out.push(cand.cost[i]!, top, cand.changes[i]!, recOf(r, cand.rec[i]!));
    }
    head[r] = i + 1;
    if (i + 1 >= starts[r + 1]!) {
      heap[0] = heap[heap.length - 1]!;
      heap.pop();
    }
    if (heap.length > 0) down(0);
  }
}
