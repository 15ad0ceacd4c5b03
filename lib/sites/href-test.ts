/**
 * A link selector of the shape `a[href^="/"]` as a test of the `href` value, so that a link's address is read
 * once and tried against several selectors in script rather than matched by the browser each time. Null for
 * any other shape, which is then matched as usual.
 */
export function linkHrefTest(selector: string): ((href: string | null) => boolean) | null {
  const m = /^a\[href([*^$]?=)"([^"\\]+)"\]$/.exec(selector);
  if (!m) return null;
  const [, op, value = ''] = m;
  if (op === '^=') return (href) => href?.startsWith(value) === true;
  if (op === '*=') return (href) => href?.includes(value) === true;
  if (op === '$=') return (href) => href?.endsWith(value) === true;
  return (href) => href === value;
}
