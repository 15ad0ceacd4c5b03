import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  decodeCommentId,
  facebookAdapter,
  literalStart,
  pageLanguage,
  parseArticleLabel,
  readComment,
} from '../../../lib/sites/facebook/adapter';
import { EN, ES, LABEL_TABLES } from '../../../lib/sites/facebook/labels';
import type { ConversationItem } from '../../../lib/sites/model';
import { conversationItemSchema } from '../../../lib/sites/model';
import expected from '../../fixtures/facebook/expected.json';
import {
  context,
  DAY,
  HOUR,
  loadFixture,
  MINUTE,
  mountPostComposer,
  NOW,
  POST_URL,
  unansweredIds,
} from './load';

const BRAND = ['Acme Coffee'];
const url = new URL(POST_URL);

function readAll(doc: Document, brand: readonly string[] = BRAND, local: string[] = []): ConversationItem[] {
  const ctx = context(brand, local);
  const found = facebookAdapter.readItems(doc, ctx);
  return facebookAdapter.link(
    found.map((f) => f.item),
    ctx,
    url,
  );
}

function byId(items: readonly ConversationItem[], id: string): ConversationItem {
  const item = items.find((i) => i.id === id);
  if (!item) throw new Error(`no item ${id}`);
  return item;
}

describe('the English brand post', () => {
  let doc: Document;
  beforeEach(() => {
    doc = loadFixture('post.html');
  });

  it('reads every comment and reply in document order, and nothing else', () => {
    const ids = readAll(doc).map((i) => i.id);
    expect(ids).toEqual([
      '9001',
      '9101',
      '9002',
      '9003',
      '9102',
      '9004',
      '9005',
      '9103',
      '9104',
      '9006',
      '9007',
      '9008',
      '9105',
      '9106',
      '9009',
      '9010',
      '9011',
      '9107',
      '9012',
      '9013',
      '9014',
      '9108',
    ]);
  });

  it('gives exactly the comments the brand has not answered', () => {
    expect(unansweredIds(readAll(doc))).toEqual([
      '9002',
      '9003',
      '9102',
      '9004',
      '9104',
      '9006',
      '9007',
      '9010',
      '9012',
      '9013',
      '9014',
      '9108',
    ]);
  });

  it('does not count a reply by someone else as an answer', () => {
    const items = readAll(doc);
    expect(byId(items, '9003').answered).toBe(false);
    expect(byId(items, '9102').author.name).toBe('Tom Becker');
    expect(byId(items, '9014').answered).toBe(false);
  });

  it('counts a brand reply anywhere later in the thread, including one nested two levels down', () => {
    const items = readAll(doc);
    expect(byId(items, '9001')).toMatchObject({ answered: true, answeredBy: 'thread' });
    expect(byId(items, '9008')).toMatchObject({ answered: true, answeredBy: 'thread' });
    expect(byId(items, '9105')).toMatchObject({ answered: true, answeredBy: 'thread' });
  });

  it('leaves a follow-up written after the brand reply unanswered', () => {
    const items = readAll(doc);
    expect(byId(items, '9005').answered).toBe(true);
    expect(byId(items, '9104')).toMatchObject({ answered: false, depth: 2, parentId: '9103' });
  });

  it('marks a comment answered from this browser through the local ledger', () => {
    const items = readAll(doc, BRAND, ['9002']);
    expect(byId(items, '9002')).toMatchObject({ answered: true, answeredBy: 'local' });
    expect(unansweredIds(items)).not.toContain('9002');
  });

  it('recognises the brand page as author and never queues its own words', () => {
    const items = readAll(doc);
    const brandIds = items.filter((i) => i.isBrand).map((i) => i.id);
    expect(brandIds).toEqual(['9101', '9103', '9106', '9009', '9107']);
    for (const id of brandIds)
      expect(byId(items, id)).toMatchObject({ addressedToBrand: false, answered: false });
  });

  it('compares brand names without regard to case or spacing', () => {
    const items = readAll(doc, ['  acme   COFFEE ']);
    expect(items.filter((i) => i.isBrand)).toHaveLength(5);
  });

  it('queues nothing when no brand is known, rather than guessing one', () => {
    const items = readAll(doc, []);
    expect(items.some((i) => i.isBrand || i.addressedToBrand)).toBe(false);
    expect(unansweredIds(items)).toEqual([]);
  });

  it('reads nesting: depth and parent of every reply', () => {
    const items = readAll(doc);
    const shape = Object.fromEntries(
      items.filter((i) => i.depth > 0).map((i) => [i.id, [i.depth, i.parentId]]),
    );
    expect(shape).toEqual({
      '9101': [1, '9001'],
      '9102': [1, '9003'],
      '9103': [1, '9005'],
      '9104': [2, '9103'],
      '9105': [1, '9008'],
      '9106': [2, '9105'],
      '9107': [1, '9011'],
      '9108': [1, '9014'],
    });
    expect(items.filter((i) => i.depth === 0).every((i) => i.parentId === null)).toBe(true);
  });

  it('records who each item replies to: the post page for comments, the parent author for replies', () => {
    const items = readAll(doc);
    expect(byId(items, '9002').replyingTo).toEqual(['Acme Coffee']);
    expect(byId(items, '9102').replyingTo).toEqual(['Priya Nair']);
    expect(byId(items, '9104').replyingTo).toEqual(['Acme Coffee']);
  });

  it('reads the author name and a clean profile link, without badges or tracking', () => {
    const items = readAll(doc);
    expect(byId(items, '9001').author).toEqual({
      name: 'Maria Lopez',
      profileUrl: 'https://www.facebook.com/maria.lopez.77',
    });
    expect(byId(items, '9003').author.profileUrl).toBe(
      'https://www.facebook.com/profile.php?id=100071234567890',
    );
    expect(byId(items, '9101').author.name).toBe('Acme Coffee');
  });

  it('keeps the text of a comment apart from its nested replies', () => {
    const items = readAll(doc);
    expect(byId(items, '9005').text).toBe('Please bring back the cinnamon scones! Pretty please 🙏');
    expect(byId(items, '9103').text).toBe('Good news, Carlos: they’re back every Friday starting next week!');
  });

  it('reads emoji images as their characters and keeps link text', () => {
    const items = readAll(doc);
    expect(byId(items, '9008').text).toBe(
      'Loved the latte art workshop on Saturday 😍🎨 photos are up here: https://example.com/latte-art',
    );
    expect(byId(items, '9001').text).toBe(
      'Best pumpkin spice latte in town, hands down! ☕ The new oat milk option is perfect.',
    );
  });

  it('joins paragraphs with a line break', () => {
    expect(byId(readAll(doc), '9010').text).toBe(
      'The pumpkin bread is SO good 😋\nMy kids devoured it before we got home.',
    );
  });

  it('flags a "See more" comment as truncated and leaves the control out of its text', () => {
    const items = readAll(doc);
    const cut = byId(items, '9007');
    expect(cut.truncated).toBe(true);
    expect(cut.text.endsWith('When I asked')).toBe(true);
    expect(cut.text).not.toContain('See more');
    expect(items.filter((i) => i.truncated).map((i) => i.id)).toEqual(['9007']);
  });

  it('reads a comment written in another language than the interface', () => {
    expect(byId(readAll(doc), '9004').text).toBe(
      'Gibt es die neue Herbstkarte auch in der Filiale am Hauptbahnhof? Ich war heute dort und habe sie nicht gesehen.',
    );
  });

  it('turns the visible relative times into timestamps', () => {
    const items = readAll(doc);
    const at = (id: string) => byId(items, id).time;
    expect(at('9102')).toBe(NOW.getTime()); // Just now
    expect(at('9003')).toBe(NOW.getTime() - 5 * MINUTE);
    expect(at('9013')).toBe(NOW.getTime() - 30 * MINUTE);
    expect(at('9101')).toBe(NOW.getTime() - HOUR);
    expect(at('9002')).toBe(NOW.getTime() - 2 * HOUR);
    expect(at('9004')).toBe(NOW.getTime() - DAY);
    expect(at('9001')).toBe(NOW.getTime() - 3 * DAY);
    expect(at('9005')).toBe(NOW.getTime() - 7 * DAY);
  });

  it('gives each comment a permalink without click tracking', () => {
    const items = readAll(doc);
    expect(byId(items, '9002').permalink).toBe(`${POST_URL}?comment_id=9002`);
    expect(byId(items, '9102').permalink).toBe(`${POST_URL}?comment_id=9003&reply_comment_id=9102`);
  });

  it('agrees with the expectations the browser tests use', () => {
    const items = readAll(doc);
    expect(unansweredIds(items)).toEqual(expected.post.unanswered);
    expect(items.filter((i) => i.answered).map((i) => i.id)).toEqual(expected.post.answered);
    expect(items.filter((i) => i.isBrand).map((i) => i.id)).toEqual(expected.post.brandItems);
    expect(items.filter((i) => i.truncated).map((i) => i.id)).toEqual(expected.post.truncated);
  });

  it('reads the markup as Facebook itself renders it: post article, comment ids on every link, base64 ids', () => {
    doc.querySelector('[aria-labelledby=":r2:"]')?.setAttribute('role', 'article');
    for (const comment of Array.from(doc.querySelectorAll('div[role="article"][aria-label]'))) {
      const own = Array.from(comment.querySelectorAll('a[href]')).filter(
        (a) => a.closest('div[role="article"]') === comment,
      );
      const timeLink = own.find((a) => a.getAttribute('href')?.includes('comment_id='));
      const ids = new URL(timeLink?.getAttribute('href') ?? '').searchParams;
      for (const a of own) {
        const href = new URL(a.getAttribute('href') ?? '');
        for (const name of ['comment_id', 'reply_comment_id']) {
          const value = ids.get(name);
          if (value === null) continue;
          href.searchParams.set(name, value === '9013' ? btoa('comment:1029384756_9013') : value);
        }
        a.setAttribute('href', href.toString());
      }
    }
    const items = readAll(doc);
    expect(items).toHaveLength(22);
    expect(unansweredIds(items)).toEqual(expected.post.unanswered);
    expect(byId(items, '9013').author).toEqual({
      name: 'Olivia Brown',
      profileUrl: 'https://www.facebook.com/olivia.brown.513',
    });
    expect(byId(items, '9104')).toMatchObject({ depth: 2, parentId: '9103' });
  });

  it('decodes a base64 comment id to the same numeric id', () => {
    expect(decodeCommentId('Y29tbWVudDoxMDI5Mzg0NzU2XzkwMTM=')).toBe('9013');
    expect(decodeCommentId('12345')).toBe('12345');
    expect(decodeCommentId('not base64 at all')).toBe('not base64 at all');
  });

  it('produces items that pass the shared schema', () => {
    for (const item of readAll(doc)) expect(conversationItemSchema.safeParse(item).success).toBe(true);
  });

  it('reads a subtree that was just added on its own, with the right depth and parent', () => {
    const thread = doc.querySelector('div[role="article"][aria-label^="Comment by Nina Patel"]');
    if (!thread) throw new Error('fixture changed');
    const reply = thread.querySelector('div[role="article"]');
    const list = reply?.parentElement;
    if (!list) throw new Error('fixture changed');
    const found = facebookAdapter.readItems(list, context(BRAND));
    expect(found.map((f) => [f.item.id, f.item.depth, f.item.parentId])).toEqual([
      ['9105', 1, '9008'],
      ['9106', 2, '9105'],
    ]);
    expect(found[0]?.element).toBe(reply);
  });

  it('reads the subtree root itself when it is a comment article', () => {
    const article = doc.querySelector('div[role="article"][aria-label^="Comment by James Carter"]');
    if (!article) throw new Error('fixture changed');
    const found = facebookAdapter.readItems(article, context(BRAND));
    expect(found.map((f) => f.item.id)).toEqual(['9002']);
    expect(found[0]?.item.replyingTo).toEqual(['Acme Coffee']);
  });

  it('takes the brand from the page being viewed when the comment box posts as that page', () => {
    mountPostComposer(doc);
    const brand = facebookAdapter.signedInAccount(doc);
    expect(brand).toBe('Acme Coffee');
    expect(unansweredIds(readAll(doc, brand ? [brand] : []))).toHaveLength(12);
  });

  it('does not take a personal account commenting as itself for the brand', () => {
    const placeholder = doc.querySelector('[data-fixture-composer="facebook"]');
    placeholder?.setAttribute('data-label', 'Comment as Jane Doe');
    mountPostComposer(doc);
    expect(facebookAdapter.signedInAccount(doc)).toBeNull();
  });

  it('has no brand to offer before the comment box is on the page', () => {
    expect(facebookAdapter.signedInAccount(doc)).toBeNull();
  });
});

