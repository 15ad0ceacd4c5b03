import { useEffect, useState } from 'react';
import type { OptionsApi, OptionsState } from '../../lib/options/types';
import type { ReportsApi } from '../../lib/stats/reports-api';
import { ReportsPanel } from '../stats/ReportsPanel';
import { PlaybookEditor } from './PlaybookEditor';
import { SourcesPanel } from './SourcesPanel';
import './options.css';

/** The options page: where the playbook comes from, and an editor for managers who write it. */
export function OptionsApp({ api, reports }: { api: OptionsApi; reports?: ReportsApi }) {
  const [state, setState] = useState<OptionsState | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  // The editor opens the playbook that was active when it was opened, and only reopens on request, so a
  // background refresh never throws away a manager's unsaved edits.
  const [editorSeed, setEditorSeed] = useState<{
    text: string;
    format: OptionsState['active']['format'];
  } | null>(null);

  useEffect(() => {
    let live = true;
    api.load().then(
      (s) => {
        if (!live) return;
        setState(s);
        setEditorSeed((seed) => seed ?? { text: s.active.text, format: s.active.format });
      },
      (err: unknown) => {
        if (live) setFailed(err instanceof Error ? err.message : String(err));
      },
    );
    const stop = api.watch((s) => {
      if (live) setState(s);
    });
    return () => {
      live = false;
      stop();
    };
  }, [api]);

  if (failed) {
    return (
      <main className="options">
        <p role="alert">The settings could not be loaded: {failed}</p>
      </main>
    );
  }
  if (!state || !editorSeed) {
    return (
      <main className="options">
        <p>Loading…</p>
      </main>
    );
  }
  const editorIsStale = editorSeed.text !== state.active.text;

  return (
    <main className="options">
      <header>
        <h1>Reciprocity settings</h1>
        <p className="hint">The response playbook your team replies with.</p>
      </header>
      <SourcesPanel state={state} api={api} />
      {editorIsStale ? (
        <p className="hint">
          A different playbook is now active.{' '}
          <button type="button" className="link" onClick={() => setEditorSeed({ ...state.active })}>
            Open it in the editor
          </button>{' '}
          (discards unsaved edits)
        </p>
      ) : null}
      <PlaybookEditor
        key={editorSeed.text}
        initialText={editorSeed.text}
        format={editorSeed.format}
        locked={state.locked}
        onSave={(name, text, mime) => api.saveFile(name, text, mime)}
        onUse={(file) => api.importFile(file)}
      />
      {reports ? (
        <section aria-labelledby="reports-heading" className="reports-section">
          <h2 id="reports-heading">Team reports</h2>
          <ReportsPanel api={reports} periods={['7d', '30d', '90d']} initial="7d" />
        </section>
      ) : null}
    </main>
  );
}
