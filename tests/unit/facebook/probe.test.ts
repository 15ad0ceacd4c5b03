import { $createLineBreakNode, $createParagraphNode, $createTextNode, $getRoot, createEditor } from 'lexical';
import { registerPlainText } from '@lexical/plain-text';
import { it } from 'vitest';

it('probe', () => {
  const el = document.createElement('div');
  el.contentEditable = 'true';
  document.body.append(el);
  const editor = createEditor({ namespace: 't', onError: (e) => { throw e; } });
  editor.setRootElement(el);
  registerPlainText(editor);
  editor.update(() => {
    const root = $getRoot();
    root.clear();
    const p1 = $createParagraphNode(); p1.append($createTextNode('Hi Maria,'));
    const p2 = $createParagraphNode();
    const p3 = $createParagraphNode(); p3.append($createTextNode('a'), $createLineBreakNode(), $createTextNode('b'), $createLineBreakNode());
    root.append(p1, p2, p3);
  }, { discrete: true });
  console.log(el.outerHTML);
});
