import { type DragEvent, type FormEvent, useState } from 'react';
import type { ActionResult, OptionsApi, OptionsState } from '../../lib/options/types';
import { ProblemList } from './fields';

const SOURCE_LABELS: Record<OptionsState['active']['source'], string> = {
  policy: 'Enterprise policy',
  url: 'URL subscription',
  file: 'Imported file',
  sample: 'Bundled sample',
};

function when(ms: number | null, now: Date): string {
  if (ms === null) return 'never';
  const date = new Date(ms);
  const sameDay = date.toDateString() === now.toDateString();
  return sameDay
    ? date.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' })
    : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** Picks the playbook and its optional `.sig` out of whatever the user dropped or chose. */
export async function readPlaybookFiles(
  files: readonly File[],
): Promise<{ name: string; text: string; signature?: string } | { error: string }> {
  const playbook = files.find((f) => !f.name.endsWith('.sig'));
  if (!playbook)
    return { error: 'Choose a playbook file (.yaml, .yml or .json), optionally with its .sig file.' };
  if (!/\.(ya?ml|json)$/i.test(playbook.name)) {
    return { error: `"${playbook.name}" is not a .yaml, .yml or .json file.` };
  }
  const sig =
    files.find((f) => f.name === `${playbook.name}.sig`) ?? files.find((f) => f.name.endsWith('.sig'));
  return {
    name: playbook.name,
    text: await playbook.text(),
    ...(sig ? { signature: (await sig.text()).trim() } : {}),
  };
}

interface Props {
  state: OptionsState;
  api: OptionsApi;
  now?: Date;
}

export function SourcesPanel({ state, api, now = new Date() }: Props) {
  const { active, status, subscription, policy, locked } = state;
  const [result, setResult] = useState<ActionResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [dragging, setDragging] = useState(false);
  const [url, setUrl] = useState(subscription?.url ?? '');
  const [publicKey, setPublicKey] = useState(subscription?.publicKey ?? '');
  const [minutes, setMinutes] = useState(String(subscription?.refreshMinutes ?? 60));

  const run = async (action: () => Promise<ActionResult>) => {
    setBusy(true);
    setResult(null);
    try {
      setResult(await action());
    } catch (err) {
      setResult({ ok: false, message: err instanceof Error ? err.message : String(err) });
    } finally {
      setBusy(false);
    }
  };

  const importFiles = (files: readonly File[]) =>
    run(async () => {
      const picked = await readPlaybookFiles(files);
      if ('error' in picked) return { ok: false, message: picked.error };
      return api.importFile(picked);
    });

  const onSubscribe = (e: FormEvent) => {
    e.preventDefault();
    // Called synchronously from the submit handler so the permission prompt keeps the user's gesture.
    const pending = api.subscribe({
      url: url.trim(),
      publicKey: publicKey.trim() || undefined,
      refreshMinutes: Number(minutes) || 60,
    });
    void run(() => pending);
  };

  const onDrop = (e: DragEvent<HTMLElement>) => {
    e.preventDefault();
    setDragging(false);
    if (locked || subscription) return;
    void importFiles([...e.dataTransfer.files]);
  };

  const error = status.lastError;

  return (
    <section className="panel" aria-labelledby="sources-title">
      <h2 id="sources-title">Playbook source</h2>
      <dl className="status">
        <dt>Active playbook</dt>
        <dd>
          {active.name} <strong>{active.version}</strong> ({active.responses} responses)
        </dd>
        <dt>Source</dt>
        <dd>
          {SOURCE_LABELS[active.source]}
          {active.location ? ` · ${active.location}` : ''}
          {active.verified ? ' · signature verified' : ''}
        </dd>
        <dt>Fetched or imported</dt>
        <dd>{when(status.fetchedAt ?? active.activatedAt, now)}</dd>
        <dt>Last checked</dt>
        <dd>{when(status.lastCheckedAt, now)}</dd>
      </dl>
      {state.lastDiff ? <p className="ok-text">{state.lastDiff.summary}</p> : null}
      {error ? (
        <div className="error-box" role="alert">
          <p>
            <strong>Last update failed</strong> ({SOURCE_LABELS[error.source]}
            {error.location ? `, ${error.location}` : ''}, {when(error.at, now)}): {error.message}
          </p>
          <p>The playbook above is still in use.</p>
          <ProblemList problems={error.problems} />
        </div>
      ) : null}

      {locked ? (
        <div className="managed">
          <h3>Managed by your organisation</h3>
          <p>These settings come from enterprise policy and cannot be changed here.</p>
          <dl>
            {policy.playbookUrl ? (
              <>
                <dt>Playbook URL</dt>
                <dd>{policy.playbookUrl}</dd>
              </>
            ) : null}
            {policy.playbook ? (
              <>
                <dt>Inline playbook</dt>
                <dd>{policy.playbook.length.toLocaleString()} characters</dd>
              </>
            ) : null}
            <dt>Public key</dt>
            <dd>
              <code>{policy.publicKey ?? 'none'}</code>
            </dd>
            <dt>Refresh every</dt>
            <dd>{policy.refreshMinutes ?? 60} minutes</dd>
            <dt>Source locked</dt>
            <dd>{policy.lockSource ? 'yes' : 'no (a policy playbook always wins)'}</dd>
          </dl>
        </div>
      ) : (
        <>
          {policy.publicKey ? (
            <p className="hint">
              Your organisation pins a public key: every playbook must be signed with it (
              <code>{policy.publicKey}</code>).
            </p>
          ) : null}
          <form className="subscription" onSubmit={onSubscribe}>
            <h3>Subscribe to a URL</h3>
            <p className="hint">
              The playbook is fetched over https now, then every few minutes. A signed playbook keeps its
              signature at the same address with <code>.sig</code> added.
            </p>
            <label htmlFor="sub-url">Playbook URL (https)</label>
            <input
              id="sub-url"
              type="url"
              required
              pattern="https://.*"
              placeholder="https://intranet.example.com/playbook.yaml"
              value={url}
              onChange={(e) => setUrl(e.target.value)}
            />
            <label htmlFor="sub-key">Public key to pin (optional)</label>
            <input
              id="sub-key"
              spellCheck={false}
              value={publicKey}
              onChange={(e) => setPublicKey(e.target.value)}
            />
            <label htmlFor="sub-minutes">Check every (minutes)</label>
            <input
              id="sub-minutes"
              type="number"
              min={5}
              max={10080}
              value={minutes}
              onChange={(e) => setMinutes(e.target.value)}
            />
            <div className="actions">
              <button type="submit" disabled={busy}>
                {subscription ? 'Save subscription' : 'Subscribe'}
              </button>
              {subscription ? (
                <>
                  <button type="button" disabled={busy} onClick={() => void run(() => api.refreshNow())}>
                    Check now
                  </button>
                  <button
                    type="button"
                    className="secondary"
                    disabled={busy}
                    onClick={() => void run(() => api.unsubscribe())}
                  >
                    Unsubscribe
                  </button>
                </>
              ) : null}
            </div>
          </form>

          <section
            className={dragging ? 'dropzone dragging' : 'dropzone'}
            aria-labelledby="import-title"
            onDragOver={(e) => {
              e.preventDefault();
              setDragging(true);
            }}
            onDragLeave={() => setDragging(false)}
            onDrop={onDrop}
          >
            <h3 id="import-title">Import a file</h3>
            {subscription ? (
              <p className="hint">
                Unsubscribe from the URL first: at its next refresh it would replace a file.
              </p>
            ) : (
              <p className="hint">Drop a playbook (and its .sig) here, or choose them.</p>
            )}
            <label htmlFor="import-file">Playbook file</label>
            <input
              id="import-file"
              type="file"
              accept=".yaml,.yml,.json,.sig"
              multiple
              disabled={busy || Boolean(subscription)}
              onChange={(e) => {
                const files = [...(e.target.files ?? [])];
                e.target.value = '';
                if (files.length > 0) void importFiles(files);
              }}
            />
          </section>
        </>
      )}
      <div aria-live="polite">
        {result ? (
          <div className={result.ok ? 'ok-text' : 'error-text'} role={result.ok ? 'status' : 'alert'}>
            <p>{result.message}</p>
            {!result.ok && result.problems ? <ProblemList problems={result.problems} /> : null}
          </div>
        ) : null}
      </div>
    </section>
  );
}