describe('a page profile its manager is viewing', () => {
  it('takes the page name from the "Switch into" control Facebook offers page managers', () => {
    document.documentElement.setAttribute('lang', 'en');
    document.body.innerHTML = `<div role="main"><h1>Acme Coffee</h1>
      <div role="button" tabindex="0"><span>Switch into Acme Coffee's Page to start managing it</span></div></div>`;
    expect(facebookAdapter.signedInAccount(document)).toBe('Acme Coffee');
  });

  it("does not take a commenter's words for the page's own control", () => {
    document.documentElement.setAttribute('lang', 'en');
    document.body.innerHTML = `<div role="main"><h1>Acme Coffee</h1>
      <div role="article" aria-label="Comment by Mallory Poe 2h">
        <a href="https://www.facebook.com/mallory">Mallory Poe</a>
        <div role="button" tabindex="0"><span>Switch into Mallory's Page</span></div>
        <a href="https://www.facebook.com/AcmeCoffee/posts/pfbid0Acme123?comment_id=77">2h</a>
      </div></div>`;
    expect(facebookAdapter.signedInAccount(document)).toBeNull();
  });
});

describe('the fixed start of a label pattern', () => {
  it('is the plain words before the first pattern syntax', () => {
    expect(literalStart(/^Comment as (.+)$/)).toBe('Comment as ');
    expect(literalStart(/^Comentar como (.+)$/)).toBe('Comentar como ');
    // An optional last letter is not part of the start.
    expect(literalStart(/^Comments? as (.+)$/)).toBe('Comment');
    expect(literalStart(/^Reply as+ (.+)$/)).toBe('Reply as');
  });

  it('is unknown when the pattern is not anchored, ignores case, or starts with syntax', () => {
    expect(literalStart(/Comment as (.+)$/)).toBeNull();
    expect(literalStart(/^comment as (.+)$/i)).toBeNull();
    expect(literalStart(/^(?:Comment|Reply) as (.+)$/)).toBeNull();
    expect(literalStart(/^\w+ as (.+)$/)).toBeNull();
  });

  it('finds the comment box of every language table', () => {
    for (const table of LABEL_TABLES) {
      for (const pattern of table.postingAs) expect(literalStart(pattern)).not.toBeNull();
    }
  });
});

