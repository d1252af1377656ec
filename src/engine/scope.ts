import type { Choice, Deal, DealLever } from './deal.js';

/**
 * What a counter-offer may do to each lever. A lever the customer keeps (or the file
 * locks) stays where it is; any other lever moves only to options worth no more to the
 * customer than where it starts (`from`: the offer as it stands, or a ladder's previous
 * step), so that a counter-offer removes or keeps scope and never spends the vendor's
 * margin on extras. `addScope` lifts that ceiling: every option is open.
 */
export interface Scope {
  /** The deal as the search sees it: each lever with only the options it may take. */
  readonly view: Deal;
  /** Per lever, the index in the real deal of each option of the view. */
  readonly index: readonly (readonly number[])[];
}

export interface ScopeOptions {
  readonly movable: readonly boolean[];
  /** Where each lever starts (default: its current option). */
  readonly from?: Choice;
  readonly addScope?: boolean;
}

export function restrictScope(deal: Deal, options: ScopeOptions): Scope {
  const from = options.from ?? deal.levers.map((l) => l.current);
  const index: number[][] = [];
  const levers = deal.levers.map((l, j): DealLever => {
    const start = from[j]!;
    const ceiling = l.options[start]!.value;
    const open = l.options.map((_, k) => k).filter((k) =>
      k === start || (options.movable[j] && (options.addScope || l.options[k]!.value <= ceiling)));
    index.push(open);
    return { ...l, current: open.indexOf(start), options: open.map((k) => l.options[k]!) };
  });
  return { view: { ...deal, levers }, index };
}

/** A choice in the view's option indices, back in the real deal's. */
export function widen(scope: Scope, choice: Choice): number[] {
  return choice.map((k, j) => scope.index[j]![k]!);
}
