/**
 * What the drift tests of both adapters share: the shape of a case, what a read of the page gives, and the
 * ways a site release breaks markup, each returning how to put the markup back exactly as it was.
 */
import type { FoundItem } from '../../../lib/sites/adapter';
import type { HealthProblem } from '../../../lib/sites/model';

/** Undoes one break, putting the markup back exactly as it was. */
export type Restore = () => void;

export interface Reported {
  kind: 'reported';
  /** What the break does to the page, in the words of the site's markup. */
  how: string;
  breakIt: (doc: Document) => Restore;
  problem: HealthProblem;
}

export interface Optional {
  kind: 'optional';
  how: string;
  breakIt: (doc: Document) => Restore;
  /** What may change while the markup is broken; everything else must read as before. */
  check: (before: Snapshot, after: Snapshot) => void;
}

export interface Snapshot {
  ids: string[];
  items: FoundItem['item'][];
  signedIn: string | null;
  /** Every reply box: what it holds, the item it answers, and whether its submit control was found. */
  composers: { text: string; replyTo: string | null; submit: boolean }[];
}

function all(doc: Document, selector: string): Element[] {
  const found = Array.from(doc.querySelectorAll(selector));
  if (found.length === 0) throw new Error(`the fixture has nothing matching ${selector}`);
  return found;
}

/** Renames an attribute on every element matching `selector`, as a deploy that renames a test id does. */
export function renameAttribute(selector: string, attribute: string): (doc: Document) => Restore {
  return (doc) => {
    const renamed = all(doc, selector).map((el) => {
      const value = el.getAttribute(attribute) ?? '';
      el.removeAttribute(attribute);
      el.setAttribute(`data-drifted-${attribute}`, value);
      return { el, value };
    });
    return () => {
      for (const { el, value } of renamed) {
        el.removeAttribute(`data-drifted-${attribute}`);
        el.setAttribute(attribute, value);
      }
    };
  };
}

/** Changes an attribute's value on every element matching `selector`. */
export function rewriteAttribute(
  selector: string,
  attribute: string,
  rewrite: (value: string) => string,
): (doc: Document) => Restore {
  return (doc) => {
    const changed = all(doc, selector).map((el) => {
      const value = el.getAttribute(attribute) ?? '';
      el.setAttribute(attribute, rewrite(value));
      return { el, value };
    });
    return () => {
      for (const { el, value } of changed) el.setAttribute(attribute, value);
    };
  };
}

/** Takes every element matching `selector` out of the page, leaving a marker where each one stood. */
export function removeAll(selector: string): (doc: Document) => Restore {
  return (doc) => {
    const removed = all(doc, selector).map((el) => {
      const marker = doc.createComment('drift');
      el.replaceWith(marker);
      return { el, marker };
    });
    return () => {
      for (const { el, marker } of removed) marker.replaceWith(el);
    };
  };
}

/**
 * Replaces every element matching `selector` with a `tag` holding the same children, as a release that changes
 * an element's type does. Restoring puts the original elements back around their children.
 */
export function retag(selector: string, tag: string): (doc: Document) => Restore {
  return (doc) => {
    const swapped = all(doc, selector).map((el) => {
      const stand = doc.createElement(tag);
      stand.append(...Array.from(el.childNodes));
      el.replaceWith(stand);
      return { el, stand };
    });
    return () => {
      for (const { el, stand } of swapped) {
        el.append(...Array.from(stand.childNodes));
        stand.replaceWith(el);
      }
    };
  };
}

export const CONSOLE_METHODS = ['log', 'warn', 'error', 'info', 'debug'] as const;
