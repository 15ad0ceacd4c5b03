import { check } from '/work/main/lib/analysis/check';
import { promo } from '/work/main/lib/analysis/promo';
import { classify } from '/work/main/lib/analysis/classify';
import { playbookSchema } from '/work/main/lib/playbook/schema';
const pb = playbookSchema.parse({ schema: 'reciprocity/playbook@1', name: 'T', version: '1', brand: { name: 'Acme' }, voice: { bannedPhrases: ['per our policy'], privateDetails: ['order number'] }, offers: [{ id: 'sorry-10', label: '10% apology discount', maxPercent: 10, allowedIntents: ['complaint'] }], responses: [{ id: 'a', title: 'A', intents: ['praise'], variants: ['x'] }] });
console.log(check('Calm down, per our policy we need your order number. Here is 20% off. Call 555 123 4567. Hi {first_name} THIS IS NOT OK AT ALL', { playbook: pb, replyTo: { text: 'I love you guys' } }));
console.log(JSON.stringify(promo('Shop now and get 20% off with code SAVE20! Visit our store www.acme.com #deal #coffee')));
console.log(JSON.stringify(classify('I am not happy, my order is still not here after 2 weeks @acme')));
console.log(JSON.stringify(classify('Hola, mi pedido no ha llegado todavía y estoy muy enojado')));
