/**
 * Splits a ClinicalTrials.gov-style eligibility text into its items, each with its section (inclusion or
 * exclusion), its sub-heading and the lead-in of the list it belongs to. It reads list markers (-, *, •, 1., 1),
 * (a), i.), indentation and marker changes for nesting, headings in their many forms (criteria-headings.json), and
 * text that lost its markers (run-on.ts). Nothing of the input's words is dropped but headings and list markers.
 */
import vocab from './criteria-headings.json' with { type: 'json' };
import type { Section } from './criterion.ts';
import { headingWords, isBareLeadIn, isKnownLabel, ITEM_OPENERS, ITEM_STARTS_NOT, sectionHeading, splitInlineLabels } from './criteria-headings.ts';
import { inlineEnumeration, itemGoesOn, negatedLeadOnly, splitFlattenedList, splitSentences } from './run-on.ts';

/** An item before its concepts are read. */
export interface SplitCriterion {
  readonly section: Section;
  readonly text: string;
  readonly heading: string | null;
  readonly parent: string | null;
  readonly anyOf: number | null;
  /**
   * The `anyOf` group is a guess: the whole run-on "DISEASE CHARACTERISTICS" section, read as alternatives because
   * its lost bullets leave no other sign of which items were (see disjunctiveBlocks).
   */
  readonly guessedAnyOf: boolean;
  readonly permissive: boolean;
  /**
   * A piece of an NCI "DISEASE CHARACTERISTICS" section run on into one paragraph, not read as alternatives: which
   * items sat under which disease is lost with the bullets (parse-criteria.ts puts it back where it can).
   */
  readonly runOnDisease?: boolean;
}

type MarkerKind = 'bullet' | 'number' | 'lower' | 'upper' | 'roman';

interface Line {
  /** Leading spaces (a tab counts four), plus {@link DOUBLE_STAR_DEPTH} for a "**" bullet. */
  readonly indent: number;
  readonly marker: MarkerKind | null;
  readonly text: string;
  /** A blank line came before it. */
  readonly afterBlank: boolean;
}

const MARKER = /^(?:(\*\*|[-*•·▪◦‣➢►o])|(\d{1,2})[.)]|\((\d{1,2})\)|([a-z])[.)]|\(([a-z])\)|([A-Z])[.)]|([ivx]{1,4})[.)]|\(([ivx]{1,4})\))\s+/;

/** How much further in than its indent a "**" bullet counts: under one space, so real indentation still decides. */
const DOUBLE_STAR_DEPTH = 0.5;

function markerOf(match: RegExpExecArray): MarkerKind {
  if (match[1] !== undefined) return 'bullet';
  if (match[2] !== undefined || match[3] !== undefined) return 'number';
  if (match[7] !== undefined || match[8] !== undefined) return (match[7] ?? match[8]) === 'i' || (match[7] ?? match[8] ?? '').length > 1 ? 'roman' : 'lower';
  if (match[6] !== undefined) return 'upper';
  return 'lower';
}

