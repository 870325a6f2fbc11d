import { DetailsPanel } from '../ui/DetailsPanel';
import { ImportRoot } from '../ui/import/ImportRoot';
import { MapView } from '../ui/MapView';
import { SidePanel } from '../ui/SidePanel';
import { TopBar } from '../ui/TopBar';

/** The app shell: top bar, left side panel (tabs), map, right details panel. */
export function App() {
  return (
    <div className="app" data-testid="app">
      <TopBar />
      <div className="workspace">
        <SidePanel />
        <MapView />
        <DetailsPanel />
      </div>
      <ImportRoot />
    </div>
  );
}
