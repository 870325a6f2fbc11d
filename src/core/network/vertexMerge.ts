/**
 * Merge vertices closer than a tolerance with a uniform grid hash (cell = tolerance, look at the 3×3 cells):
 * O(n) instead of comparing every pair. Greedy in input order, so the result is deterministic: a vertex joins
 * the nearest already-kept node within the tolerance, else becomes a new node at its own position.
 */
export class VertexMerger {
  readonly xs: number[] = [];
  readonly ys: number[] = [];
  private readonly cells = new Map<number, number>();
  private readonly next: number[] = [];
  private readonly cellSize: number;
  private readonly tol2: number;

  constructor(toleranceMeters: number) {
    // A zero tolerance still needs a finite cell; then only identical positions merge.
    this.cellSize = Math.max(toleranceMeters, 1e-3);
    this.tol2 = Math.max(toleranceMeters, 0) ** 2;
  }

  get count(): number {
    return this.xs.length;
  }

  private key(cx: number, cy: number): number {
    // Offsets keep both parts positive; 2^26 cells per axis covers ±16 000 km at 0.5 m.
    return (cx + 33_554_432) * 67_108_864 + (cy + 33_554_432);
  }

  /** Node id for a vertex at local metres (x, y), creating one if no node is within the tolerance. */
  add(x: number, y: number): number {
    const cx = Math.floor(x / this.cellSize), cy = Math.floor(y / this.cellSize);
    let best = -1, bestD2 = Infinity;
    for (let i = -1; i <= 1; i++) {
      for (let j = -1; j <= 1; j++) {
        for (let n = this.cells.get(this.key(cx + i, cy + j)) ?? -1; n >= 0; n = this.next[n]) {
          const dx = this.xs[n] - x, dy = this.ys[n] - y;
          const d2 = dx * dx + dy * dy;
          if (d2 <= this.tol2 && (d2 < bestD2 || (d2 === bestD2 && n < best))) {
            best = n;
            bestD2 = d2;
          }
        }
      }
    }
    if (best >= 0) return best;
    const id = this.xs.length;
    const k = this.key(cx, cy);
    this.xs.push(x);
    this.ys.push(y);
    this.next.push(this.cells.get(k) ?? -1);
    this.cells.set(k, id);
    return id;
  }
}
