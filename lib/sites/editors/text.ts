/**
 * The plain text of a rich-text editor as its own model holds it: one line per block, `<br>` as a line break.
 * Draft.js (X) renders blocks as `[data-block="true"]`; Lexical (Facebook) renders paragraphs as `<p>`.
 * Placeholder text is not part of the content and is skipped.
 */
export function editorText(editable: Element): string {
  const draftBlocks = editable.querySelectorAll('[data-block="true"]');
  if (draftBlocks.length > 0) return [...draftBlocks].map((b) => b.textContent ?? '').join('\n');
  const blocks = [...editable.children].filter((c) => c.tagName === 'P' || c.tagName === 'DIV');
  if (blocks.length === 0) return inlineText(editable);
  return blocks.map(inlineText).join('\n');
}

function inlineText(el: Element): string {
  let out = '';
  const walk = (node: Node): void => {
    for (const child of node.childNodes) {
      if (child.nodeType === 3) out += child.textContent ?? '';
      else if (child.nodeType === 1) {
        const e = child as Element;
        if (e.tagName === 'BR') {
          // Lexical marks the <br> that only keeps an empty line open; it is not a line break of the text.
          if (
            !e.hasAttribute('data-lexical-linebreak') &&
            e.nextSibling === null &&
            e.previousSibling === null
          )
            continue;
          out += '\n';
        } else if (!e.hasAttribute('data-placeholder')) walk(e);
      }
    }
  };
  walk(el);
  return out;
}

/**
 * Did inserting `inserted` into `before` give `after`, with everything the user had kept and the insertion
 * present exactly once more than before? Whitespace at the seams is allowed to differ (a separating space).
 */
export function insertionLanded(before: string, after: string, inserted: string): boolean {
  // Whitespace is ignored in the comparison: a separating space may land inside a word the caret was in.
  const norm = (s: string): string => s.replace(/\s+/g, '');
  const target = inserted.trim();
  if (!target) return false;
  const count = (s: string): number => s.split(target).length - 1;
  if (count(after) !== count(before) + 1) return false;
  const wanted = norm(before);
  for (let i = after.indexOf(target); i !== -1; i = after.indexOf(target, i + 1)) {
    if (norm(after.slice(0, i) + after.slice(i + target.length)) === wanted) return true;
  }
  return false;
}
