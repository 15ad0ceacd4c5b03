import { classify } from '../../lib/analysis/classify';
import { loadComplaints, isHeldOut } from './data';
const rows = loadComplaints().filter(r => !r.domain.startsWith('random') && !isHeldOut(r.id));
let tp=0,fp=0,fn=0; const errs: string[] = [];
for (const r of rows) { const c = classify(r.text); if (c.complaint && r.complaint) tp++; else if (c.complaint) { fp++; errs.push(`FP ${c.complaintScore} ${r.text}`);} else if (r.complaint) { fn++; errs.push(`FN ${c.complaintScore} ${r.text}`);} }
console.log('tune n', rows.length, 'P', (tp/(tp+fp)).toFixed(3), 'R', (tp/(tp+fn)).toFixed(3), 'F1', (2*tp/(2*tp+fp+fn)).toFixed(3));
if (process.argv[2]) for (const e of errs.filter(e => e.startsWith(process.argv[2]!)).slice(0, Number(process.argv[3] ?? 40))) console.log(e.replace(/\n/g,' '));
for (let th = 0.2; th <= 0.6; th += 0.05) { let tp=0,fp=0,fn=0; for (const r of rows) { const c = classify(r.text).complaintScore >= th; if (c&&r.complaint) tp++; else if (c) fp++; else if (r.complaint) fn++; } console.log(th.toFixed(2), 'P', (tp/(tp+fp)).toFixed(3), 'R', (tp/(tp+fn)).toFixed(3), 'F1', (2*tp/(2*tp+fp+fn)).toFixed(3)); }