function readLines(text: string): Line[] {
  const lines: Line[] = [];
  let afterBlank = false;
  // CT.gov API v2 text is Markdown: "\>" is ">". Unescaping touches no letter or digit.
  for (const raw of text.replace(/\\([<>*_~[\]()#+.\-=|])/g, '$1').split(/\r?\n/)) {
    const expanded = raw.replace(/\t/g, '    ');
    const body = expanded.trim();
    if (body === '') {
      afterBlank = true;
      continue;
    }
    const match = MARKER.exec(body);
    // "o" is a bullet only before a capital or a digit ("o Age 18" but not "o-toluidine").
    const isMarker = match !== null && !(match[1] === 'o' && !/^o\s+[A-Z0-9]/.test(body));
    // A "**" bullet is a level below a "*" bullet written at the same indent (NCI's "* Cohort A" then "** B-cell
    // phenotype"): it counts as indented a little further, less than any real space, so a "*" bullet after it
    // closes it as it would a deeper item.
    const deeper = isMarker && match[1] === '**' ? DOUBLE_STAR_DEPTH : 0;
    lines.push({
      indent: expanded.length - expanded.trimStart().length + deeper,
      marker: isMarker ? markerOf(match) : null,
      text: isMarker ? body.slice(match[0].length).trim() : body,
      afterBlank,
    });
    afterBlank = false;
  }
  return lines;
}

interface Node {
  text: string;
  readonly indent: number;
  readonly marker: MarkerKind | null;
  readonly section: Section;
  readonly heading: string | null;
  readonly permissive: boolean;
  /** Which section heading it sits under (counted from 1; 0 before any heading). */
  readonly block: number;
  readonly parent: Node | null;
  children: number;
  /** It comes from run-on NCI text, whose list markers were lost. */
  readonly runOn?: boolean;
}

/** Items that say nothing ("Not specified", "See Disease Characteristics"): dropped. */
const NO_CONTENT = new RegExp(`^(?:${vocab.emptyItems.join('|')})[.]?$`, 'i');
const ONE_OF = /\b(?:one|1|any|either|at least one|at least 1)\s+(?:\(\d\)\s+)?of\b|\beither\b|\bone or more of\b/i;
/**
 * "The following diseases will be permitted although other diagnoses can be considered ...": a list of diseases the
 * trial takes, one of which the person has.
 */
const DISEASES_TAKEN = /\bthe following\s+(?:diseases|diagnoses|malignancies|disorders|cancers|conditions)\s+(?:will\s+be\s+|are\s+|may\s+be\s+)?(?:permitted|eligible|allowed|accepted|included)\b|^\W*(?:diseases|diagnoses|malignancies)\s+(?:to\s+be\s+)?(?:included|eligible|permitted|allowed|accepted)\s*:|^\W*eligible\s+(?:diseases|diagnoses|malignancies)\s*:/i;
/** "No prior therapy with any of the following:" forbids each item: they are not alternatives. */
const NEGATED_LEAD = /^(?:no|not|none|without)\b|\b(?:must not|may not|cannot|should not|have not|has not|no prior)\b/i;
/** The start of a heading's sentence left at the end of the line before it: "The following leukemias are" (then "excluded:"). */
const FOLLOWING_ARE = /(?:^|\s)the following\s+[\w\s-]{0,40}?\b(?:are|is)\s*$/i;
/** An item that hands over to the next: "..., or", "... OR". */
const ENDS_WITH_OR = /(?:^|[\s,;])(?:or|and\/or)\s*[,;:.]?\s*$/i;
/** "No other malignancy except:", "... except for the following:" (not "except vincristine Endocrine therapy:"). */
/** The NCI PDQ section that lists the diseases a trial takes. */
const DISEASE_BLOCK = /^\W*disease characteristics\b/i;
/** Capital "OR" between requirements, or "1 of the following", in run-on NCI text. */
const RUN_ON_ALTERNATIVES = /\bOR\b|\b(?:1|[Oo]ne|[Aa]ny) of the following\b/;
const EXCEPT_LEAD = /\b(?:except|other than|with the exception of|excluding|unless)\b(?:\s+(?:for|of|in|the|following|as|below|these|those|listed|patients|with))*\s*:\s*$/i;

/**
 * Reads the items of an eligibility text. Headings set the section (inclusion until an exclusion heading; the
 * old NCI headings "DISEASE CHARACTERISTICS", "PATIENT CHARACTERISTICS" and "PRIOR CONCURRENT THERAPY" are
 * inclusion) and sub-headings ("Hepatic:") the context. A list item that ends with a colon and has items under it
 * is their lead-in: it becomes their `parent`, and is an item itself only when it says more than "must have one
 * of the following:". A lead-in whose children are exceptions ("No other malignancy except:") is joined with them
 * into one item instead.
 */
export function splitCriteria(text: string | null): SplitCriterion[] {
  if (text === null || text.trim() === '') return [];
  let section: Section = 'inclusion';
  let permissive = false;
  let nci = false;
  let block = 0;
  const diseaseBlocks = new Set<number>();
  let heading: string | null = null;
  const nodes: Node[] = [];
  let stack: Node[] = [];

  const push = (node: Node): void => {
    nodes.push(node);
    if (node.parent !== null) node.parent.children += 1;
  };
  const paragraph = (body: string, indent: number, parent: Node | null): void => {
    for (const piece of splitInlineLabels(body)) {
      if (piece.label !== null) {
        const opened = sectionHeading(piece.label);
        if (opened !== null) ({ section, permissive } = opened);
        heading = piece.label;
      }
      const enumeration = inlineEnumeration(piece.text);
      if (enumeration !== null && enumeration.lead !== '') {
        const lead: Node = { text: enumeration.lead, indent, marker: null, section, heading, permissive, block, parent, children: 0 };
        push(lead);
        const items = [...enumeration.items];
        // The last item runs to the end of its sentence; what follows is ordinary text again.
        const [lastItem = '', ...after] = splitSentences(items.pop() ?? '');
        for (const item of [...items, lastItem]) push({ text: item, indent: indent + 1, marker: 'number', section, heading, permissive, block, parent: lead, children: 0 });
        for (const sentence of after.flatMap((s) => (nci ? splitFlattenedList(s) : [s]))) push({ text: sentence, indent, marker: null, section, heading, permissive, block, parent, children: 0 });
        continue;
      }
      const sentences = splitSentences(piece.text).flatMap((sentence) => (nci ? splitFlattenedList(sentence) : [sentence]));
      for (const sentence of sentences.filter((s) => !NO_CONTENT.test(s))) push({ text: sentence, indent, marker: null, section, heading, permissive, block, parent, children: 0, runOn: nci });
    }
  };

  for (const line of readLines(text)) {
    // "... meeting 1 of the following" then "criteria:": one lower-case word wrapped from an unfinished item is its
    // end, not the criteria's heading.
    const wrappedWord = /^[a-z][\w-]*:$/.test(line.text) && !line.afterBlank && nodes.length > 0 && !/[.;:]$/.test(nodes.at(-1)?.text ?? '.');
    const whole = sectionHeading(line.text);
    const colon = whole === null ? /^(.{3,110}?):\s*(.*)$/.exec(line.text) : null;
    const opened = wrappedWord ? null : whole ?? (colon !== null ? sectionHeading(colon[1] ?? '') : null);
    if (opened !== null) {
      // "... The following leukemias are" then "excluded: Blast crisis of ...": the words before the heading only
      // led into it.
      const last = nodes.at(-1);
      if (last !== undefined && FOLLOWING_ARE.test(last.text)) {
        last.text = last.text.replace(FOLLOWING_ARE, '').trim();
        if (last.text === '') nodes.pop();
      }
      ({ section, permissive, nci } = opened);
      block += 1;
      if (DISEASE_BLOCK.test(colon?.[1] ?? line.text)) diseaseBlocks.add(block);
      // "Excluded within 30 days of study entry:" is context for its items as well as a section; so is "Donors:",
      // whose items are about someone else (parse-criteria.ts reads none of them).
      heading = /\bwithin\b/i.test(line.text) || /^\W*donors?\b/i.test(line.text) ? headingWords(colon?.[1] ?? line.text) : null;
      stack = [];
      const rest = colon?.[2] ?? '';
      if (rest !== '') paragraph(rest, line.indent, null);
      continue;
    }
    const last = nodes.at(-1);
    // "-  ... T-cell acute lymphoblastic leukemia or" then "   T-cell lymphoblastic lymphoma": a line without a
    // marker, indented past the marker of the item above, is that item's text wrapped at a fixed width.
    const hanging = last !== undefined && last.marker !== null && line.marker === null && line.indent > last.indent;
    // "-  Histologic evidence of one of the following malignancies that has failed conventional" then
    // "therapy:": such a line, or a lower-case one, that finishes an unfinished item is its end, not a sub-heading.
    const finishesLast = last !== undefined && !line.afterBlank && (/^[a-z(]/.test(line.text) || hanging) && !/[.;:]$/.test(last.text);
    if (line.marker === null && !finishesLast && isSubheading(line.text)) {
      stack = [];
      if (ONE_OF.test(line.text) || EXCEPT_LEAD.test(line.text) || DISEASES_TAKEN.test(line.text)) {
        // "Patients must have one of the following:" leads the list below it, as a marked lead-in would.
        const lead: Node = { text: line.text, indent: line.indent - 1, marker: null, section, heading, permissive, block, parent: null, children: 0 };
        push(lead);
        stack = [lead];
      } else heading = headingWords(line.text);
      continue;
    }
    if (line.marker === null) {
      // "... an ECOG performance status of" then "2 or better.": a line after one that stops on a word no item ends
      // on goes on with it.
      const wrapped = /^[a-z(]/.test(line.text) || hanging || (nci && last !== undefined && wrappedRunOn(last, line.text, heading))
        || (last !== undefined && last.marker === null && OPEN_END.test(last.text));
      // "... except for the following: adequately treated basal cell ... skin cancer; in situ cervical cancer;" then
      // "adequately treated stage I or II cancer ...": a list of exceptions goes on over a line that ends in ";".
      const exceptionsGoOn = last !== undefined && /^[a-z]/.test(line.text) && /;\s*$/.test(last.text) && /\bexcept\b[^:]*:/i.test(last.text);
      if (last !== undefined && !line.afterBlank && wrapped && (!/[.;:]$/.test(last.text) || exceptionsGoOn)) {
        // A wrapped line goes on with the item above up to its first inline sub-heading ("... vincristine
        // Endocrine therapy: Prior corticosteroids allowed"); in run-on NCI text, new items may start in it too.
        const pieces = splitInlineLabels(line.text);
        const head = pieces[0]?.label === null ? (pieces[0]?.text ?? '') : '';
        // Only run-on text lost its bullets: a marked item's wrapped lines are that item's words.
        const parts = nci && last.runOn === true ? splitFlattenedList(`${last.text} ${head}`.trim()) : [`${last.text} ${head}`.trim()];
        last.text = parts[0] ?? last.text;
        for (const part of parts.slice(1)) push({ ...last, text: part, marker: null, children: 0, runOn: nci });
        const firstLabel = pieces.find((piece) => piece.label !== null)?.label;
        if (firstLabel != null) paragraph(line.text.slice(line.text.indexOf(`${firstLabel}:`)), line.indent, null);
        continue;
      }
      // "NOTE: infection with HIV ... is sufficient to meet this criterion" between the items of a list is a remark
      // on the list, which goes on after it.
      const note = /^\W*note\b/i.test(line.text);
      if (note) {
        paragraph(line.text, line.indent, null);
        continue;
      }
      stack = [];
      const before = nodes.length;
      paragraph(line.text, line.indent, null);
      // "Acute Myelogenous Leukemia, Age 18-75" on a line of its own, then "1. In CR #1, 2, or 3" indented below it:
      // an unmarked one-phrase line heads the marked items indented under it, as a marked item would.
      const only = nodes.length === before + 1 ? nodes.at(-1) : undefined;
      if (only !== undefined && !nci && !/[.;]\s*$/.test(only.text)) stack = [only];
      continue;
    }
    while (stack.length > 0) {
      const top = stack.at(-1) as Node;
      if (top.indent > line.indent || (top.marker === null && top.indent >= line.indent)) stack.pop();
      else if (top.indent === line.indent && (top.marker === line.marker || stack.some((n) => n.indent === line.indent && n.marker === line.marker))) {
        stack.pop();
        if (top.marker === line.marker) break;
      } else break;
    }
    const parent = stack.at(-1) ?? null;
    if (NO_CONTENT.test(line.text)) continue;
    const node: Node = { text: line.text, indent: line.indent, marker: line.marker, section, heading, permissive, block, parent, children: 0 };
    push(node);
    stack.push(node);
  }
  return emit(joinRunOnLists(nodes), diseaseBlocks);
}

/** A run-on item ending in a colon that introduces examples or exceptions: "such as:", "except curatively treated:". */
const RUN_ON_LEAD = /(?:\b(?:following|such as|including|e\.g\.)\b[^:]*|\b(?:except|other than|with the exception of|excluding|unless)\b[^:]*):(?:\s*[^:]{0,60})?$/i;
/** At most this many run-on pieces are taken into one list: a lost bullet list is short. */
const RUN_ON_LIST_MAX = 6;

/**
 * In run-on NCI text the bullets under "… except curatively treated:" or "… with any of the following features:"
 * are lost, and the cutter makes each a separate item ("Basal cell skin cancer"). They are joined back to the item
 * that introduced them, up to the next piece that starts a requirement ("No …", "Patients …") or another sub-heading.
 */
function joinRunOnLists(nodes: readonly Node[]): Node[] {
  const out: Node[] = [];
  let lead: Node | null = null;
  let taken = 0;
  for (const node of nodes) {
    const firstWord = /^[A-Za-z]+/.exec(node.text)?.[0] ?? '';
    const continues = lead !== null && node.runOn === true && node.marker === null && node.heading === lead.heading && node.block === lead.block
      && node.children === 0 && taken < RUN_ON_LIST_MAX && !ITEM_OPENERS.has(firstWord)
      // A piece with a lead-in of its own ("Neutropenia defined as either: ANC ...") starts the next requirement.
      && !node.text.includes(':');
    if (continues && lead !== null) {
      lead.text = `${lead.text}\n${node.text}`;
      taken += 1;
      if (/[.;]\s*$/.test(node.text)) lead = null;
      continue;
    }
    out.push(node);
    lead = node.runOn === true && node.children === 0 && RUN_ON_LEAD.test(node.text) ? node : null;
    taken = 0;
  }
  return out;
}

/** Words an item cannot end on: a line that stops after one was wrapped. */
const OPEN_END = /\b(?:of|or|and|nor|with|without|to|the|a|an|for|in|than|by|at|from|as|per|not|no|non)$/i;

/**
 * Run-on NCI text is wrapped at a fixed width, so a line break may fall inside an item: "... within" then "4-6
 * weeks of enrollment", "... See Disease" then "Characteristics". A line goes on with the item above when it
 * starts with no letter (a number, a quote), with a capitalised word that rarely opens an item, or after a word no
 * item ends on; a line that starts with another capitalised word opens a new item, as the line break is the only
 * sign left of the lost bullet ("No active hepatitis B or C" then "Bilirubin ..."). Never across a sub-heading.
 */
function wrappedRunOn(last: Node, line: string, heading: string | null): boolean {
  if (last.runOn !== true || last.heading !== heading) return false;
  const first = /^[A-Za-z][\w'-]*/.exec(line)?.[0];
  // "No known AIDS," then "HIV-associated complex, ...": a list cut by the line break after its comma.
  return first === undefined || ITEM_STARTS_NOT.has(first) || OPEN_END.test(last.text) || /,\s*$/.test(last.text) || itemGoesOn(last.text) || negatedLeadOnly(last.text, first);
}

/** An unmarked short line ending in a colon, such as "Hepatic:" or "Prior Medication: Excluded within 30 days:". */
function isSubheading(line: string): boolean {
  if (isKnownLabel(line)) return true;
  return /:\s*$/.test(line) && line.split(/\s+/).length <= 12 && !/[.;]\s/.test(line);
}

/**
 * The blocks (see Node.block) of an NCI "DISEASE CHARACTERISTICS" section whose run-on text joins its items with a
 * capital "OR" or "1 of the following": the tree of alternatives is lost with the bullets, so the section's items
 * are read as alternatives of one another (meeting one is enough; failing needs every one to fail).
 */
function disjunctiveBlocks(nodes: readonly Node[], diseaseBlocks: ReadonlySet<number>): Set<number> {
  const out = new Set<number>();
  for (const node of nodes) if (diseaseBlocks.has(node.block) && node.section === 'inclusion' && node.runOn === true && RUN_ON_ALTERNATIVES.test(ownWords(node.text))) out.add(node.block);
  return out;
}

/**
 * A run-on item's words less the list it took back in (joinRunOnLists): "B cell lymphoma of one of the following
 * types:" with its types on the lines below is an item's own list of alternatives, not a sign that the section's
 * items are alternatives of one another.
 */
function ownWords(text: string): string {
  const firstLine = text.indexOf('\n');
  return firstLine < 0 ? text : text.slice(0, firstLine).replace(/\b(?:1|one|any) of the following\b[^:]*:?\s*[^:]*$/i, '');
}

function emit(nodes: readonly Node[], diseaseBlocks: ReadonlySet<number>): SplitCriterion[] {
  const out: SplitCriterion[] = [];
  const groupOf = new Map<Node | number, number>();
  const alternativeBlocks = disjunctiveBlocks(nodes, diseaseBlocks);
  let previous: Node | null = null;
  for (const node of nodes) {
    const lead = node.children > 0 && /:\s*$/.test(node.text);
    if (lead && EXCEPT_LEAD.test(node.text)) continue; // written out with its exceptions below
    if (node.parent !== null && EXCEPT_LEAD.test(node.parent.text) && node.parent.children > 0) {
      const parentItem = out.find((item) => item.text.startsWith(node.parent?.text ?? '\u0000'));
      if (parentItem !== undefined) {
        out[out.indexOf(parentItem)] = { ...parentItem, text: `${parentItem.text}\n${node.text}` };
      } else {
        out.push(item(node, node.parent.text.concat('\n', node.text), node.parent.parent, null));
      }
      continue;
    }
    if (lead && isBareLeadIn(node.text)) continue;
    let anyOf: number | null = null;
    if (node.parent !== null && node.section === 'inclusion' && (ONE_OF.test(node.parent.text) || DISEASES_TAKEN.test(node.parent.text)) && !NEGATED_LEAD.test(node.parent.text)) {
      if (!groupOf.has(node.parent)) groupOf.set(node.parent, groupOf.size);
      anyOf = groupOf.get(node.parent) ?? null;
    } else if (node.section === 'inclusion' && (ENDS_WITH_OR.test(node.text) || (previous !== null && previous.parent === node.parent && ENDS_WITH_OR.test(previous.text)))) {
      // "Recurred more than once, or" / "Philadelphia chromosome positive OR": the next sibling is an alternative.
      const key: Node = previous !== null && previous.parent === node.parent && ENDS_WITH_OR.test(previous.text) ? previous : node;
      if (!groupOf.has(key)) groupOf.set(key, groupOf.size);
      anyOf = groupOf.get(key) ?? null;
      if (key !== node && ENDS_WITH_OR.test(node.text)) groupOf.set(node, anyOf ?? 0);
    }
    const guessed = anyOf === null && node.section === 'inclusion' && node.runOn === true && alternativeBlocks.has(node.block);
    if (guessed) {
      if (!groupOf.has(node.block)) groupOf.set(node.block, groupOf.size);
      anyOf = groupOf.get(node.block) ?? null;
    }
    previous = node;
    const runOnDisease = !guessed && node.parent === null && node.section === 'inclusion' && node.runOn === true && diseaseBlocks.has(node.block);
    out.push(runOnDisease ? { ...item(node, node.text, node.parent, anyOf, guessed), runOnDisease } : item(node, node.text, node.parent, anyOf, guessed));
  }
  return out;
}

function item(node: Node, text: string, parent: Node | null, anyOf: number | null, guessedAnyOf = false): SplitCriterion {
  const lead = parent === null ? null : ancestry(parent);
  return { section: node.section, text, heading: node.heading, parent: lead, anyOf, guessedAnyOf, permissive: node.permissive };
}

/** The lead-ins above an item, outermost first: "Meets 1 of the following: Relapsed disease after:". */
function ancestry(node: Node): string {
  const texts: string[] = [];
  for (let at: Node | null = node; at !== null; at = at.parent) texts.unshift(at.text);
  return texts.join(' ');
}
