/** Binary min-heap of item ids keyed by (key, tie): deterministic pops for equal keys. */
export class MinHeap {
  private ids: number[] = [];
  private keys: number[] = [];
  private ties: number[] = [];

  get size(): number {
    return this.ids.length;
  }

  clear(): void {
    this.ids.length = 0;
    this.keys.length = 0;
    this.ties.length = 0;
  }

  private less(i: number, j: number): boolean {
    return this.keys[i] < this.keys[j] || (this.keys[i] === this.keys[j] && this.ties[i] < this.ties[j]);
  }

  private swap(i: number, j: number): void {
    const { ids, keys, ties } = this;
    [ids[i], ids[j]] = [ids[j], ids[i]];
    [keys[i], keys[j]] = [keys[j], keys[i]];
    [ties[i], ties[j]] = [ties[j], ties[i]];
  }

  push(id: number, key: number, tie: number): void {
    this.ids.push(id);
    this.keys.push(key);
    this.ties.push(tie);
    let i = this.ids.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(i, parent)) break;
      this.swap(i, parent);
      i = parent;
    }
  }

  /** Remove and return the id with the smallest (key, tie). Call only when size > 0. */
  pop(): number {
    const top = this.ids[0];
    const last = this.ids.length - 1;
    this.swap(0, last);
    this.ids.pop();
    this.keys.pop();
    this.ties.pop();
    let i = 0;
    for (;;) {
      const l = 2 * i + 1, r = l + 1;
      let m = i;
      if (l < last && this.less(l, m)) m = l;
      if (r < last && this.less(r, m)) m = r;
      if (m === i) break;
      this.swap(i, m);
      i = m;
    }
    return top;
  }
}
