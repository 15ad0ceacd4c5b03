import type { PlaybookDraft } from '../../lib/playbook/edit';
import type { Problem } from '../../lib/playbook/load';
import { INTENTS } from '../../lib/playbook/schema';
import { CheckboxGroup, Field, LinesField, problemsAt, problemsFor } from './fields';

const asStrings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
const asString = (value: unknown): string => (typeof value === 'string' ? value : '');
const asNumberText = (value: unknown): string => (typeof value === 'number' ? String(value) : '');

interface Props {
  draft: PlaybookDraft;
  problems: readonly Problem[];
  onChange: (draft: PlaybookDraft) => void;
}

/** Playbook name and version, the brand, and the voice rules. */
export function VoiceEditor({ draft, problems, onChange }: Props) {
  return (
    <section aria-labelledby="voice-title">
      <h3 id="voice-title">Playbook, brand and voice</h3>
      <div className="grid-2">
        <Field label="Playbook name" problems={problemsFor(problems, 'name')}>
          {(p) => (
            <input
              {...p}
              value={asString(draft.get(['name']))}
              onChange={(e) => onChange(draft.set(['name'], e.target.value))}
            />
          )}
        </Field>
        <Field label="Version" problems={problemsFor(problems, 'version')} hint='For example "2026.11.2".'>
          {(p) => (
            <input
              {...p}
              value={asString(draft.get(['version']))}
              onChange={(e) => onChange(draft.set(['version'], e.target.value))}
            />
          )}
        </Field>
        <Field label="Brand name" problems={problemsFor(problems, 'brand.name')}>
          {(p) => (
            <input
              {...p}
              value={asString(draft.get(['brand', 'name']))}
              onChange={(e) => onChange(draft.set(['brand', 'name'], e.target.value))}
            />
          )}
        </Field>
        <Field
          label="Sign-off"
          problems={problemsFor(problems, 'brand.signoff')}
          hint="For example ^{agent_initials}."
        >
          {(p) => (
            <input
              {...p}
              value={asString(draft.get(['brand', 'signoff']))}
              onChange={(e) => onChange(draft.set(['brand', 'signoff'], e.target.value || undefined))}
            />
          )}
        </Field>
      </div>
      <div className="grid-2">
        <LinesField
          label="X accounts (one per line)"
          values={asStrings(draft.get(['brand', 'accounts', 'x']))}
          problems={problemsAt(problems, 'brand.accounts.x')}
          onChange={(next) => onChange(draft.setList(['brand', 'accounts', 'x'], next))}
        />
        <LinesField
          label="Facebook pages (one per line)"
          values={asStrings(draft.get(['brand', 'accounts', 'facebook']))}
          problems={problemsAt(problems, 'brand.accounts.facebook')}
          onChange={(next) => onChange(draft.setList(['brand', 'accounts', 'facebook'], next))}
        />
      </div>
      <Field
        label="Promotion threshold (0 to 1)"
        problems={problemsFor(problems, 'voice.promoThreshold')}
        hint="Drafts scoring above this are flagged as reading like an advert."
      >
        {(p) => (
          <input
            {...p}
            type="number"
            min={0}
            max={1}
            step={0.05}
            value={asNumberText(draft.get(['voice', 'promoThreshold']))}
            onChange={(e) =>
              onChange(
                draft.set(
                  ['voice', 'promoThreshold'],
                  e.target.value === '' ? undefined : Number(e.target.value),
                ),
              )
            }
          />
        )}
      </Field>
      <div className="grid-2">
        <LinesField
          label="Banned phrases (one per line)"
          rows={5}
          values={asStrings(draft.get(['voice', 'bannedPhrases']))}
          problems={problemsAt(problems, 'voice.bannedPhrases')}
          onChange={(next) => onChange(draft.setList(['voice', 'bannedPhrases'], next))}
        />
        <LinesField
          label="Private details (one per line)"
          hint="Staff ask for these by private message, never in public."
          rows={5}
          values={asStrings(draft.get(['voice', 'privateDetails']))}
          problems={problemsAt(problems, 'voice.privateDetails')}
          onChange={(next) => onChange(draft.setList(['voice', 'privateDetails'], next))}
        />
      </div>
    </section>
  );
}

/** The offers staff may make, with their limits and when they are allowed. */
export function OffersEditor({ draft, problems, onChange }: Props) {
  const offers = Array.isArray(draft.get(['offers'])) ? (draft.get(['offers']) as unknown[]) : [];
  return (
    <section aria-labelledby="offers-title">
      <h3 id="offers-title">Offers</h3>
      {offers.length === 0 ? <p>No offers yet.</p> : null}
      {offers.map((_, i) => {
        const path = `offers[${i}]`;
        const get = (key: string) => draft.get(['offers', i, key]);
        const label = asString(get('label')) || asString(get('id')) || `Offer ${i + 1}`;
        return (
          // Offers are edited in place; their position is their identity while the id is being typed.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          <fieldset className="offer" key={i}>
            <legend>{label}</legend>
            <div className="grid-2">
              <Field label="Id" problems={problemsFor(problems, `${path}.id`)}>
                {(p) => (
                  <input
                    {...p}
                    spellCheck={false}
                    value={asString(get('id'))}
                    onChange={(e) => onChange(draft.set(['offers', i, 'id'], e.target.value))}
                  />
                )}
              </Field>
              <Field label="Label" problems={problemsFor(problems, `${path}.label`)}>
                {(p) => (
                  <input
                    {...p}
                    value={asString(get('label'))}
                    onChange={(e) => onChange(draft.set(['offers', i, 'label'], e.target.value))}
                  />
                )}
              </Field>
              <Field label="Maximum percent" problems={problemsFor(problems, `${path}.maxPercent`)}>
                {(p) => (
                  <input
                    {...p}
                    type="number"
                    min={0}
                    max={100}
                    value={asNumberText(get('maxPercent'))}
                    onChange={(e) =>
                      onChange(
                        draft.set(
                          ['offers', i, 'maxPercent'],
                          e.target.value === '' ? undefined : Number(e.target.value),
                        ),
                      )
                    }
                  />
                )}
              </Field>
              <Field label="Note for staff" problems={problemsFor(problems, `${path}.note`)}>
                {(p) => (
                  <textarea
                    {...p}
                    rows={2}
                    value={asString(get('note'))}
                    onChange={(e) => onChange(draft.set(['offers', i, 'note'], e.target.value || undefined))}
                  />
                )}
              </Field>
            </div>
            <CheckboxGroup
              legend="Allowed for"
              options={INTENTS}
              selected={asStrings(get('allowedIntents'))}
              problems={problemsFor(problems, path).concat(problemsAt(problems, `${path}.allowedIntents`))}
              onChange={(next) => onChange(draft.setList(['offers', i, 'allowedIntents'], next))}
            />
            <button type="button" className="secondary" onClick={() => onChange(draft.remove(['offers', i]))}>
              Delete offer {label}
            </button>
          </fieldset>
        );
      })}
      <button
        type="button"
        onClick={() =>
          onChange(
            draft.append(['offers'], {
              id: `offer-${offers.length + 1}`,
              label: 'New offer',
              allowedIntents: ['complaint'],
            }).draft,
          )
        }
      >
        Add offer
      </button>
    </section>
  );
}
