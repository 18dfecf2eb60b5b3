/**
 * SIGIR 2016 re-ranking (issue 4, item 8b) as BIRCO packages it: for each query, rank its judged candidate pool by
 * the trial texts BIRCO holds (brief summary + start of the detailed description; no criteria) and score NDCG@10
 * (gains 0/1/2). Plain BM25 (k1 0.9, b 0.4, IDF over the whole BIRCO corpus) beside the pipeline. Prints figures only.
 *
 * Usage: npx tsx bench/quality/sigir-rerank.bench.ts [--split test] [--queries-qrels <birco json.gz>]
 *          [--topics <xml|jsonl> --qrels <trec qrels|tsv>] [--corpus <birco corpus jsonl.gz>] [--k 10]
 * The BIRCO files (CC BY-NC 4.0) are read from the shared data folder (TRIALFINDER_SHARED_DATA) and never copied.
 */
import { readOptions, wholeNumber } from './args.ts';
import { readBircoCorpus, readBircoSplit } from './birco.read.ts';
import type { BircoSplit } from './birco.read.ts';
import { PIPELINE_CONFIG } from './pipeline.ts';
import { readQrels } from './qrels.read.ts';
import { runRerank, rerankCorpus } from './rerank-task.ts';
import { figure, table } from './report.ts';
import { sharedDataPath } from './shared-data.ts';
import { readTopics } from './topics.read.ts';

const options = readOptions(process.argv.slice(2), {
  split: 'test',
  'queries-qrels': sharedDataPath('trec-ct', 'corpus', 'birco_clinical_trial_sigir2016_queries_qrels.json.gz'),
  topics: '',
  qrels: '',
  corpus: sharedDataPath('trec-ct', 'corpus', 'birco_clinical_trial_sigir2016_corpus.jsonl.gz'),
  k: '10',
});
const k = wholeNumber('k', options.k);

const trials = await readBircoCorpus(options.corpus);
const corpus = rerankCorpus(trials);

async function splitToScore(): Promise<{ name: string; split: BircoSplit }> {
  if (options.topics !== '' || options.qrels !== '') {
    if (options.topics === '' || options.qrels === '') throw new Error('Give --topics and --qrels together.');
    return { name: `${options.topics} with ${options.qrels}`, split: { topics: await readTopics(options.topics), qrels: await readQrels(options.qrels) } };
  }
  return { name: `BIRCO ${options.split} split`, split: await readBircoSplit(options['queries-qrels'], options.split) };
}

const { name, split } = await splitToScore();
const result = runRerank(corpus, split.topics, split.qrels, k);

console.log(`SIGIR 2016 re-ranking (BIRCO packaging): ${name}`);
console.log(`  corpus ${trials.length} trial texts (summary + description, no criteria); ${result.scored} queries scored; ${result.missing} judged trials without text left out of pools`);
console.log(`  pipeline parameters tuned on: ${PIPELINE_CONFIG.tunedOn}; the test split is held out`);
console.log(table(['system', `NDCG@${k}`, `P@${k} (eligible)`], result.systems.map((row) => [row.system, figure(row.ndcg), figure(row.precision)])));
console.log('  targets (issue 4): pipeline NDCG@10 >= 0.30; published: BM25 about 0.24, MonoT5 0.33');
