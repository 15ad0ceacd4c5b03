import { type Document, isMap, isScalar, isSeq, parseDocument, Scalar, YAMLSeq } from 'yaml';
import { detectFormat, type LoadResult, loadPlaybook, type PathSegment, type PlaybookFormat } from './load';
import { PLAYBOOK_SCHEMA_ID } from './schema';

/**
 * A playbook being edited, kept as a YAML document so that exporting it gives back the manager's own file:
 * comments, key order and quoting survive every edit. Each edit returns a new draft (React state stays
 * immutable); the old one is untouched.
 */
export class PlaybookDraft {
  private constructor(
    readonly doc: Document,
    readonly format: PlaybookFormat,
  ) {}

  /** Opens any text whose top level is a map, even one that does not validate yet, so it can be fixed. */
  static fromText(
    text: string,
    format: PlaybookFormat = detectFormat(text),
  ): { ok: true; draft: PlaybookDraft } | { ok: false; message: string } {
    const doc = parseDocument(text, { uniqueKeys: true, keepSourceTokens: false });
    if (doc.errors.length > 0) return { ok: false, message: doc.errors[0]?.message ?? 'invalid YAML' };
    if (!isMap(doc.contents))
      return { ok: false, message: 'the top level of a playbook must be a map of fields' };
    return { ok: true, draft: new PlaybookDraft(doc, format) };
  }

  /** A new playbook with one response to start from. */
  static blank(brand: string): PlaybookDraft {
    const text = [
      '# yaml-language-server: $schema=./playbook.schema.json',
      `schema: ${PLAYBOOK_SCHEMA_ID}`,
      `name: ${JSON.stringify(`${brand} social playbook`)}`,
      'version: "1"',
      'brand:',
      `  name: ${JSON.stringify(brand)}`,
      'responses:',
      '  - id: thanks',
      '    title: Thank you',
      '    intents: [praise]',
      '    variants:',
      '      - "Thank you, {first_name}!"',
      '',
    ].join('\n');
    return new PlaybookDraft(parseDocument(text), 'yaml');
  }

  /** The file as it will be exported: YAML keeps its comments; JSON is re-serialised. */
  toText(): string {
    if (this.format === 'json') return `${JSON.stringify(this.doc.toJS(), null, 2)}\n`;
    return this.doc.toString({ lineWidth: 0, flowCollectionPadding: false });
  }

  toYaml(): string {
    return this.doc.toString({ lineWidth: 0, flowCollectionPadding: false });
  }

  validate(): LoadResult {
    return loadPlaybook(this.toText(), { format: this.format });
  }

  /** Plain value at a path (undefined when absent). */
  get(path: readonly PathSegment[]): unknown {
    const node = this.doc.getIn(path, true);
    if (node === undefined || node === null) return undefined;
    if (isScalar(node)) return node.value;
    if (typeof node === 'object' && 'toJSON' in node && typeof node.toJSON === 'function') {
      return node.toJSON();
    }
    return node;
  }

  responseCount(): number {
    const seq = this.doc.get('responses', true);
    return isSeq(seq) ? seq.items.length : 0;
  }

  private edit(change: (doc: Document) => void): PlaybookDraft {
    const doc = this.doc.clone();
    change(doc);
    return new PlaybookDraft(doc, this.format);
  }

  /** Sets a text or number, keeping the existing quoting style; `undefined` removes the field. */
  set(path: readonly PathSegment[], value: string | number | boolean | undefined): PlaybookDraft {
    return this.edit((doc) => {
      if (value === undefined) {
        if (doc.hasIn(path)) doc.deleteIn(path);
        return;
      }
      const node = doc.getIn(path, true);
      if (isScalar(node)) {
        node.value = value;
        // A multi-line value cannot stay a plain or single-line scalar.
        if (typeof value === 'string' && value.includes('\n') && node.type !== Scalar.BLOCK_LITERAL) {
          node.type = Scalar.BLOCK_LITERAL;
        }
      } else {
        doc.setIn(path, value);
      }
    });
  }

  /** Replaces a list of texts item by item, so its flow or block style and unchanged items' comments stay. */
  setList(path: readonly PathSegment[], values: readonly string[] | undefined): PlaybookDraft {
    return this.edit((doc) => {
      if (values === undefined) {
        if (doc.hasIn(path)) doc.deleteIn(path);
        return;
      }
      const node = doc.getIn(path, true);
      if (!isSeq(node)) {
        const seq = new YAMLSeq();
        seq.flow = values.every((v) => !v.includes('\n') && v.length < 40);
        for (const v of values) seq.add(doc.createNode(v));
        doc.setIn(path, seq);
        return;
      }
      values.forEach((v, i) => {
        const item = node.items[i];
        if (isScalar(item)) item.value = v;
        else node.items[i] = doc.createNode(v);
      });
      node.items.splice(values.length);
    });
  }

  /** Adds an item to a list (creating it when missing) and returns the new draft and the item's index. */
  append(path: readonly PathSegment[], value: unknown): { draft: PlaybookDraft; index: number } {
    let index = 0;
    const draft = this.edit((doc) => {
      const node = doc.getIn(path, true);
      if (isSeq(node)) {
        index = node.items.length;
        node.items.push(doc.createNode(value));
      } else {
        doc.setIn(path, doc.createNode([value]));
      }
    });
    return { draft, index };
  }

  remove(path: readonly PathSegment[]): PlaybookDraft {
    return this.edit((doc) => {
      if (doc.hasIn(path)) doc.deleteIn(path);
    });
  }

  /** Copies the response at `index` right after it, with a fresh id. */
  duplicateResponse(index: number): { draft: PlaybookDraft; index: number } {
    const ids = new Set(this.responseIds());
    const draft = this.edit((doc) => {
      const seq = doc.get('responses', true);
      if (!isSeq(seq)) return;
      const original = seq.items[index];
      if (!isMap(original)) return;
      const copy = original.clone();
      const base = String(copy.get('id') ?? 'response');
      let n = 2;
      while (ids.has(`${base}-${n}`)) n++;
      copy.set('id', `${base}-${n}`);
      copy.commentBefore = undefined;
      seq.items.splice(index + 1, 0, copy);
    });
    return { draft, index: index + 1 };
  }

  addResponse(): { draft: PlaybookDraft; index: number } {
    const ids = new Set(this.responseIds());
    let n = 1;
    while (ids.has(`new-response-${n}`)) n++;
    return this.append(['responses'], {
      id: `new-response-${n}`,
      title: 'New response',
      intents: ['question'],
      triggers: [],
      variants: ['Hi {first_name}, '],
    });
  }

  responseIds(): string[] {
    const seq = this.doc.get('responses', true);
    if (!isSeq(seq)) return [];
    return seq.items.map((item) => (isMap(item) ? String(item.get('id') ?? '') : ''));
  }
}