describe('the Spanish interface', () => {
  let doc: Document;
  beforeEach(() => {
    doc = loadFixture('post-es.html');
  });

  it('detects the language from the document and uses the Spanish labels', () => {
    expect(pageLanguage(doc).labels?.lang).toBe('es');
  });

  it('gives exactly the comments the brand has not answered', () => {
    const items = readAll(doc);
    expect(items.map((i) => i.id)).toEqual(['8001', '8101', '8002', '8102', '8003', '8004', '8005']);
    expect(unansweredIds(items)).toEqual(['8002', '8102', '8003', '8004']);
    expect(unansweredIds(items)).toEqual(expected['post-es'].unanswered);
    expect(items.filter((i) => i.isBrand).map((i) => i.id)).toEqual(expected['post-es'].brandItems);
  });

  it('reads Spanish times, replies and the "Ver más" truncation', () => {
    const items = readAll(doc);
    expect(byId(items, '8001').time).toBe(NOW.getTime() - 2 * HOUR);
    expect(byId(items, '8002').time).toBe(NOW.getTime() - 3 * DAY);
    expect(byId(items, '8003').time).toBe(NOW.getTime() - 7 * DAY);
    expect(byId(items, '8004').time).toBe(NOW.getTime());
    expect(byId(items, '8003').truncated).toBe(true);
    expect(byId(items, '8003').text).not.toContain('Ver más');
    expect(byId(items, '8102')).toMatchObject({ depth: 1, parentId: '8002', replyingTo: ['Javier Morales'] });
  });

  it('takes the brand from a comment box labelled "Comentar como"', () => {
    mountPostComposer(doc);
    expect(facebookAdapter.signedInAccount(doc)).toBe('Acme Coffee');
  });
});

