import './setup';
import { render } from '@testing-library/react';
import { SidePanelApp } from '~/components/sidepanel/SidePanelApp';
import { type FakePanelApi, NOW } from './fakeApi';

export function renderPanel(api: FakePanelApi, theme?: 'light' | 'dark') {
  return render(
    <SidePanelApp api={api} now={() => NOW} theme={theme} controllerOptions={{ retryDelays: [5, 10] }} />,
  );
}
