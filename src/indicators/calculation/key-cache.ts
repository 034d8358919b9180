/**
 * Values worked out once per combination of up to three keys (a contract's dates and a year, say),
 * looked up key by key. A portfolio asks for the same few combinations several times per
 * indicator; building a `a|b|c` string for each lookup cost more than the lookup itself, where the
 * keys' own strings come from the rows and hash once. At most `limit` values are kept (then all
 * are dropped): the keys come from stored data.
 */
export class KeyCache<A, B, C, V> {
  private readonly maps = new Map<A, Map<B, Map<C, V>>>();
  private size = 0;

  constructor(private readonly limit = 10_000) {}

  get(a: A, b: B, c: C, make: () => V): V {
    let byB = this.maps.get(a);
    if (!byB) this.maps.set(a, (byB = new Map()));
    let byC = byB.get(b);
    if (!byC) byB.set(b, (byC = new Map()));
    if (byC.has(c)) return byC.get(c) as V;
    const value = make();
    if (this.size >= this.limit) {
      this.maps.clear();
      this.size = 0;
      return value;
    }
    byC.set(c, value);
    this.size += 1;
    return value;
  }
}
