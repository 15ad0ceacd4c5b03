import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { SidePanelApp } from '../../components/sidepanel/SidePanelApp';
import { createPanelApi } from '../../lib/sidepanel/api';
import { createReportsApi } from '../../lib/stats/reports-api';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <SidePanelApp api={createPanelApi()} reports={createReportsApi()} />
    </StrictMode>,
  );
}
