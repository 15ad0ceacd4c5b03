import twitterText from 'twitter-text';
import { formatPath, type Locator, type PathSegment, type Problem } from './problems';
import { type Playbook, VARIABLES } from './schema';
import { fillVariables, findVariables, LONG_SAMPLE_VALUES, type VariableValues } from './variables';

/** X counts characters with its own weights (most emoji and CJK count double); 280 is the public limit. */
export const X_LIMIT = 280;

export function xLength(text: string): number {
  return twitterText.parseTweet(text).weightedLength;
}

/**
 * Markup that would mean something if a careless consumer ever rendered playbook text as HTML. Playbook
 * text is plain text everywhere; markup in it is either a mistake or an attack, and either way it should
 * not ship.
 */
const HTML_TAG = /<\/?[a-z][a-z0-9-]*(?:\s[^<>]*)?\/?>|<!--|javascript:/i;

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j] ?? 0;
      row[j] = Math.min((row[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length] ?? 0;
}

/** "did you mean {first_name}?" for a near miss, so a typo is fixed in one go. */
export function suggestVariable(name: string): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const known of VARIABLES) {
    const d = editDistance(name, known);
    if (d < bestDistance) {
      best = known;
      bestDistance = d;
    }
  }
  return best;
}

/** Values that make a variant as long as it will realistically get, for the X length check. */
export function longValues(brand: { name: string; signoff?: string }): VariableValues {
  const values: VariableValues = { ...LONG_SAMPLE_VALUES, brand: brand.name };
  if (brand.signoff === undefined) delete values.signoff;
  else values.signoff = brand.signoff;
  return values;
}

/** Checks a response may be used on X (no platform list means both sites). */
export function usableOnX(platforms: readonly string[] | undefined): boolean {
  return platforms === undefined || platforms.includes('x');
}

/** Rules the schema cannot express: cross references, variables, lengths, duplicates. */
export function lintPlaybook(playbook: Playbook, locate: Locator): Problem[] {
  const problems: Problem[] = [];
  const add = (path: PathSegment[], severity: Problem['severity'], rule: string, message: string) => {
    problems.push({ path: formatPath(path), ...locate(path), severity, rule, message });
  };
  const checkMarkup = (path: PathSegment[], text: string | undefined) => {
    if (text === undefined) return;
    const m = HTML_TAG.exec(text);
    if (m)
      add(path, 'error', 'html', `contains markup "${m[0].slice(0, 40)}"; playbook text is plain text only`);
  };

  checkMarkup(['name'], playbook.name);
  checkMarkup(['brand', 'signoff'], playbook.brand.signoff);
  if (playbook.brand.signoff !== undefined) {
    for (const use of findVariables(playbook.brand.signoff)) {
      if (use.name === 'signoff') {
        add(['brand', 'signoff'], 'error', 'signoff-loop', 'the sign-off cannot contain {signoff} itself');
      } else if (!use.known) {
        add(['brand', 'signoff'], 'error', 'unknown-variable', unknownVariableMessage(use.name));
      }
    }
  }

  const offerIds = new Map<string, number>();
  playbook.offers.forEach((offer, i) => {
    const first = offerIds.get(offer.id);
    if (first !== undefined) {
      add(
        ['offers', i, 'id'],
        'error',
        'duplicate-id',
        `duplicate offer id "${offer.id}" (also offers[${first}])`,
      );
    } else {
      offerIds.set(offer.id, i);
    }
    if (offer.allowedIntents === undefined || offer.allowedIntents.length === 0) {
      add(
        ['offers', i],
        'warning',
        'offer-without-intents',
        `offer "${offer.id}" has no allowedIntents, so staff cannot tell when it may be offered`,
      );
    }
    checkMarkup(['offers', i, 'label'], offer.label);
    checkMarkup(['offers', i, 'note'], offer.note);
  });

  const responseIds = new Map<string, number>();
  const triggers = new Map<string, { index: number; id: string }>();
  const values = longValues(playbook.brand);
  playbook.responses.forEach((response, i) => {
    const first = responseIds.get(response.id);
    if (first !== undefined) {
      add(
        ['responses', i, 'id'],
        'error',
        'duplicate-id',
        `duplicate response id "${response.id}" (also responses[${first}])`,
      );
    } else {
      responseIds.set(response.id, i);
    }
    checkMarkup(['responses', i, 'title'], response.title);

    (response.offers ?? []).forEach((offerId, k) => {
      const at = offerIds.get(offerId);
      const offer = at === undefined ? undefined : playbook.offers[at];
      if (!offer) {
        const known = [...offerIds.keys()];
        add(
          ['responses', i, 'offers', k],
          'error',
          'unknown-offer',
          `unknown offer "${offerId}"${
            known.length > 0 ? ` (offers are: ${known.join(', ')})` : ' (no offers are defined)'
          }`,
        );
      } else if (offer.allowedIntents && !response.intents.some((x) => offer.allowedIntents?.includes(x))) {
        add(
          ['responses', i, 'offers', k],
          'warning',
          'offer-intent-mismatch',
          `offer "${offerId}" is only allowed for ${offer.allowedIntents.join(', ')}, ` +
            `but this response is for ${response.intents.join(', ')}`,
        );
      }
    });

    response.triggers.forEach((trigger, k) => {
      const key = trigger.toLowerCase().replace(/\s+/g, ' ');
      const seen = triggers.get(key);
      if (seen && seen.index !== i) {
        add(
          ['responses', i, 'triggers', k],
          'warning',
          'duplicate-trigger',
          `trigger "${trigger}" is also used by "${seen.id}" (responses[${seen.index}])`,
        );
      } else if (!seen) {
        triggers.set(key, { index: i, id: response.id });
      }
    });

    const seenVariants = new Set<string>();
    response.variants.forEach((variant, j) => {
      const path: PathSegment[] = ['responses', i, 'variants', j];
      if (variant.trim() === '') {
        add(path, 'error', 'empty-variant', 'empty variant: write the reply or remove the line');
        return;
      }
      if (seenVariants.has(variant))
        add(path, 'warning', 'duplicate-variant', 'same text as an earlier variant');
      seenVariants.add(variant);
      checkMarkup(path, variant);
      let unknown = false;
      const reported = new Set<string>();
      for (const use of findVariables(variant)) {
        // One message per name: "{frist_name} … {frist_name}" is one typo to fix, said once.
        if (reported.has(use.name)) continue;
        reported.add(use.name);
        if (!use.known) {
          unknown = true;
          add(path, 'error', 'unknown-variable', unknownVariableMessage(use.name));
        } else if (use.name === 'signoff' && playbook.brand.signoff === undefined) {
          add(path, 'error', 'missing-signoff', 'uses {signoff} but brand.signoff is not set');
        }
      }
      if (!unknown && response.channel === 'public' && usableOnX(response.platforms)) {
        const filled = fillVariables(variant, values).text;
        const length = xLength(filled);
        if (length > X_LIMIT) {
          add(
            path,
            'error',
            'x-length',
            `${length} characters on X once filled with long names (the limit is ${X_LIMIT}); ` +
              'shorten it or set platforms: [facebook]',
          );
        }
      }
    });
  });
  return problems;
}

function unknownVariableMessage(name: string): string {
  const hint = suggestVariable(name);
  return `unknown variable {${name}}${hint ? ` (did you mean {${hint}}?)` : ''}`;
}
