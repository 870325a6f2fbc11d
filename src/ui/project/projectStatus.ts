/** UI state of saved projects: last autosave, the open dialog (errors) and a short notice. Not persisted. */
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';

export interface ProjectProblem {
  kind: 'open' | 'restore';
  /** ProjectFileError code, or 'unexpected'. */
  code: string;
  params: Record<string, string | number>;
  /** English technical message (shown under "details"). */
  message: string;
  fileName: string | null;
}

export interface ProjectNotice {
  key: 'opened' | 'savedFile';
  params: Record<string, string>;
  unknownParts: string[];
}

export interface ProjectStatus {
  lastSavedAt: string | null;
  saveFailed: boolean;
  problem: ProjectProblem | null;
  notice: ProjectNotice | null;
}

export const projectStatus = createStore<ProjectStatus>()(() => ({ lastSavedAt: null, saveFailed: false, problem: null, notice: null }));

export function useProjectStatus<T>(selector: (s: ProjectStatus) => T): T {
  return useStore(projectStatus, selector);
}
