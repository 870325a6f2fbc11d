import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { appStore, useAppStore } from '../../store';
import { openProjectFile, saveProjectFile } from './appProject';
import { ProjectDialog, ProjectNoticeToast } from './ProjectDialog';
import { useProjectStatus } from './projectStatus';
import './project.css';

/** Top-bar "打开项目 / 保存项目" buttons, the autosave indicator, and the project dialogs. */
export function ProjectButtons() {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const language = useAppStore((s) => s.language);
  const lastSavedAt = useProjectStatus((s) => s.lastSavedAt);
  const saveFailed = useProjectStatus((s) => s.saveFailed);
  const time = lastSavedAt ? new Date(lastSavedAt).toLocaleTimeString(language, { hour: '2-digit', minute: '2-digit' }) : '';
  return (
    <div className="project-actions">
      {(lastSavedAt || saveFailed) && (
        <span className={saveFailed ? 'autosave-status failed' : 'autosave-status'} data-testid="autosave-status"
          data-saved-at={lastSavedAt ?? ''} title={t('project.autosaveTitle')}>
          {saveFailed ? t('project.autosaveFailed') : t('project.autosaved', { time })}
        </span>
      )}
      <button type="button" className="project-button" data-testid="open-project" title={t('project.openTitle')} onClick={() => input.current?.click()}>
        <svg viewBox="0 0 24 24" aria-hidden="true"><path d="M3 6.5V19h15l3-8H7.5L4.5 19M3 6.5h6l2 2h7V11" /></svg>
        {t('project.open')}
      </button>
      <button type="button" className="project-button" data-testid="save-project" title={t('project.saveTitle')} onClick={() => saveProjectFile(appStore)}>
        <svg viewBox="0 0 24 24" aria-hidden="true"><path d="M5 3h11l3 3v15H5zM8 3v5h7V3M8 21v-7h8v7" /></svg>
        {t('project.save')}
      </button>
      <input
        ref={input}
        type="file"
        accept=".rpproj,.json,application/zip,application/json"
        hidden
        data-testid="open-project-input"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = ''; // choosing the same file again must fire change again
          if (file) void openProjectFile(appStore, file);
        }}
      />
      <ProjectDialog />
      <ProjectNoticeToast />
    </div>
  );
}
