/** One thing wrong (or worth a second look) in a playbook, located in the file it came from. */
export interface Problem {
  /** `responses[3].variants[0]`; empty for the file as a whole. */
  path: string;
  line?: number;
  col?: number;
  message: string;
  severity: 'error' | 'warning';
  /** A stable name for the check, for tests and for filtering. */
  rule: string;
}

export type PathSegment = string | number;

export function formatPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(seg)) out += out === '' ? seg : `.${seg}`;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out;
}

/** `responses[3].variants[0] (line 42, col 9): unknown variable {frist_name}` */
export function formatProblem(p: Problem): string {
  const where = p.path === '' ? 'playbook' : p.path;
  const pos = p.line === undefined ? '' : ` (line ${p.line}, col ${p.col ?? 1})`;
  const tag = p.severity === 'warning' ? 'warning: ' : '';
  return `${where}${pos}: ${tag}${p.message}`;
}

/** Finds where a path sits in the source file, falling back to the nearest ancestor that exists. */
export type Locator = (
  path: readonly PathSegment[],
  opts?: { key?: boolean },
) => { line?: number; col?: number };
