import { useTranslation } from 'react-i18next';
import { useAppStore } from '../store';
import { SIDE_PANEL_TABS } from './sidePanelTabs';

export function SidePanel() {
  const { t } = useTranslation();
  const tabId = useAppStore((s) => s.sidePanelTab);
  const setTab = useAppStore((s) => s.setSidePanelTab);
  const active = SIDE_PANEL_TABS.find((x) => x.id === tabId) ?? SIDE_PANEL_TABS[0];
  return (
    <aside className="side-panel" data-testid="side-panel">
      <nav className="tabs" role="tablist">
        {SIDE_PANEL_TABS.map((tab) => (
          <button
            key={tab.id}
            type="button"
            role="tab"
            aria-selected={tab.id === active.id}
            className={tab.id === active.id ? 'tab active' : 'tab'}
            data-testid={`tab-${tab.id}`}
            onClick={() => setTab(tab.id)}
          >
            {t(tab.labelKey)}
          </button>
        ))}
      </nav>
      <div className="tab-body" role="tabpanel" data-testid={`tabpanel-${active.id}`}>
        <active.Component />
      </div>
    </aside>
  );
}
