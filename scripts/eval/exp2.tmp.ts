import { scoreLexicon } from '../../lib/analysis/sentiment';
import { tokenize, terms } from '../../lib/analysis/text';
import { predict, type Features } from '../../lib/analysis/linear';
import { train, folds, type Example } from './learn';
import { loadTweetEval } from './data';
const rows = loadTweetEval();
function macroRecall(pred: number[], gold: number[], k: number) { let s=0; for (let c=0;c<k;c++){ let tp=0,n=0; gold.forEach((g,i)=>{ if(g===c){n++; if(pred[i]===c) tp++;}}); s+= tp/n;} return s/k; }
const gold = rows.map(r=>r.label);
const pre = rows.map(r => { const tk = tokenize(r.text); return { tk, lex: scoreLexicon(r.text, tk), text: r.text }; });
// threshold sweep on compound
let best = [0,0,0];
for (let lo = -0.5; lo <= 0.2; lo += 0.05) for (let hi = lo; hi <= 0.7; hi += 0.05) {
  const p = pre.map(x => x.lex.compound >= hi ? 2 : x.lex.compound <= lo ? 0 : 1);
  const m = macroRecall(p, gold, 3); if (m > best[0]!) best = [m, lo, hi];
}
console.log('best thresholds (in-sample)', best);
function feats(x: typeof pre[number], mode: number): Features {
  const f: Features = new Map();
  const l = x.lex;
  f.set('c', l.compound); f.set('p', Math.min(l.positive, 8)/4); f.set('n', Math.min(l.negative,8)/4);
  f.set('c2', l.compound * Math.abs(l.compound));
  if (l.contributions.length === 0) f.set('none', 1);
  if (l.negations) f.set('neg', 1);
  if (/!/.test(x.text)) f.set('bang', 1);
  if (/\?/.test(x.text)) f.set('q', 1);
  if (mode >= 1) for (const t of terms(x.tk)) f.set('w:' + t, 1);
  return f;
}
for (const mode of [1]) for (const [l2, epochs, rate, minCount] of [[1e-3, 10, 0.02, 3],[3e-3, 5, 0.02, 3],[1e-3, 5, 0.01, 2],[1e-3, 10, 0.01, 3],[3e-3,10,0.01,2]] as const) {
  const ex: Example[] = pre.map((x, i) => ({ features: feats(x, mode), label: gold[i]! }));
  const pred = new Array<number>(rows.length);
  for (const f of folds(rows.length, 5)) {
    const set = new Set(f);
    const m = train(ex.filter((_, i) => !set.has(i)), { classes: ['n','u','p'], l2, epochs, rate, minCount });
    for (const i of f) { const p = predict(m, ex[i]!.features); pred[i] = p.indexOf(Math.max(...p)); }
  }
  console.log(mode, l2, epochs, rate, minCount, 'cv', macroRecall(pred, gold, 3).toFixed(3));
}
