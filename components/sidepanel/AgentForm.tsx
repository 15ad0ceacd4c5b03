import { type FormEvent, useState } from 'react';
import { i18n } from '#i18n';
import type { Agent } from '../../lib/sidepanel/types';
import { usePanelContext } from './context';

/** Initials from a name: "Sam Rivera" → "SR". */
export function initialsOf(name: string): string {
  return name
    .trim()
    .split(/\s+/)
    .map((part) => part.charAt(0).toUpperCase())
    .join('')
    .slice(0, 3);
}

/** The agent's name and initials fill `{agent_name}` and `{agent_initials}` in replies. */
export function AgentForm({ agent, onDone }: { agent: Agent | null; onDone?: () => void }) {
  const { controller } = usePanelContext();
  const [name, setName] = useState(agent?.name ?? '');
  const [initials, setInitials] = useState(agent?.initials ?? '');
  const [initialsTouched, setInitialsTouched] = useState(Boolean(agent?.initials));
  const shownInitials = initialsTouched ? initials : initialsOf(name);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const next: Agent = {};
    if (name.trim()) next.name = name.trim().slice(0, 100);
    if (shownInitials.trim()) next.initials = shownInitials.trim().slice(0, 10);
    controller.saveAgent(next);
    onDone?.();
  };

  return (
    <form className="agent-form" onSubmit={submit} aria-labelledby="agent-heading">
      <h2 id="agent-heading">{i18n.t('panel.agent.heading')}</h2>
      <p className="muted">{i18n.t('panel.agent.why')}</p>
      <label>
        {i18n.t('panel.agent.name')}
        <input
          value={name}
          onChange={(e) => setName(e.target.value)}
          autoComplete="given-name"
          maxLength={100}
        />
      </label>
      <label>
        {i18n.t('panel.agent.initials')}
        <input
          value={shownInitials}
          onChange={(e) => {
            setInitialsTouched(true);
            setInitials(e.target.value);
          }}
          maxLength={10}
        />
      </label>
      <div className="actions">
        <button type="submit" className="primary">
          {i18n.t('panel.agent.save')}
        </button>
        {agent === null && (
          <button
            type="button"
            onClick={() => {
              controller.saveAgent({});
              onDone?.();
            }}
          >
            {i18n.t('panel.agent.skip')}
          </button>
        )}
      </div>
    </form>
  );
}
