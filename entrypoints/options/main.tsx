import { createRoot } from 'react-dom/client';
import { OptionsApp } from '~/components/options/OptionsApp';
import { createOptionsApi } from '~/lib/options/api';
import { createReportsApi } from '~/lib/stats/reports-api';

const root = document.getElementById('root');
if (root) createRoot(root).render(<OptionsApp api={createOptionsApi()} reports={createReportsApi()} />);
