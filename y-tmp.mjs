import { parseAllDocuments } from 'yaml';
for (const n of [1000, 5000, 10000, 20000]) {
  for (const [name, src] of [['flowseq', '['.repeat(n) + ']'.repeat(n)], ['flowmap', 'a: ' + '{a: '.repeat(n) + '1' + '}'.repeat(n)], ['block', Array.from({length: n}, (_, i) => ' '.repeat(i) + 'a:').join('\n') + ' 1']]) {
    const t = process.hrtime.bigint();
    let res = '';
    try {
      const docs = parseAllDocuments(src, { version: '1.1', uniqueKeys: false });
      const d = docs[0];
      res = 'errors=' + d.errors.length + ' ' + (d.errors[0]?.code ?? '');
      try { d.toJS({ maxAliasCount: 100 }); res += ' toJS ok'; } catch (e) { res += ' toJS ' + e.constructor.name + e.message.slice(0, 50); }
    } catch (e) { res = 'THROW ' + e.constructor.name + ' ' + e.message.slice(0, 60); }
    console.log(name, n, res, Number(process.hrtime.bigint() - t) / 1e6, 'ms');
  }
}
const keys = (n) => Array.from({length: n}, (_, i) => `k${i}: ${i}`).join('\n');
for (const n of [50000, 100000]) { const t = process.hrtime.bigint(); const d = parseAllDocuments(keys(n), { version: '1.1', uniqueKeys: false }); d[0].toJS(); console.log('keys', n, Number(process.hrtime.bigint() - t) / 1e6); }
