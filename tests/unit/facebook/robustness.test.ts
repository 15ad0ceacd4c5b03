import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  composerReplyTo,
  health,
  link,
  markerHost,
  readComment,
  readComposer,
  readItems,
  signedInAccount,
} from '../../../lib/sites/facebook/adapter';
import { EN, ES } from '../../../lib/sites/facebook/labels';
import { parseRelativeTime } from '../../../lib/sites/facebook/time';
import { conversationItemSchema } from '../../../lib/sites/model';
import { context, NOW, POST_URL } from './load';

/** Pieces of Facebook-like markup, combined at random into odd but plausible pages. */
const piece = fc.constantFrom(
  '<div role="article" aria-label="Comment by Ann Lee 2 hours ago">',
  '<div role="article" aria-label="Reply by Bo to Ann Lee’s comment Just now">',
  '<div role="article" aria-label="Comentario de Ana hace 1 semana">',
  '<div role="article">',
  '</div>',
  '<a href="https://www.facebook.com/p/posts/1?comment_id=11">2h</a>',
  '<a href="https://www.facebook.com/p/posts/1?comment_id=11&reply_comment_id=12">Yesterday</a>',
  '<a href="?comment_id=Y29tbWVudDoxXzI=">March 3</a>',
  '<a href="https://www.facebook.com/ann.lee">Ann Lee</a>',
  '<a href="http://[::1">broken</a>',
  '<span lang="en">',
  '</span>',
  '<div dir="auto">Text 😀</div>',
  '<img alt="☕">',
  '<br>',
  '<div role="button">See more</div>',
  '<div role="button">Reply</div>',
  '<form><div role="textbox" contenteditable="true" data-lexical-editor="true" aria-label="Reply to Ann Lee"><p><br></p></div></form>',
  '<h2><a href="/AcmeCoffee">Acme Coffee</a></h2>',
  'plain text ',
);

describe('odd markup', () => {
  it('never throws and only yields items the shared schema accepts', () => {
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 40 }),
        fc.constantFrom('en', 'es', 'fi', ''),
        (parts, lang) => {
          document.documentElement.setAttribute('lang', lang);
          document.body.innerHTML = parts.join('');
          const ctx = context(['Acme Coffee'], ['11']);
          const found = readItems(document, ctx);
          for (const { item } of found) expect(conversationItemSchema.safeParse(item).success).toBe(true);
          const linked = link(
            found.map((f) => f.item),
            ctx,
            new URL(POST_URL),
          );
          for (const item of linked) expect(conversationItemSchema.safeParse(item).success).toBe(true);
          for (const article of Array.from(document.querySelectorAll('div[role="article"]'))) {
            readComment(article, { ...ctx, labels: lang === 'es' ? ES : EN });
            expect(article.contains(markerHost(article))).toBe(true);
          }
          for (const box of Array.from(document.querySelectorAll<HTMLElement>('[contenteditable]'))) {
            composerReplyTo(box, document);
            expect(typeof readComposer(box)).toBe('string');
          }
          signedInAccount(document);
          health(document, new URL(POST_URL), found.length, 10_000);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('reads any string as a time or as nothing, never more than an hour ahead of now', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (text) => {
        for (const labels of [EN, ES]) {
          const t = parseRelativeTime(text, NOW, labels);
          expect(t === null || (Number.isFinite(t) && t <= NOW.getTime() + 3_600_000)).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('reads relative counts as exactly that many units before now', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 5000 }),
        fc.constantFrom(['m', 60_000], ['h', 3_600_000]),
        (n, unit) => {
          const [suffix, ms] = unit as [string, number];
          expect(parseRelativeTime(`${n}${suffix}`, NOW, EN)).toBe(NOW.getTime() - n * ms);
        },
      ),
    );
  });
});