describe('an interface language without a table', () => {
  it('reports the language and still reads what the structure says, leaving times unknown', () => {
    const doc = loadFixture('post.html');
    doc.documentElement.setAttribute('lang', 'fi');
    const problems = facebookAdapter.health(doc, url, 0, 0);
    expect(problems).toContainEqual({ code: 'unknown-language', detail: 'fi' });
    const items = readAll(doc);
    expect(items).toHaveLength(22);
    expect(items.every((i) => i.time === null)).toBe(true);
    expect(byId(items, '9104')).toMatchObject({
      depth: 2,
      parentId: '9103',
      author: { name: 'Carlos Ruiz' },
    });
    expect(byId(items, '9007').truncated).toBe(true);
    expect(unansweredIds(items)).toEqual(unansweredIds(readAll(loadFixture('post.html'))));
  });

  it('detects the language from the comment wording when the page has no lang attribute', () => {
    const doc = loadFixture('post-es.html');
    doc.documentElement.removeAttribute('lang');
    expect(pageLanguage(doc).labels?.lang).toBe('es');
  });
});

describe('reading one comment', () => {
  it('splits an English reply label into author, replied-to name and time', () => {
    expect(parseArticleLabel('Reply by Tom Becker to Priya Nair’s comment 5 minutes ago', EN)).toEqual({
      name: 'Tom Becker',
      replyTo: 'Priya Nair',
      time: '5 minutes ago',
    });
    expect(parseArticleLabel("Comment by Ann O'Neil a week ago", EN)).toEqual({
      name: "Ann O'Neil",
      replyTo: null,
      time: 'a week ago',
    });
    expect(parseArticleLabel('Comment by James', EN)).toEqual({ name: 'James', replyTo: null, time: null });
  });

  it('splits a Spanish reply label', () => {
    expect(
      parseArticleLabel('Respuesta de Ana Torres al comentario de Javier Morales hace 2 días', ES),
    ).toEqual({
      name: 'Ana Torres',
      replyTo: 'Javier Morales',
      time: 'hace 2 días',
    });
  });

  it('falls back to the time in the aria-label when the time link has no text', () => {
    document.body.innerHTML = `<div role="article" aria-label="Comment by Ann Lee 3 hours ago">
      <a href="https://www.facebook.com/ann.lee?comment_id=77">Ann Lee</a>
      <span lang="en"><div dir="auto">Hello</div></span>
      <a href="https://www.facebook.com/x/posts/1?comment_id=77" aria-label="permalink"></a></div>`;
    const article = document.querySelector('div[role="article"]');
    if (!article) throw new Error('no article');
    const item = readComment(article, { ...context(BRAND), labels: EN, postAuthor: null });
    expect(item).toMatchObject({ id: '77', text: 'Hello', time: NOW.getTime() - 3 * HOUR, replyingTo: [] });
  });

  it('skips articles that are not comments and never throws on odd markup', () => {
    document.body.innerHTML = `<div role="article"><h2><a href="/p">A post</a></h2></div>
      <div role="article" aria-label="Comment by Nobody"><a href="?comment_id=">x</a></div>
      <div role="article"><a href="https://www.facebook.com/a?comment_id=5"></a></div>
      <div role="article"><a href="http://[bad?comment_id=5">Broken</a></div>`;
    expect(facebookAdapter.readItems(document, context(BRAND))).toEqual([]);
  });
});

