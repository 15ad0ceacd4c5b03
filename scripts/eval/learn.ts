/**
 * Training for the shipped linear models: multinomial logistic regression with L2 and class-balanced weights,
 * fitted by AdaGrad. Used by the build script (all data) and by the evaluation (k folds).
 */
import type { Features, LinearModel } from '../../lib/analysis/linear';
import { softmax } from '../../lib/analysis/linear';

export interface Example {
  features: Features;
  label: number;
}

export interface TrainOptions {
  classes: readonly string[];
  epochs?: number;
  l2?: number;
  rate?: number;
  /** Word features seen in fewer examples than this are dropped: they would memorise single rows. */
  minCount?: number;
  seed?: number;
}

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function train(examples: readonly Example[], opts: TrainOptions): LinearModel {
  const k = opts.classes.length;
  const epochs = opts.epochs ?? 30;
  const l2 = opts.l2 ?? 1e-4;
  const rate = opts.rate ?? 0.2;
  const minCount = opts.minCount ?? 2;
  const counts = new Map<string, number>();
  for (const ex of examples)
    for (const name of ex.features.keys()) counts.set(name, (counts.get(name) ?? 0) + 1);
  const keep = (name: string) => !name.startsWith('w:') || (counts.get(name) ?? 0) >= minCount;
  const perClass = new Array<number>(k).fill(0);
  for (const ex of examples) perClass[ex.label] = (perClass[ex.label] ?? 0) + 1;
  const classWeight = perClass.map((n) => (n > 0 ? examples.length / (k * n) : 0));

  const weights = new Map<string, number[]>();
  const grads = new Map<string, number[]>();
  const bias = new Array<number>(k).fill(0);
  const biasG = new Array<number>(k).fill(1e-8);
  const order = examples.map((_, i) => i);
  const random = rng(opts.seed ?? 1);
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
    for (const idx of order) {
      const ex = examples[idx] as Example;
      const z = [...bias];
      for (const [name, value] of ex.features) {
        const w = weights.get(name);
        if (w) for (let c = 0; c < k; c++) z[c] = (z[c] ?? 0) + (w[c] ?? 0) * value;
      }
      const p = softmax(z);
      const cw = classWeight[ex.label] ?? 1;
      const err = p.map((pc, c) => cw * (pc - (c === ex.label ? 1 : 0)));
      for (let c = 0; c < k; c++) {
        const g = err[c] ?? 0;
        biasG[c] = (biasG[c] ?? 0) + g * g;
        bias[c] = (bias[c] ?? 0) - (rate * g) / Math.sqrt(biasG[c] ?? 1);
      }
      for (const [name, value] of ex.features) {
        if (!keep(name)) continue;
        let w = weights.get(name);
        let gs = grads.get(name);
        if (!w || !gs) {
          w = new Array<number>(k).fill(0);
          gs = new Array<number>(k).fill(1e-8);
          weights.set(name, w);
          grads.set(name, gs);
        }
        for (let c = 0; c < k; c++) {
          const g = (err[c] ?? 0) * value + l2 * (w[c] ?? 0);
          gs[c] = (gs[c] ?? 0) + g * g;
          w[c] = (w[c] ?? 0) - (rate * g) / Math.sqrt(gs[c] ?? 1);
        }
      }
    }
  }
  return { classes: opts.classes, bias, weights };
}

/** Splits row indices into k folds by position after a seeded shuffle. */
export function folds(n: number, k: number, seed = 7): number[][] {
  const order = Array.from({ length: n }, (_, i) => i);
  const random = rng(seed);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j] as number, order[i] as number];
  }
  const out: number[][] = Array.from({ length: k }, () => []);
  for (let i = 0; i < order.length; i++) out[i % k]?.push(order[i] as number);
  return out;
}
