// Checks dev5/criteria-labels.jsonl against the LCT records it quotes and the vocabulary of
// docs/eligibility-concepts.md, and prints its counts (README.md in this folder). It reads labels and records only and
// runs no eligibility code. Exit code 1 when any check fails.
//
//   npx tsx bench/eligibility/dev5/check.ts [--shared ../shared/data] [--labels <file>]
//
// --labels checks another copy (a path relative to bench/eligibility/, or absolute).
import { runLctLabelCheck } from '../lct-label-check.ts';

runLctLabelCheck({ labelsFile: 'dev5/criteria-labels.jsonl' });