describe('a long thread under a post article', () => {
  it('reads root after root in one pass as it reads the whole page', () => {
    for (const file of ['post.html', 'post-es.html']) {
      const doc = loadFixture(file);
      const whole = facebookAdapter.readItems(doc, context(BRAND)).map((f) => f.item);
      expect(whole.length).toBeGreaterThan(5);
      // Each article read as a root of its own, the way a batch of changes hands them over, in one pass.
      const pass = { ...context(BRAND), pass: {} };
      const byRoot = new Map<string, ConversationItem>();
      for (const article of Array.from(doc.querySelectorAll('div[role="article"]'))) {
        for (const f of facebookAdapter.readItems(article, pass)) byRoot.set(f.item.id, f.item);
      }
      expect(whole.map((item) => byRoot.get(item.id))).toEqual(whole);
    }
  });

  it('reads each comment on its own without looking through the whole post for every one', () => {
    const comments = Array.from(
      { length: 200 },
      (_, n) =>
        `<div role="article" aria-label="Comment by Ann Lee ${n + 1} hours ago">` +
        '<a href="https://www.facebook.com/ann.lee">Ann Lee</a>' +
        `<span lang="en"><div dir="auto">Question ${n}?</div></span>` +
        `<a href="https://www.facebook.com/AcmeCoffee/posts/1?comment_id=${7000 + n}">${n + 1}h</a></div>`,
    ).join('');
    document.documentElement.setAttribute('lang', 'en');
    document.body.innerHTML = `<div role="article" id="post"><h2><a href="https://www.facebook.com/AcmeCoffee">Acme Coffee</a></h2><div>${comments}</div></div>`;
    const post = document.getElementById('post') as Element;
    const asked = vi.spyOn(post, 'querySelectorAll');
    const read = Array.from(post.querySelectorAll('div[role="article"][aria-label]')).flatMap((c) =>
      facebookAdapter.readItems(c, context(BRAND)),
    );
    expect(read).toHaveLength(200);
    expect(read.every((f) => f.item.depth === 0 && f.item.replyingTo[0] === 'Acme Coffee')).toBe(true);
    expect(
      unansweredIds(
        facebookAdapter.link(
          read.map((f) => f.item),
          context(BRAND),
          url,
        ),
      ),
    ).toHaveLength(200);
    // One look for the comments above, then at most a couple to tell the post is not a comment itself.
    expect(asked.mock.calls.length).toBeLessThanOrEqual(3);
  });
});
