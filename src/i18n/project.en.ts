/** Saved-project texts in English (merged into en.ts under `project`). Keep keys identical to project.zh-CN.ts. */
import type { projectZhCN } from './project.zh-CN';

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

export const projectEn: Widen<typeof projectZhCN> = {
  open: 'Open project',
  openTitle: 'Open a project file (.rpproj or .json), replacing the current project',
  save: 'Save project',
  saveTitle: 'Save the whole project (data, settings, zones, scenario) as a .rpproj file',
  autosaved: 'Autosaved {{time}}',
  autosaveTitle: 'The project is saved in this browser (never uploaded) and restored when the page reloads',
  autosaveFailed: 'Autosave failed',
  opened: 'Opened project “{{file}}”',
  savedFile: 'Saved project file {{file}}',
  unknownParts: 'This project contains parts this version does not support ({{parts}}): they are kept in the project but not used.',
  errorTitle: 'Cannot open the project file',
  errorFile: 'File: {{file}}',
  errorKept: 'The current project has not been changed.',
  restoreErrorTitle: 'Cannot restore the autosaved project',
  restoreErrorKept: 'The sample city was loaded instead.',
  details: 'Technical details',
  close: 'Close',
  errors: {
    notJson: 'The file is neither valid JSON nor a project archive (.rpproj).',
    notObject: 'This is not a Renovation Planner project file: the content is not a JSON object.',
    wrongFormat: 'This is not a Renovation Planner project file (its format marker is missing or different).',
    badVersion: 'Invalid project file: the version is not a whole number.',
    newerVersion: 'This project was saved by a newer version of the app (project file version {{fileVersion}}); this app reads project files up to version {{appVersion}}. Please update the app.',
    noParts: 'Invalid project file: the project content (parts) is missing.',
    missingPart: 'Invalid project file: the “{{part}}” part is missing.',
    newerPart: 'The “{{part}}” part of this project was saved by a newer version of the app (version {{fileVersion}}); this app reads it up to version {{appVersion}}. Please update the app.',
    wrongType: 'Invalid project file: {{path}} has the wrong type.',
    migrationFailed: 'Cannot upgrade the older project file from version {{from}} to version {{to}}.',
    loadFailed: 'Cannot load the “{{part}}” part of the project.',
    unexpected: 'Error while reading the file.',
  },
  parts: { data: 'data', settings: 'settings', zones: 'zones', analysis: 'analysis settings', scenario: 'scenario' },
};
