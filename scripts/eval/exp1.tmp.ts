import { scoreLexicon } from '/work/main/lib/analysis/sentiment';
import { sentimentFeatures, spamFeatures } from '/work/main/lib/analysis/features';
import { tokenize } from '/work/main/lib/analysis/text';
import { predict } from '/work/main/lib/analysis/linear';
import { train, folds, type Example } from '/work/main/scripts/eval/learn';
import { loadTweetEval, loadYoutube } from '/work/main/scripts/eval/data';
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const t0 = Date.now();
const rows = loadTweetEval();
const ex: Example[] = rows.map((r) => { const tk = tokenize(r.text); return { features: sentimentFeatures(r.text, tk, scoreLexicon(r.text, tk)), label: r.label }; });
function macroRecall(pred: number[], gold: number[], k: number) { let s=0; for (let c=0;c<k;c++){ let tp=0,n=0; gold.forEach((g,i)=>{ if(g===c){n++; if(pred[i]===c) tp++;}}); s+= tp/n;} return s/k; }
// lexicon only
const lexPred = rows.map((r) => { const tk = tokenize(r.text); const c = scoreLexicon(r.text, tk).compound; return c >= 0.05 ? 2 : c <= -0.05 ? 0 : 1; });
console.log('lex rule', macroRecall(lexPred, rows.map(r=>r.label), 3));
const V = require('vader-sentiment');
const vp = rows.map((r) => { const c = V.SentimentIntensityAnalyzer.polarity_scores(r.text).compound; return c >= 0.05 ? 2 : c <= -0.05 ? 0 : 1; });
console.log('vader', macroRecall(vp, rows.map(r=>r.label), 3));
for (const [l2, epochs, rate, minCount] of [[1e-3, 20, 0.1, 2],[1e-2, 20, 0.1, 2],[3e-3, 20, 0.05, 3],[1e-3, 10, 0.1, 3]] as const) {
  const pred = new Array<number>(rows.length);
  for (const f of folds(rows.length, 5)) {
    const set = new Set(f);
    const m = train(ex.filter((_, i) => !set.has(i)), { classes: ['negative','neutral','positive'], l2, epochs, rate, minCount });
    for (const i of f) { const p = predict(m, ex[i]!.features); pred[i] = p.indexOf(Math.max(...p)); }
  }
  console.log(l2, epochs, rate, minCount, 'cv', macroRecall(pred, rows.map(r=>r.label), 3).toFixed(3));
}
const yt = loadYoutube();
const ey: Example[] = yt.map((r) => ({ features: spamFeatures(r.text, tokenize(r.text)), label: r.spam ? 1 : 0 }));
for (const [l2, epochs] of [[1e-3, 20],[1e-2, 20]] as const) {
  let tp=0,fp=0,fn=0;
  for (const f of folds(yt.length, 5)) { const set = new Set(f);
    const m = train(ey.filter((_, i) => !set.has(i)), { classes: ['ham','spam'], l2, epochs, rate: 0.1 });
    for (const i of f) { const p = predict(m, ey[i]!.features); const y = p[1]! > 0.5; const g = yt[i]!.spam; if (y&&g) tp++; else if (y) fp++; else if (g) fn++; } }
  console.log('spam', l2, epochs, (2*tp/(2*tp+fp+fn)).toFixed(3));
}
console.log(Date.now()-t0, 'ms');
