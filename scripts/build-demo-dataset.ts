/**
 * Builds the bundled demo dataset in data/demo/ from the real registry records in ../shared/data.
 * Source files are kept in their registry formats (JSON is gzipped) so `npm start` loads them through the
 * same importers users run. Writes data/demo/manifest.json with each file's origin, licence, records and hash.
 *
 * Usage: npm run build:demo  (TRIALFINDER_SHARED_DATA overrides the shared data folder)
 */
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { readRecordsAt } from '../src/ingest/open-path.ts';

const root = resolve(import.meta.dirname, '..');
const shared = resolve(root, process.env.TRIALFINDER_SHARED_DATA ?? '../shared/data');
const out = join(root, 'data', 'demo');
const recordsDir = join(out, 'records');

interface SourceFile {
  readonly from: string;
  readonly to: string;
  readonly origin: string;
  readonly licence: string;
}

const CTGOV = 'ClinicalTrials.gov record text, US National Library of Medicine: public domain in the US';
const sources: SourceFile[] = [
  {
    from: 'ctgov-legacy-xml/ctgov_legacy_xml_2023-02-03.tar.gz',
    to: 'ctgov-legacy-xml_2023-02-03.tar.gz',
    origin: 'reesewang25/enrollment_and_studylength @ 5c5cc15dee126c927c3438199d61e9069d9a7ce6 (AllPublicXML layout, processed 2023-02-03)',
    licence: CTGOV,
  },
  {
    from: 'nci-cts-api-mock/nci_cts_trials_merged_708.json.gz',
    to: 'nci-cts_trials_708.json.gz',
    origin: 'NCIOCPL/clinical-trials-search-app @ 7ef3807e16b7e6f963bfea4e9f6af5293bdd7b71 and NCIOCPL/clinical-trials-listing-app @ b8e0d2b49bd676e8894ed880e4563f3e4e9950ee, support/mock-data (merged per nct_id)',
    licence: 'NCI Clinical Trials Reporting Program data (US Government work)',
  },
  {
    from: 'ctgov-v2-json/dgg32_ctg-studies_50.json',
    to: 'ctgov-v2_dgg32_50.json.gz',
    origin: 'dgg32/clinical-trials-public @ 24d361c58e346d239d218ac7d574b3a156350e02 : ctg-studies(5).json (repository MIT)',
    licence: CTGOV,
  },
  {
    from: 'ctgov-v2-json/nsclcbench_nsclc_phase3_100.json',
    to: 'ctgov-v2_nsclcbench_100.json.gz',
    origin: 'vrinda2019/NSCLCBench @ 4d4802807c937f0e3e56e2b6f32ee87f10ae10b3 : data/ctg-studies.json',
    licence: CTGOV,
  },
  {
    from: 'isrctn-and-multiregistry/ctrdata_demo_ctgov2_5.json',
    to: 'ctgov-v2_ctrdata_5.json.gz',
    origin: 'rfhb/ctrdata @ 0d73c2371d3ccbd48497458197ff86d0add842c5 : inst/extdata/demo.sqlite (CT.gov v2 records as ctrdata stores them; ctrdata MIT)',
    licence: CTGOV,
  },
];
for (const name of readdirSync(join(shared, 'ctgov-v2-json/aact-fixtures')).sort()) {
  sources.push({
    from: `ctgov-v2-json/aact-fixtures/${name}`,
    to: `aact-fixtures/${name}.gz`,
    origin: `ctti-clinicaltrials/aact @ 5a060286d07ba038fbb5d01096a6b98eaa5803e2 : spec/support/json_data/${name} (AACT MIT)`,
    licence: CTGOV,
  });
}
for (const name of readdirSync(join(shared, 'ctgov-v2-json/aact-fixtures-legacy-xml')).sort()) {
  sources.push({
    from: `ctgov-v2-json/aact-fixtures-legacy-xml/${name}`,
    to: `aact-fixtures-legacy-xml/${name}`,
    origin: `ctti-clinicaltrials/aact @ 5a060286d07ba038fbb5d01096a6b98eaa5803e2 : spec/support/xml_data/${name} (AACT MIT)`,
    licence: CTGOV,
  });
}

mkdirSync(join(recordsDir, 'aact-fixtures'), { recursive: true });
mkdirSync(join(recordsDir, 'aact-fixtures-legacy-xml'), { recursive: true });
const manifest = [];
for (const source of sources) {
  const from = join(shared, source.from);
  const to = join(recordsDir, source.to);
  if (to.endsWith('.gz') && !from.endsWith('.gz')) writeFileSync(to, gzipSync(readFileSync(from), { level: 9 }));
  else copyFileSync(from, to);
  let records = 0;
  let parsed = 0;
  for await (const outcome of readRecordsAt(to)) {
    records += 1;
    if (outcome.ok) parsed += 1;
  }
  const sha256 = createHash('sha256').update(readFileSync(to)).digest('hex');
  manifest.push({ file: `records/${source.to}`, sharedDataPath: source.from, origin: source.origin, licence: source.licence, records, parsed, sha256 });
  console.log(`${basename(to)}: ${parsed}/${records} records parse`);
}
writeFileSync(join(out, 'manifest.json'), `${JSON.stringify({ builtFrom: 'shared/data (see data/demo/README.md); record files are under records/', files: manifest }, null, 2)}\n`);
