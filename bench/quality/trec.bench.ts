/**
 * TREC Clinical Trials ad-hoc retrieval over the whole bundled corpus (issue 4, item 8a): plain BM25 (k1 0.9, b 0.4),
 * the pipeline (pipeline.ts) and the product's current search, side by side. Prints figures only.
 *
 * Usage: npx tsx bench/quality/trec.bench.ts --topics <topics.xml|queries.jsonl> --qrels <qrels.txt|test.tsv>
 *          [--corpus demo|<path>] [--k 10] [--subset all|odd|even]
 * `--subset odd|even` scores only the topics whose number is odd or even: TREC CT 2023 is split this way into a
 * tuning half (odd) and a held-out half (even); see bench/README.md.
 * Defaults: the official TREC CT 2021 topics and qrels in the shared data folder (TRIALFINDER_SHARED_DATA).
 */
import { readOptions, wholeNumber } from './args.ts';
import { corpusPath, loadCorpus } from './corpus.ts';
import { PIPELINE_CONFIG } from './pipeline.ts';
import { readQrels } from './qrels.read.ts';
import { figure, table } from './report.ts';
import { sharedDataPath } from './shared-data.ts';
import { readTopics } from './topics.read.ts';
import { RANK_DEPTH, runTrec, searchCorpus } from './trec-task.ts';

const options = readOptions(process.argv.slice(2), {
  topics: sharedDataPath('trec-ct', 'official', 'topics2021.xml'),
  qrels: sharedDataPath('trec-ct', 'official', 'qrels2021.txt'),
  corpus: 'demo',
  k: '10',
  subset: 'all',
});
const k = wholeNumber('k', options.k);
const SUBSETS: Readonly<Record<string, (id: string) => boolean>> = {
  all: () => true,
  odd: (id) => Number.parseInt(id, 10) % 2 === 1,
  even: (id) => Number.parseInt(id, 10) % 2 === 0,
};
const inSubset = SUBSETS[options.subset];
if (inSubset === undefined) throw new Error(`--subset must be one of ${Object.keys(SUBSETS).join(', ')}, not ${JSON.stringify(options.subset)}.`);
const [allTopics, qrels] = await Promise.all([readTopics(options.topics), readQrels(options.qrels)]);
const topics = allTopics.filter((topic) => inSubset(topic.id));
const loaded = await loadCorpus(corpusPath(options.corpus));
try {
  const store = 'error' in loaded.store ? null : loaded.store;
  const corpus = searchCorpus(loaded.trials, store);
  const result = await runTrec(corpus, topics, qrels, k);
  const judgedHeld = new Set([...qrels.values()].flatMap((judgements) => [...judgements.keys()]).filter((id) => corpus.ids.has(id)));
  console.log(`TREC-style retrieval: topics ${options.topics}${options.subset === 'all' ? '' : ` (${options.subset}-numbered only: ${topics.length} of ${allTopics.length})`}, qrels ${options.qrels}`);
  console.log(`  corpus ${options.corpus}: ${loaded.trials.length} trials (${loaded.read} records read, ${loaded.rejected} rejected); ${judgedHeld.size} judged trials held`);
  console.log(`  ${result.qualifying} of ${result.topics} topics have at least one judged trial we hold and are scored; ${result.withEligible} of them have an eligible trial (recall is averaged over those)`);
  console.log(`  pipeline parameters tuned on: ${PIPELINE_CONFIG.tunedOn}. Held out: ${PIPELINE_CONFIG.heldOut}.`);
  console.log(table(
    ['system', `NDCG@${k}`, `NDCG@${k} held-ideal`, `P@${k} eligible`, `recall@${RANK_DEPTH} eligible`, 'topics with no result'],
    result.systems.map((row) => [row.system, figure(row.ndcg), figure(row.ndcgHeld), figure(row.precision), figure(row.recall), String(row.empty)]),
  ));
  const [bm25, pipeline] = result.systems;
  if (bm25 !== undefined && pipeline !== undefined) {
    console.log(`  pipeline vs BM25, NDCG@${k}: ${figure(pipeline.ndcg / bm25.ndcg)}x (target from issue 4: at least 1.20x)`);
  }
  console.log(`  NDCG ideal = every judged trial of the topic (trec_eval); "held-ideal" = only the judged trials the corpus holds.`);
  if (store === null && 'error' in loaded.store) console.log(`  product search not run: the corpus could not be loaded into SQLite (${loaded.store.error})`);
} finally {
  if (!('error' in loaded.store)) await loaded.store.close();
}
