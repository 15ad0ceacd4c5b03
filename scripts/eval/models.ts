/** How the shipped models are trained: shared by the build script (all rows) and the evaluation (k folds). */
import { sentimentFeatures, spamFeatures } from '../../lib/analysis/features';
import { scoreLexicon } from '../../lib/analysis/sentiment';
import { tokenize } from '../../lib/analysis/text';
import type { SentimentRow, SpamRow } from './data';
import type { Example, TrainOptions } from './learn';

export const SENTIMENT_TRAINING: TrainOptions = {
  classes: ['negative', 'neutral', 'positive'],
  l2: 1e-3,
  epochs: 10,
  rate: 0.01,
  minCount: 3,
};

export const SPAM_TRAINING: TrainOptions = {
  classes: ['ham', 'spam'],
  l2: 1e-3,
  epochs: 20,
  rate: 0.1,
  minCount: 2,
};

export function sentimentExamples(rows: readonly SentimentRow[]): Example[] {
  return rows.map((r) => {
    const tokens = tokenize(r.text);
    return { features: sentimentFeatures(r.text, tokens, scoreLexicon(r.text, tokens)), label: r.label };
  });
}

export function spamExamples(rows: readonly SpamRow[]): Example[] {
  return rows.map((r) => ({ features: spamFeatures(r.text, tokenize(r.text)), label: r.spam ? 1 : 0 }));
}
