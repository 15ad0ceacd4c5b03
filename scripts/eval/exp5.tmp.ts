import { classify } from '../../lib/analysis/classify';
import { loadComplaints } from './data';
const rows = loadComplaints();
const spam = rows.filter(r => classify(r.text).intent === 'spam');
console.log(spam.length, 'of', rows.length, 'complaint-set tweets classified spam; of which complaints:', spam.filter(r=>r.complaint).length);
for (const r of spam.slice(0, 15)) console.log(r.complaint ? 'C' : '-', r.text.replace(/\n/g, ' ').slice(0, 130));
