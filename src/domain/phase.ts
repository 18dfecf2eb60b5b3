import type { Phase } from './trial.ts';
import { ownValue } from './own-key.ts';

/**
 * Reads phases from any registry spelling: CT.gov v2 enums ("PHASE1", "EARLY_PHASE1", "NA"),
 * legacy XML ("Phase 1/Phase 2", "Early Phase 1", "N/A"), NCI ("I_II", "II", "NA", "O").
 * Returns them de-duplicated in phase order.
 */
export function parsePhases(raw: string | readonly string[] | null | undefined): Phase[] {
  if (raw == null) return [];
  const parts = (typeof raw === 'string' ? [raw] : raw).flatMap((value) =>
    value
      .toUpperCase()
      .replace(/N\/A/g, ' NA ')
      .replace(/EARLY[\s_]*PHASE[\s_]*1|EARLY[\s_]*PHASE[\s_]*I\b|PHASE[\s_]*0|^0$/g, ' EARLY1 ')
      .replace(/PHASE/g, ' ')
      .split(/[\s/_,|-]+/)
      .filter((part) => part !== ''),
  );
  const found = new Set<Phase>();
  for (const part of parts) {
    const phase = ownValue(PHASE_WORDS, part);
    if (phase) found.add(phase);
  }
  return ORDER.filter((phase) => found.has(phase));
}

const PHASE_WORDS: Readonly<Record<string, Phase>> = {
  EARLY1: 'early-1',
  '1': '1',
  I: '1',
  '2': '2',
  II: '2',
  '3': '3',
  III: '3',
  '4': '4',
  IV: '4',
  NA: 'not-applicable',
  'N/A': 'not-applicable',
  // NCI writes phase 0 as the letter O; CT.gov calls phase 0 "Early Phase 1".
  O: 'early-1',
};

const ORDER: readonly Phase[] = ['early-1', '1', '2', '3', '4', 'not-applicable'];
