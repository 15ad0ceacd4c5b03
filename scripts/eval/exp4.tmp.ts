import { classifyWith, type ClassifierModels } from '../../lib/analysis/classify';
import { unpack, predict } from '../../lib/analysis/linear';
import { SENTIMENT_MODEL } from '../../lib/analysis/models.gen';
import { loadYoutube } from './data';
import { folds, train } from './learn';
import { SPAM_TRAINING, spamExamples } from './models';
import { spamFeatures } from '../../lib/analysis/features';
import { tokenize } from '../../lib/analysis/text';
const rows = loadYoutube(); const ex = spamExamples(rows); const sentiment = unpack(SENTIMENT_MODEL);
const counts: Record<string, number> = {};
for (const fold of folds(rows.length, 5)) { const held = new Set(fold);
  const models: ClassifierModels = { sentiment, spam: train(ex.filter((_, i) => !held.has(i)), SPAM_TRAINING) };
  for (const i of fold) { const r = rows[i]!; const c = classifyWith(models, r.text); const p = predict(models.spam, spamFeatures(r.text, tokenize(r.text)))[1]!;
    const key = `${r.spam ? 'spam' : 'ham'}->${c.intent === 'spam' ? 'spam' : 'not'} raw=${p >= 0.5} lang=${c.language !== 'en' && c.language !== 'und'} compl=${c.complaint}`;
    counts[key] = (counts[key] ?? 0) + 1; } }
console.log(counts);
import { classify } from '../../lib/analysis/classify';
let shown = 0;
for (const r of rows) if (r.spam && classify(r.text).intent !== 'spam' && shown++ < 45) console.log(r.text.slice(0, 140).replace(/\n/g, ' '));
