/**
 * Project files on disk. Saved as `.rpproj`: a standard zip (any unzip tool opens it) holding one `project.json`,
 * so an imported city of several MB stays small. Opening accepts that zip or a plain `.json` project (told apart by
 * the zip signature, not the file name).
 */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { ProjectFileError } from './errors';
import type { ProjectFile } from './envelope';

export const PROJECT_FILE_EXTENSION = '.rpproj';
export const PROJECT_ENTRY_NAME = 'project.json';

export function encodeProjectFile(project: ProjectFile): Uint8Array {
  return zipSync({ [PROJECT_ENTRY_NAME]: [strToU8(JSON.stringify(project)), { level: 6 }] });
}

function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** The parsed JSON of a project file's bytes (not yet checked: see readProject). */
export function decodeProjectBytes(bytes: Uint8Array): unknown {
  let text: string;
  if (isZip(bytes)) {
    let entries: Record<string, Uint8Array>;
    try {
      entries = unzipSync(bytes);
    } catch (e) {
      const reason = e instanceof Error ? e.message : String(e);
      throw new ProjectFileError('notJson', { reason: `damaged zip (${reason})` }, `Not a project file: the content is not valid JSON or a project zip (damaged zip: ${reason}).`);
    }
    const entry = entries[PROJECT_ENTRY_NAME];
    if (!entry) {
      throw new ProjectFileError('notJson', { reason: `no ${PROJECT_ENTRY_NAME} in the zip` }, `Not a project file: the content is not valid JSON or a project zip (no ${PROJECT_ENTRY_NAME} in the zip).`);
    }
    text = strFromU8(entry);
  } else {
    text = strFromU8(bytes);
  }
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) as unknown;
  } catch {
    throw new ProjectFileError('notJson', { reason: 'not JSON' }, 'Not a project file: the content is not valid JSON or a project zip (not JSON).');
  }
}
