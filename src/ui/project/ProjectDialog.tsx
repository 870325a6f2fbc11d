import { useEffect, useRef } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { projectStatus, useProjectStatus } from './projectStatus';

/** Modal explaining why a project could not be opened or restored (translated), with the technical message. */
export function ProjectDialog() {
  const { t } = useTranslation();
  const problem = useProjectStatus((s) => s.problem);
  const closeButton = useRef<HTMLButtonElement>(null);
  useEffect(() => { if (problem) closeButton.current?.focus(); }, [problem]);
  if (!problem) return null;
  const close = () => projectStatus.setState({ problem: null });
  const params = { ...problem.params, part: typeof problem.params.part === 'string' ? t(`project.parts.${problem.params.part}`, { defaultValue: problem.params.part }) : '' };
  // Portal: the top bar is its own stacking context; the dialog must cover the map overlays too.
  return createPortal(
    <div className="project-backdrop" onKeyDown={(e) => { if (e.key === 'Escape') close(); }}>
      <div className="project-dialog" role="alertdialog" aria-modal="true" aria-labelledby="project-dialog-title" data-testid="project-error">
        <h2 id="project-dialog-title">
          <svg viewBox="0 0 24 24" aria-hidden="true"><path d="M12 3 2 21h20zM12 10v5M12 17.5v.5" /></svg>
          {t(problem.kind === 'open' ? 'project.errorTitle' : 'project.restoreErrorTitle')}
        </h2>
        {problem.fileName && <p className="project-file">{t('project.errorFile', { file: problem.fileName })}</p>}
        <p className="project-message" data-testid="project-error-message">{t(`project.errors.${problem.code}`, { ...params, defaultValue: t('project.errors.unexpected') })}</p>
        <p className="project-kept">{t(problem.kind === 'open' ? 'project.errorKept' : 'project.restoreErrorKept')}</p>
        <details className="project-details">
          <summary>{t('project.details')}</summary>
          <code data-testid="project-error-details">{problem.message}</code>
        </details>
        <div className="project-dialog-actions">
          <button ref={closeButton} type="button" className="project-primary" data-testid="project-error-close" onClick={close}>{t('project.close')}</button>
        </div>
      </div>
    </div>,
    document.body,
  );
}

/** A short confirmation after opening or saving a project file; fades by itself. */
export function ProjectNoticeToast() {
  const { t } = useTranslation();
  const notice = useProjectStatus((s) => s.notice);
  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => projectStatus.setState({ notice: null }), notice.unknownParts.length > 0 ? 12_000 : 4_000);
    return () => clearTimeout(timer);
  }, [notice]);
  if (!notice) return null;
  return createPortal(
    <div className="project-toast" role="status" data-testid="project-notice">
      <span>{t(`project.${notice.key}`, notice.params)}</span>
      {notice.unknownParts.length > 0 && <span className="project-toast-warn">{t('project.unknownParts', { parts: notice.unknownParts.join(', ') })}</span>}
      <button type="button" aria-label={t('project.close')} onClick={() => projectStatus.setState({ notice: null })}>×</button>
    </div>,
    document.body,
  );
}
