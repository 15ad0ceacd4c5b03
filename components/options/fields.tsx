import { type ReactNode, useEffect, useId, useState } from 'react';
import { formatProblem, type Problem } from '../../lib/playbook/load';

/** Problems whose path is `path` itself or lies inside it. */
export function problemsAt(problems: readonly Problem[], path: string): Problem[] {
  return problems.filter(
    (p) => p.path === path || p.path.startsWith(`${path}.`) || p.path.startsWith(`${path}[`),
  );
}

/** Problems for exactly this path (not its children). */
export function problemsFor(problems: readonly Problem[], path: string): Problem[] {
  return problems.filter((p) => p.path === path);
}

export function ProblemList({ problems, id }: { problems: readonly Problem[]; id?: string }) {
  if (problems.length === 0) return null;
  return (
    <ul className="problems" id={id}>
      {problems.map((p) => (
        <li key={`${p.path}|${p.rule}|${p.line ?? ''}|${p.message}`} className={p.severity}>
          {formatProblem(p)}
        </li>
      ))}
    </ul>
  );
}

interface FieldProps {
  label: string;
  problems?: readonly Problem[];
  hint?: ReactNode;
  children: (props: { id: string; 'aria-invalid': boolean; 'aria-describedby'?: string }) => ReactNode;
}

/** A labelled control with its hint and its live validation messages wired for screen readers. */
export function Field({ label, problems = [], hint, children }: FieldProps) {
  const id = useId();
  const errorsId = `${id}-problems`;
  const hintId = `${id}-hint`;
  const described = [hint ? hintId : '', problems.length > 0 ? errorsId : ''].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children({
        id,
        'aria-invalid': problems.some((p) => p.severity === 'error'),
        ...(described ? { 'aria-describedby': described } : {}),
      })}
      {hint ? (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      <ProblemList problems={problems} id={errorsId} />
    </div>
  );
}

/**
 * A list of short texts edited one per line. It keeps its own text while typing (so a new empty line is not
 * swallowed) and reports the cleaned list.
 */
export function LinesField({
  label,
  values,
  onChange,
  problems,
  hint,
  rows = 3,
}: {
  label: string;
  values: readonly string[];
  onChange: (values: string[]) => void;
  problems?: readonly Problem[];
  hint?: ReactNode;
  rows?: number;
}) {
  const joined = values.join('\n');
  const [text, setText] = useState(joined);
  useEffect(() => {
    setText((current) => (clean(current).join('\n') === joined ? current : joined));
  }, [joined]);
  return (
    <Field label={label} problems={problems} hint={hint}>
      {(props) => (
        <textarea
          {...props}
          rows={rows}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            onChange(clean(e.target.value));
          }}
        />
      )}
    </Field>
  );
}

function clean(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

export function CheckboxGroup<T extends string>({
  legend,
  options,
  selected,
  onChange,
  problems = [],
}: {
  legend: string;
  options: readonly T[];
  selected: readonly string[];
  onChange: (values: T[]) => void;
  problems?: readonly Problem[];
}) {
  return (
    <fieldset className="checks">
      <legend>{legend}</legend>
      {options.map((option) => (
        <label key={option}>
          <input
            type="checkbox"
            checked={selected.includes(option)}
            onChange={(e) => {
              const next = e.target.checked
                ? options.filter((o) => o === option || selected.includes(o))
                : options.filter((o) => o !== option && selected.includes(o));
              onChange(next);
            }}
          />{' '}
          {option}
        </label>
      ))}
      <ProblemList problems={problems} />
    </fieldset>
  );
}
