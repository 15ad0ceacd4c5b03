import type { PlaybookDraft } from '../../lib/playbook/edit';
import { longValues, usableOnX, X_LIMIT, xLength } from '../../lib/playbook/lint';
import { formatPath, type PathSegment, type Problem } from '../../lib/playbook/load';
import { INTENTS } from '../../lib/playbook/schema';
import { fillVariables, type VariableValues } from '../../lib/playbook/variables';
import { CheckboxGroup, Field, LinesField, ProblemList, problemsAt, problemsFor } from './fields';

/** What a typical reply looks like once filled: an ordinary name, not the longest one. */
export function previewValues(brand: string, signoff: string | undefined): VariableValues {
  return {
    first_name: 'Maria',
    name: 'Maria Alvarez',
    handle: '@maria_alvarez',
    brand,
    agent_name: 'Sam',
    agent_initials: 'SK',
    ...(signoff === undefined ? {} : { signoff }),
  };
}

const asStrings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
const asString = (value: unknown): string => (typeof value === 'string' ? value : '');

interface Props {
  draft: PlaybookDraft;
  index: number;
  problems: readonly Problem[];
  onChange: (draft: PlaybookDraft) => void;
}

export function ResponseEditor({ draft, index, problems, onChange }: Props) {
  const base: PathSegment[] = ['responses', index];
  const at = (...rest: PathSegment[]) => [...base, ...rest];
  const pathText = (...rest: PathSegment[]) => formatPath(at(...rest));
  const get = (...rest: PathSegment[]) => draft.get(at(...rest));

  const channel = asString(get('channel')) || 'public';
  const platformsValue = get('platforms');
  const platforms = platformsValue === undefined ? undefined : asStrings(platformsValue);
  const variants = asStrings(get('variants'));
  const allOffers = (Array.isArray(draft.get(['offers'])) ? (draft.get(['offers']) as unknown[]) : [])
    .map((o) => (o && typeof o === 'object' && 'id' in o ? String((o as { id: unknown }).id) : ''))
    .filter((id) => id !== '');
  const brand = asString(draft.get(['brand', 'name']));
  const signoffRaw = draft.get(['brand', 'signoff']);
  const signoff = typeof signoffRaw === 'string' ? signoffRaw : undefined;
  const values = previewValues(brand, signoff);
  const long = longValues({ name: brand, signoff });
  const onX = channel === 'public' && usableOnX(platforms);

  return (
    <section className="response-editor" aria-labelledby="response-editor-title">
      <h3 id="response-editor-title">{asString(get('title')) || asString(get('id')) || 'Response'}</h3>
      <div className="grid-2">
        <Field label="Id" problems={problemsFor(problems, pathText('id'))}>
          {(p) => (
            <input
              {...p}
              value={asString(get('id'))}
              spellCheck={false}
              onChange={(e) => onChange(draft.set(at('id'), e.target.value))}
            />
          )}
        </Field>
        <Field label="Title" problems={problemsFor(problems, pathText('title'))}>
          {(p) => (
            <input
              {...p}
              value={asString(get('title'))}
              onChange={(e) => onChange(draft.set(at('title'), e.target.value))}
            />
          )}
        </Field>
      </div>
      <CheckboxGroup
        legend="Intents"
        options={INTENTS}
        selected={asStrings(get('intents'))}
        problems={problemsAt(problems, pathText('intents'))}
        onChange={(next) => onChange(draft.setList(at('intents'), next))}
      />
      <LinesField
        label="Triggers (one per line)"
        hint="Words or phrases in a comment that make this response a likely fit."
        values={asStrings(get('triggers'))}
        problems={problemsAt(problems, pathText('triggers'))}
        onChange={(next) => onChange(draft.setList(at('triggers'), next))}
      />
      <div className="grid-2">
        <Field label="Channel" problems={problemsFor(problems, pathText('channel'))}>
          {(p) => (
            <select
              {...p}
              value={channel}
              onChange={(e) =>
                onChange(draft.set(at('channel'), e.target.value === 'public' ? undefined : e.target.value))
              }
            >
              <option value="public">public reply</option>
              <option value="dm">private message</option>
            </select>
          )}
        </Field>
        <CheckboxGroup
          legend="Sites (none ticked: both)"
          options={['x', 'facebook'] as const}
          selected={platforms ?? []}
          problems={problemsAt(problems, pathText('platforms'))}
          onChange={(next) => onChange(draft.setList(at('platforms'), next.length === 0 ? undefined : next))}
        />
      </div>
      {allOffers.length > 0 ? (
        <CheckboxGroup
          legend="Offers this response may include"
          options={allOffers}
          selected={asStrings(get('offers'))}
          problems={problemsAt(problems, pathText('offers'))}
          onChange={(next) => onChange(draft.setList(at('offers'), next.length === 0 ? undefined : next))}
        />
      ) : null}

      <fieldset className="variants">
        <legend>Variants</legend>
        <ProblemList problems={problemsFor(problems, pathText('variants'))} />
        {variants.map((variant, j) => {
          const preview = fillVariables(variant, values);
          const length = xLength(fillVariables(variant, long).text);
          const over = length > X_LIMIT;
          return (
            // Variants have no id of their own; their position is their identity while editing.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above
            <div className="variant" key={j}>
              <Field label={`Variant ${j + 1}`} problems={problemsAt(problems, pathText('variants', j))}>
                {(p) => (
                  <textarea
                    {...p}
                    rows={3}
                    value={variant}
                    onChange={(e) => onChange(draft.set(at('variants', j), e.target.value))}
                  />
                )}
              </Field>
              <div className="preview">
                <span className="preview-label">Preview</span>
                <p className="preview-text">{preview.text}</p>
                {preview.missing.length > 0 ? (
                  <p className="warning-text">
                    No value for {preview.missing.map((m) => `{${m}}`).join(', ')}
                  </p>
                ) : null}
                {onX ? (
                  <p className={over ? 'counter over' : 'counter'}>
                    X: {length} / {X_LIMIT} with long names
                  </p>
                ) : null}
              </div>
              <button
                type="button"
                className="secondary"
                disabled={variants.length <= 1}
                onClick={() => onChange(draft.remove(at('variants', j)))}
              >
                Remove variant {j + 1}
              </button>
            </div>
          );
        })}
        <button
          type="button"
          onClick={() => onChange(draft.append(at('variants'), 'Hi {first_name}, ').draft)}
        >
          Add variant
        </button>
      </fieldset>
    </section>
  );
}
