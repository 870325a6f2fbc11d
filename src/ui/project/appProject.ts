/**
 * The app's project session (IndexedDB autosave over the registered parts) and the user actions on project files.
 * Importing this module registers the built-in parts.
 */
import '../../store/persistence/parts';
import type { AppStore } from '../../store';
import type { ProjectSession } from '../../store/persistence';
import {
  PROJECT_FILE_EXTENSION, ProjectFileError, createMemoryStorage, createProjectSession, decodeProjectBytes, encodeProjectFile, projectParts,
} from '../../store/persistence';
import { createIndexedDbStorage } from '../../store/persistence/indexedDb';
import type { ProjectProblem } from './projectStatus';
import { projectStatus } from './projectStatus';
import { MIME, downloadData } from '../../io/export/download';

let session: ProjectSession | null = null;

export function appProjectSession(store: AppStore): ProjectSession {
  session ??= createProjectSession({
    store,
    registry: projectParts,
    // Without IndexedDB (some private modes) the app still works; the project just is not kept across reloads.
    storage: typeof indexedDB === 'undefined' ? createMemoryStorage() : createIndexedDbStorage(),
    debounceMs: 500,
    onSaved: (lastSavedAt) => projectStatus.setState({ lastSavedAt, saveFailed: false }),
    onSaveError: (e) => {
      console.warn('autosave failed', e);
      projectStatus.setState({ saveFailed: true });
    },
  });
  return session;
}

export function problemOf(e: unknown, kind: ProjectProblem['kind'], fileName: string | null): ProjectProblem {
  if (e instanceof ProjectFileError) return { kind, code: e.code, params: e.params, message: e.message, fileName };
  return { kind, code: 'unexpected', params: {}, message: e instanceof Error ? e.message : String(e), fileName };
}

/** Open a .rpproj/.json file; on any problem the current project stays as it is and the dialog explains why. */
export async function openProjectFile(store: AppStore, file: File): Promise<boolean> {
  try {
    const json = decodeProjectBytes(new Uint8Array(await file.arrayBuffer()));
    const loaded = await appProjectSession(store).open(json);
    for (const w of loaded.warnings) console.warn(w);
    projectStatus.setState({ problem: null, notice: { key: 'opened', params: { file: file.name }, unknownParts: Object.keys(loaded.unknownParts) } });
    return true;
  } catch (e) {
    projectStatus.setState({ problem: problemOf(e, 'open', file.name), notice: null });
    return false;
  }
}

function fileBaseName(datasetName: string | null): string {
  if (!datasetName || datasetName === 'sample') return 'renovation-project';
  const first = datasetName.split(',')[0].trim().replace(/\.[a-z0-9]+$/i, '');
  return first.replace(/[\\/:*?"<>|\s]+/g, '_').slice(0, 60) || 'renovation-project';
}

/** Download the whole project as `<dataset>-YYYYMMDD-HHMM.rpproj` (a zip holding project.json). */
export function saveProjectFile(store: AppStore, now = new Date()): string {
  const bytes = encodeProjectFile(appProjectSession(store).snapshot());
  const p = (n: number) => String(n).padStart(2, '0');
  const stamp = `${now.getFullYear()}${p(now.getMonth() + 1)}${p(now.getDate())}-${p(now.getHours())}${p(now.getMinutes())}`;
  const fileName = `${fileBaseName(store.getState().datasetName)}-${stamp}${PROJECT_FILE_EXTENSION}`;
  downloadData(fileName, bytes, MIME.zip);
  projectStatus.setState({ notice: { key: 'savedFile', params: { file: fileName }, unknownParts: [] } });
  return fileName;
}
