import { useDeferredValue, useMemo, useState } from 'react';
import type { ActionResult } from '../../lib/options/types';
import { PlaybookDraft } from '../../lib/playbook/edit';
import type { PlaybookFormat, Problem } from '../../lib/playbook/load';
import { signText } from '../../lib/playbook/signature';
import { ProblemList, problemsAt } from './fields';
import { ResponseEditor } from './ResponseEditor';
import { OffersEditor, VoiceEditor } from './VoiceEditor';

type Tab = 'responses' | 'voice' | 'offers' | 'export';

interface Props {
  /** The text to start from: the active playbook's own file, comments included. */
  initialText: string;
  format: PlaybookFormat;
  locked: boolean;
  onSave: (name: string, text: string, mime: string) => void;
  onUse: (file: { name: string; text: string; signature?: string }) => Promise<ActionResult>;
}

interface ResponseRow {
  index: number;
  id: string;
  title: string;
  intents: string[];
  haystack: string;
}

function rows(draft: PlaybookDraft): ResponseRow[] {
  const list = draft.get(['responses']);
  if (!Array.isArray(list)) return [];
  return list.map((item: unknown, index) => {
    const r = (item && typeof item === 'object' ? item : {}) as Record<string, unknown>;
    const text = (v: unknown) => (typeof v === 'string' ? v : Array.isArray(v) ? v.join(' ') : '');
    return {
      index,
      id: text(r.id),
      title: text(r.title),
      intents: Array.isArray(r.intents) ? r.intents.map(String) : [],
      haystack: [r.id, r.title, r.triggers, r.variants, r.intents].map(text).join(' ').toLowerCase(),
    };
  });
}

