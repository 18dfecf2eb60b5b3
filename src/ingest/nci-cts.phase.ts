/**
 * The phase of an NCI CTS record that lacks the `phase` field. Most recorded responses in the bundled data were asked
 * for a few fields only (the API's `include` parameter): 694 of its 708 records have no `phase`, but the plain-language
 * summaries CTRP writes open with it by template ("This phase I/II trial studies ...", "This randomized phase III
 * trial ...") and sponsors' summaries and titles name it too ("This is an open-label, Phase 1b study ..."). Only the
 * title and the summary's first sentence are read, where the phase named is the trial's own; a dose ("the recommended
 * phase 2 dose") or one part of the trial ("a Phase I portion") is not the trial's phase.
 */
import type { Phase } from '../domain/trial.ts';
import { ownValue } from '../domain/own-key.ts';

const NUMERAL = String.raw`(?:0|[1-4]|iv|i{1,3})[ab]?`;
/** "phase 2", "Phase Ib / II", "phase IA/IB/II", "Phase 1/1b", "phase Ia/b", "Phase 2 and 3", "early phase I". */
const MENTION = new RegExp(
  String.raw`(\bearly\s+)?\bphase\s+(${NUMERAL}(?:\s*(?:/|-|and|or|to)\s*(?:phase\s+)?(?:${NUMERAL}|[ab]))*)(?![a-z0-9])`,
  'gi',
);
const RECOMMENDED_BEFORE = /\brecommended\s*$/i;
const DOSE_AFTER = /^\s*\(?\s*dose\b(?!\s+escalation)/i;
/** "a Phase I portion", "the Phase 2 part": one part of the trial, which may have others. */
const PART_AFTER = /^\s*(?:portion|part|stage|cohort)\b/i;

const NUMERAL_PHASE: Readonly<Record<string, Phase>> = { '0': 'early-1', '1': '1', i: '1', '2': '2', ii: '2', '3': '3', iii: '3', '4': '4', iv: '4' };
const ORDER: readonly Phase[] = ['early-1', '1', '2', '3', '4'];

/** The first sentence of a summary: up to the first full stop before a capital letter, at most 600 characters. */
function firstSentence(text: string): string {
  const [first = ''] = text.slice(0, 600).split(/(?<=[.!?])\s+(?=[A-Z(])/);
  return first;
}

function phasesIn(text: string): Phase[] {
  const found: Phase[] = [];
  for (const match of text.matchAll(MENTION)) {
    const before = text.slice(0, match.index);
    const after = text.slice(match.index + match[0].length);
    if (RECOMMENDED_BEFORE.test(before) || DOSE_AFTER.test(after) || PART_AFTER.test(after)) continue;
    if (match[1] !== undefined) {
      found.push('early-1');
      continue;
    }
    // "Ia/b" and "1/1b" repeat a numeral with another part letter: the letters say nothing about the phase.
    for (const part of (match[2] ?? '').toLowerCase().split(/\s*(?:\/|-|and|or|to)\s*(?:phase\s+)?/)) {
      const phase = ownValue(NUMERAL_PHASE, part.replace(/(?<=\d|i|v)[ab]$/, ''));
      if (phase !== undefined) found.push(phase);
    }
  }
  return found;
}

/** The phases a record's title or summary names, in phase order; empty when neither names one. */
export function phasesFromText(title: string | null, summary: string | null): Phase[] {
  const found = new Set([...phasesIn(title ?? ''), ...phasesIn(firstSentence(summary ?? ''))]);
  return ORDER.filter((phase) => found.has(phase));
}
