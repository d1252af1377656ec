/**
 * Pairs the elements of two versions of a list (items, or the levers of one item):
 * first by id, then, among those left on both sides, by name. An element whose id
 * changed but whose name did not is so a rename, not a removal and an addition.
 */
export type Paired<T> =
  | { readonly kind: 'both'; readonly old: T; readonly new: T; readonly renamed: boolean }
  | { readonly kind: 'added'; readonly new: T }
  | { readonly kind: 'removed'; readonly old: T };

export interface Keys {
  readonly id: string;
  readonly name: string;
}

/**
 * Pairs in NEW's order, additions in place, then removals in OLD's order. Ids take
 * precedence over names everywhere: names are tried only once every id has been
 * matched. Duplicates (a rule refuses them, but this must not depend on it) pair
 * first with first.
 */
export function pairUp<T>(olds: readonly T[], news: readonly T[], keys: (t: T) => Keys): Paired<T>[] {
  const oldKeys = olds.map(keys);
  const newKeys = news.map(keys);
  const taken = olds.map(() => false);
  const take = (match: (k: Keys) => boolean): number | undefined => {
    const i = oldKeys.findIndex((k, j) => !taken[j] && match(k));
    if (i < 0) return undefined;
    taken[i] = true;
    return i;
  };
  const byId = newKeys.map((n) => take((o) => o.id === n.id));
  const byName = newKeys.map((n, i) => (byId[i] === undefined ? take((o) => o.name === n.name) : undefined));

  const out: Paired<T>[] = news.map((n, i) => {
    const j = byId[i] ?? byName[i];
    return j === undefined ? { kind: 'added', new: n } : { kind: 'both', old: olds[j]!, new: n, renamed: byId[i] === undefined };
  });
  olds.forEach((o, j) => {
    if (!taken[j]) out.push({ kind: 'removed', old: o });
  });
  return out;
}
