/** Sparse features: name → value. Absent features are zero. */
export type Features = Map<string, number>;

/** A multinomial logistic regression: one weight per class for every feature the training set kept. */
export interface LinearModel {
  classes: readonly string[];
  bias: readonly number[];
  weights: ReadonlyMap<string, readonly number[]>;
}

/** The JSON form the build script writes and the runtime unpacks. */
export interface PackedModel {
  classes: string[];
  bias: number[];
  weights: Record<string, number[]>;
}

export function unpack(packed: PackedModel): LinearModel {
  return { classes: packed.classes, bias: packed.bias, weights: new Map(Object.entries(packed.weights)) };
}

export function pack(model: LinearModel, digits = 3): PackedModel {
  const f = 10 ** digits;
  const round = (x: number) => Math.round(x * f) / f;
  const weights: Record<string, number[]> = {};
  for (const [k, w] of model.weights) {
    const r = w.map(round);
    // Features whose weights all round to zero would only make the shipped file larger.
    if (r.some((x) => x !== 0)) weights[k] = r;
  }
  return { classes: [...model.classes], bias: model.bias.map(round), weights };
}

/** Class scores before the softmax. */
export function logits(model: LinearModel, features: Features): number[] {
  const z = [...model.bias];
  for (const [name, value] of features) {
    const w = model.weights.get(name);
    if (!w) continue;
    for (let c = 0; c < z.length; c++) z[c] = (z[c] ?? 0) + (w[c] ?? 0) * value;
  }
  return z;
}

export function softmax(z: readonly number[]): number[] {
  let max = Number.NEGATIVE_INFINITY;
  for (const x of z) if (x > max) max = x;
  let sum = 0;
  const out = z.map((x) => {
    const e = Math.exp(x - max);
    sum += e;
    return e;
  });
  return out.map((e) => e / sum);
}

export function predict(model: LinearModel, features: Features): number[] {
  return softmax(logits(model, features));
}

/** The features that pushed most towards `cls` (against the other classes' average), strongest first. */
export function explain(model: LinearModel, features: Features, cls: number, top = 5): [string, number][] {
  const out: [string, number][] = [];
  const n = model.classes.length;
  for (const [name, value] of features) {
    const w = model.weights.get(name);
    if (!w) continue;
    let others = 0;
    for (let c = 0; c < n; c++) if (c !== cls) others += w[c] ?? 0;
    const push = ((w[cls] ?? 0) - others / Math.max(1, n - 1)) * value;
    if (push > 0) out.push([name, push]);
  }
  return out.sort((a, b) => b[1] - a[1]).slice(0, top);
}