export function PlaybookEditor({ initialText, format, locked, onSave, onUse }: Props) {
  const opened = useMemo(() => PlaybookDraft.fromText(initialText, format), [initialText, format]);
  const [draft, setDraft] = useState<PlaybookDraft>(() =>
    opened.ok ? opened.draft : PlaybookDraft.blank('Acme Coffee'),
  );
  const [dirty, setDirty] = useState(false);
  const [selected, setSelected] = useState(0);
  const [query, setQuery] = useState('');
  const [tab, setTab] = useState<Tab>('responses');
  const [privateKey, setPrivateKey] = useState('');
  const [message, setMessage] = useState<ActionResult | null>(null);

  // Validation re-parses the whole file; deferring it keeps typing responsive on large playbooks.
  const checked = useDeferredValue(draft);
  const validation = useMemo(() => checked.validate(), [checked]);
  const problems: Problem[] = validation.ok
    ? validation.warnings
    : [...validation.errors, ...validation.warnings];
  const errorCount = validation.ok ? 0 : validation.errors.length;
  const all = useMemo(() => rows(draft), [draft]);
  const q = query.trim().toLowerCase();
  const visible = q === '' ? all : all.filter((r) => r.haystack.includes(q));
  const current = all.find((r) => r.index === selected) ?? all[0];

  const change = (next: PlaybookDraft) => {
    setDraft(next);
    setDirty(true);
    setMessage(null);
  };

  const version = String(draft.get(['version']) ?? 'draft').replace(/[^\w.-]+/g, '-');
  const fileName = `playbook-${version}.${draft.format === 'json' ? 'json' : 'yaml'}`;

  async function exportFile() {
    const text = draft.toText();
    onSave(fileName, text, draft.format === 'json' ? 'application/json' : 'application/yaml');
    if (privateKey.trim() === '') {
      setMessage({ ok: true, message: `Exported ${fileName}.` });
      return;
    }
    try {
      const signature = await signText(text, privateKey.trim());
      onSave(`${fileName}.sig`, `${signature}\n`, 'text/plain');
      setMessage({ ok: true, message: `Exported ${fileName} and its signature ${fileName}.sig.` });
    } catch (err) {
      setMessage({ ok: false, message: `Not signed: ${err instanceof Error ? err.message : String(err)}` });
    }
  }

  async function activateHere() {
    const text = draft.toText();
    let signature: string | undefined;
    if (privateKey.trim() !== '') {
      try {
        signature = await signText(text, privateKey.trim());
      } catch (err) {
        setMessage({ ok: false, message: `Not signed: ${err instanceof Error ? err.message : String(err)}` });
        return;
      }
    }
    const res = await onUse({ name: fileName, text, signature });
    setMessage(res);
    if (res.ok) setDirty(false);
  }

  return (
    <section className="panel editor" aria-labelledby="editor-title">
      <h2 id="editor-title">Playbook editor</h2>
      {!opened.ok ? (
        <p className="error-text" role="alert">
          The active playbook could not be opened for editing ({opened.message}); starting from a blank one.
        </p>
      ) : null}
      <p className="summary" aria-live="polite">
        {errorCount === 0 ? 'No errors' : `${errorCount} error${errorCount === 1 ? '' : 's'}`}
        {validation.warnings.length > 0 ? `, ${validation.warnings.length} warning(s)` : ''}
        {dirty ? ' · unsaved changes' : ''}
      </p>
      <div className="tabs" role="tablist" aria-label="Playbook sections">
        {(['responses', 'voice', 'offers', 'export'] as const).map((t) => (
          <button
            key={t}
            type="button"
            role="tab"
            id={`tab-${t}`}
            aria-selected={tab === t}
            aria-controls={`tabpanel-${t}`}
            onClick={() => setTab(t)}
          >
            {{ responses: 'Responses', voice: 'Brand and voice', offers: 'Offers', export: 'Export' }[t]}
          </button>
        ))}
      </div>

      {tab === 'responses' ? (
        <div className="split" role="tabpanel" id="tabpanel-responses" aria-labelledby="tab-responses">
          <div className="response-list">
            <label htmlFor="response-search">Search responses</label>
            <input
              id="response-search"
              type="search"
              value={query}
              placeholder="title, trigger, words in a reply"
              onChange={(e) => setQuery(e.target.value)}
            />
            <p className="hint">
              {visible.length} of {all.length} responses
            </p>
            <ul aria-label="Responses">
              {visible.map((r) => {
                const issues = problemsAt(problems, `responses[${r.index}]`).filter(
                  (p) => p.severity === 'error',
                );
                return (
                  <li key={r.index}>
                    <button
                      type="button"
                      className={current?.index === r.index ? 'row selected' : 'row'}
                      aria-current={current?.index === r.index ? 'true' : undefined}
                      onClick={() => setSelected(r.index)}
                    >
                      <span className="row-title">{r.title || r.id || '(untitled)'}</span>
                      <span className="row-meta">
                        {r.id} · {r.intents.join(', ')}
                      </span>
                      {issues.length > 0 ? (
                        <span className="badge">
                          {issues.length} error{issues.length === 1 ? '' : 's'}
                        </span>
                      ) : null}
                    </button>
                  </li>
                );
              })}
            </ul>
            <div className="actions">
              <button
                type="button"
                onClick={() => {
                  const res = draft.addResponse();
                  change(res.draft);
                  setSelected(res.index);
                  setQuery('');
                }}
              >
                Add response
              </button>
              <button
                type="button"
                disabled={!current}
                onClick={() => {
                  if (!current) return;
                  const res = draft.duplicateResponse(current.index);
                  change(res.draft);
                  setSelected(res.index);
                }}
              >
                Duplicate
              </button>
              <button
                type="button"
                className="danger"
                disabled={!current || all.length <= 1}
                onClick={() => {
                  if (!current) return;
                  change(draft.remove(['responses', current.index]));
                  setSelected(Math.max(0, current.index - 1));
                }}
              >
                Delete
              </button>
            </div>
          </div>
          {current ? (
            <ResponseEditor draft={draft} index={current.index} problems={problems} onChange={change} />
          ) : (
            <p>No responses yet.</p>
          )}
        </div>
      ) : null}

      {tab === 'voice' ? (
        <div role="tabpanel" id="tabpanel-voice" aria-labelledby="tab-voice">
          <VoiceEditor draft={draft} problems={problems} onChange={change} />
        </div>
      ) : null}

      {tab === 'offers' ? (
        <div role="tabpanel" id="tabpanel-offers" aria-labelledby="tab-offers">
          <OffersEditor draft={draft} problems={problems} onChange={change} />
        </div>
      ) : null}

      {tab === 'export' ? (
        <div role="tabpanel" id="tabpanel-export" aria-labelledby="tab-export">
          <h3>Export</h3>
          <p>
            The file keeps your comments and the order of its fields. Sign it when staff browsers pin a public
            key: the signature file goes next to the playbook, with <code>.sig</code> added to its name.
          </p>
          <label htmlFor="signing-key">Private signing key (optional, never stored)</label>
          <textarea
            id="signing-key"
            rows={2}
            spellCheck={false}
            autoComplete="off"
            value={privateKey}
            onChange={(e) => setPrivateKey(e.target.value)}
          />
          <div className="actions">
            <button type="button" disabled={errorCount > 0} onClick={() => void exportFile()}>
              {privateKey.trim() ? 'Export and sign' : 'Export'} {draft.format === 'json' ? 'JSON' : 'YAML'}
            </button>
            <button type="button" disabled={errorCount > 0 || locked} onClick={() => void activateHere()}>
              Use in this browser
            </button>
          </div>
          {errorCount > 0 ? <p className="hint">Fix the errors below before exporting.</p> : null}
          <ProblemList problems={problems} />
        </div>
      ) : null}

      {message ? (
        <p className={message.ok ? 'ok-text' : 'error-text'} role={message.ok ? 'status' : 'alert'}>
          {message.message}
        </p>
      ) : null}
    </section>
  );
}
