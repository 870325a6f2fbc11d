import './zones.css';
import { AutoZoningSection } from './AutoZoningSection';
import { EligibilitySection } from './EligibilitySection';
import { ZoneDetails } from './ZoneDetails';
import { ZoneList } from './ZoneList';
import { ZoneToolbar } from './ZoneToolbar';

/** 区块 side-panel tab: eligibility, automatic zoning, hand-editing tools, the zone list and the selected zone. */
export function ZonesTab() {
  return (
    <div className="panel-stack" data-testid="zones-tab">
      <EligibilitySection />
      <AutoZoningSection />
      <section className="panel-section">
        <ZoneToolbar />
      </section>
      <ZoneDetails />
      <ZoneList />
    </div>
  );
}
