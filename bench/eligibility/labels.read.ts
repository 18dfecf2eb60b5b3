// Readers for the hand-labelled eligibility set (README.md in this folder describes how it was made). Field names
// follow docs/eligibility-concepts.md; the readers only check the shape, they do not interpret the labels.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const LABELS_DIR = import.meta.dirname;

export const VERDICTS = ['likely-eligible', 'might-be-eligible', 'not-eligible'] as const;
export type Verdict = (typeof VERDICTS)[number];

export interface LabelledConcept {
  readonly type: string;
  readonly value: string;
  readonly polarity: 'present' | 'absent';
  readonly min?: number;
  readonly max?: number;
  readonly comparator?: '<' | '<=' | '>' | '>=';
  readonly threshold?: number;
  readonly unit?: string;
  readonly withinDays?: number;
  readonly withinYears?: number;
}

export interface LabelledCriterion {
  readonly trial: string;
  readonly source: 'lct' | 'demo';
  readonly section: 'inclusion' | 'exclusion';
  readonly text: string;
  readonly conditional: boolean;
  readonly concepts: readonly LabelledConcept[];
}

export interface LabelledProfile {
  readonly id: string;
  readonly description: string;
  /** The profile itself, in the shape of docs/eligibility-concepts.md (id and description removed). */
  readonly profile: Readonly<Record<string, unknown>>;
}

export interface LabelledVerdict {
  readonly profile: string;
  readonly trial: string;
  readonly verdict: Verdict;
  /** The deciding criterion, quoted: the first failed one for not-eligible, the first unanswered one for might. */
  readonly because?: string;
}

function readJsonl(file: string): unknown[] {
  return readFileSync(resolve(LABELS_DIR, file), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, i) => {
      try {
        return JSON.parse(line) as unknown;
      } catch (error) {
        // The message names the line only: JSON.parse quotes the text, and held-out labels must not be printed.
        throw new Error(`${file} line ${i + 1}: not valid JSON`, { cause: error });
      }
    });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function fail(file: string, i: number, what: string): never {
  throw new Error(`${file} row ${i + 1}: ${what}`);
}

export function readCriteriaLabels(file = 'criteria-labels.jsonl'): LabelledCriterion[] {
  return readJsonl(file).map((row, i) => {
    if (!isRecord(row) || typeof row.text !== 'string' || typeof row.trial !== 'string' || !Array.isArray(row.concepts)) {
      fail(file, i, 'expected {trial, source, section, text, conditional, concepts[]}');
    }
    for (const c of row.concepts) {
      if (!isRecord(c) || typeof c.type !== 'string' || typeof c.value !== 'string') fail(file, i, 'bad concept');
      if (c.polarity !== 'present' && c.polarity !== 'absent') fail(file, i, 'bad polarity');
    }
    return row as unknown as LabelledCriterion;
  });
}

export function readProfileLabels(file = 'profiles.jsonl'): LabelledProfile[] {
  return readJsonl(file).map((row, i) => {
    if (!isRecord(row) || typeof row.id !== 'string' || typeof row.description !== 'string') {
      fail(file, i, 'expected {id, description, ...profile}');
    }
    const { id, description, ...profile } = row;
    return { id, description, profile };
  });
}

export function readVerdictLabels(file = 'verdicts.jsonl'): LabelledVerdict[] {
  return readJsonl(file).map((row, i) => {
    if (!isRecord(row) || typeof row.profile !== 'string' || typeof row.trial !== 'string') {
      fail(file, i, 'expected {profile, trial, verdict, because?}');
    }
    if (!(VERDICTS as readonly unknown[]).includes(row.verdict)) fail(file, i, `unknown verdict ${String(row.verdict)}`);
    return row as unknown as LabelledVerdict;
  });
}
