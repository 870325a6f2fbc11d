/** Runs a chain of migrations `migrations[n]: v(n) → v(n+1)` from one version up to another. */
import { ProjectFileError } from './errors';

export function runMigrations(data: unknown, fromVersion: number, toVersion: number,
  migrations: Record<number, (old: unknown) => unknown> | undefined, what: string): unknown {
  let out = data;
  for (let v = fromVersion; v < toVersion; v++) {
    const step = migrations?.[v];
    if (!step) {
      throw new ProjectFileError('migrationFailed', { what, from: v, to: v + 1, reason: 'no migration' },
        `Cannot read ${what} of version ${v}: no migration to version ${v + 1}.`);
    }
    try {
      out = step(out);
    } catch (e) {
      if (e instanceof ProjectFileError) throw e;
      const reason = e instanceof Error ? e.message : String(e);
      throw new ProjectFileError('migrationFailed', { what, from: v, to: v + 1, reason },
        `Cannot read ${what} of version ${v}: migration to version ${v + 1} failed (${reason}).`);
    }
  }
  return out;
}
