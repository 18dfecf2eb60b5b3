import {readFileSync,readdirSync} from 'node:fs';
import { normaliseTextblock } from './src/ingest/ctgov-xml.textblock.ts';
const dec=(s:string)=>s.replace(/&#xD;/g,'\r').replace(/&lt;/g,'<').replace(/&gt;/g,'>').replace(/&quot;/g,'"').replace(/&amp;/g,'&');
const files=['NCT0000xxxx','NCT0046xxxx','NCT0049xxxx'].flatMap(d=>readdirSync('/tmp/ctx/'+d).map(f=>'/tmp/ctx/'+d+'/'+f));
let hard=0, shown=0, blocks=0;
for (const f of files) { const x=readFileSync(f,'utf8');
 for (const m of x.matchAll(/<textblock>([\s\S]*?)<\/textblock>/g)) { blocks++; const out=normaliseTextblock(dec(m[1]))!;
  const ls=out.split('\n'); for (let i=1;i<ls.length;i++) { const a=ls[i-1]!, b=ls[i]!; if (a!=='' && b!=='' && !/^\s*(?:[-*•·o]\s|\d{1,3}[.)]\s|[a-zA-Z][.)]\s|\([a-zA-Z0-9]{1,3}\)\s)/.test(b)) { hard++; console.log(JSON.stringify(a.slice(-50)),'||',JSON.stringify(b.slice(0,50))); } } } }
console.log('blocks',blocks,'hard non-list breaks',hard);
