import { describe, expect, it } from 'vitest';
import { explain, pack, predict, unpack } from '../../../lib/analysis/linear';

const model = unpack({
  classes: ['neg', 'pos'],
  bias: [0, 0],
  weights: { 'w:good': [-1, 1], 'w:bad': [1, -1], 'w:the': [0.0001, 0] },
});

describe('linear model', () => {
  it('turns feature weights into probabilities that sum to one', () => {
    const p = predict(model, new Map([['w:good', 1]]));
    expect(p[1]).toBeGreaterThan(0.8);
    expect((p[0] ?? 0) + (p[1] ?? 0)).toBeCloseTo(1, 10);
  });

  it('ignores features the model does not know', () => {
    expect(predict(model, new Map([['w:unseen', 1]]))).toEqual([0.5, 0.5]);
  });

  it('names the features that pushed towards a class', () => {
    const features = new Map([
      ['w:good', 1],
      ['w:bad', 1],
    ]);
    expect(explain(model, features, 1).map(([name]) => name)).toEqual(['w:good']);
  });

  it('drops weights that round to zero when packing', () => {
    expect(Object.keys(pack(model).weights).sort()).toEqual(['w:bad', 'w:good']);
  });
});
