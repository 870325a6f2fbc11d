/** Timing and memory helpers for benchmarks (Node only). */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

type GcFn = () => void;

/** `global.gc` when Node runs with --expose-gc; otherwise enable it at runtime (npm run bench passes no flags). */
function findGc(): GcFn | null {
  const existing = (globalThis as { gc?: GcFn }).gc;
  if (existing) return existing;
  try {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as unknown;
    return typeof gc === 'function' ? (gc as GcFn) : null;
  } catch {
    return null;
  }
}

const gcFn = findGc();
export const gcAvailable = gcFn !== null;

export function collectGarbage(): void {
  gcFn?.();
}

export const MB = 1024 * 1024;

/** The middle value (the upper one of an even count). */
export const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * Follows time and memory across named phases. CPU time is reported next to wall time because on a shared
 * 2-core machine wall time also counts other processes' turns (this process is single-threaded here).
 */
/** Follows time and memory across named phases; `sample()` updates the current phase's peaks. */
export class PhaseRecorder {
  readonly phases: { name: string; ms: number; cpuMs: number; heapPeakMB: number; heapRetainedMB: number; rssPeakMB: number }[] = [];
  private current: string | null = null;
  private startMs = 0;
  private startCpu: NodeJS.CpuUsage = { user: 0, system: 0 };
  private startHeap = 0;
  private startRss = 0;
  private peakHeap = 0;
  private peakRss = 0;

  begin(name: string): void {
    this.end();
    const m = process.memoryUsage();
    this.current = name;
    this.startMs = performance.now();
    this.startCpu = process.cpuUsage();
    this.startHeap = this.peakHeap = m.heapUsed;
    this.startRss = this.peakRss = m.rss;
  }

  sample(): void {
    if (!this.current) return;
    const m = process.memoryUsage();
    if (m.heapUsed > this.peakHeap) this.peakHeap = m.heapUsed;
    if (m.rss > this.peakRss) this.peakRss = m.rss;
  }

  end(): void {
    if (!this.current) return;
    const ms = performance.now() - this.startMs;
    const cpu = process.cpuUsage(this.startCpu);
    this.sample();
    const m = process.memoryUsage();
    this.phases.push({
      name: this.current, ms, cpuMs: (cpu.user + cpu.system) / 1000,
      heapPeakMB: (this.peakHeap - this.startHeap) / MB,
      heapRetainedMB: (m.heapUsed - this.startHeap) / MB,
      rssPeakMB: (this.peakRss - this.startRss) / MB,
    });
    this.current = null;
  }
}

/** Fixed-width text table. */
export function printTable(title: string, header: string[], rows: (string | number)[][]): void {
  const cells = [header, ...rows.map((r) => r.map((c) => (typeof c === 'number' ? formatNumber(c) : c)))];
  const widths = header.map((_, i) => Math.max(...cells.map((r) => String(r[i] ?? '').length)));
  const line = (r: (string | number)[]) => r.map((c, i) => String(c ?? '').padStart(widths[i])).join('  ');
  console.log(`\n${title}`);
  console.log(line(cells[0]));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of cells.slice(1)) console.log(line(r));
}

function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (Number.isInteger(n)) return n.toLocaleString('en-US');
  return Math.abs(n) >= 100 ? n.toFixed(0) : Math.abs(n) >= 10 ? n.toFixed(1) : n.toFixed(2);
}
