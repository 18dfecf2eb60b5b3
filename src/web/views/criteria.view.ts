/**
 * "Who can take part" as lists: a trial's inclusion and exclusion criteria as the domain parser reads them
 * (`parseCriteria`, src/domain/eligibility/), in the registry's own words and nesting. Sub-headings ("Hepatic:")
 * label their items, a lead-in ("Patients must have one of the following:") holds the items under it, and an
 * item with exceptions lists them under its first line. Glossary words are marked as they are everywhere else.
 */
import type { Criterion, Section } from '../../domain/eligibility/criterion.ts';
import type { GlossaryMarker } from '../glossary.ts';
import { html } from '../html.ts';
import type { Html } from '../html.ts';

/** One list item: the criterion's words and the items nested under it. */
interface CriterionNode {
  readonly text: string;
  /** The lead-ins above it and its own words, as the parser writes an item's `parent`. */
  readonly path: string;
  readonly children: CriterionNode[];
}

/** A run of items under one sub-heading (or none). */
interface HeadingGroup {
  readonly heading: string | null;
  readonly items: CriterionNode[];
}

/**
 * Builds the nesting back from each item's `parent` (the lead-ins above it, outermost first). A lead-in that the
 * parser kept as an item of its own becomes the parent item; a bare one ("must have one of the following:") is
 * not an item, so it is added here, under the longest item whose words it starts with.
 */
function nest(items: readonly Criterion[]): CriterionNode[] {
  const roots: CriterionNode[] = [];
  const byPath = new Map<string, CriterionNode>();
  const leadFor = (path: string): CriterionNode => {
    const known = byPath.get(path);
    if (known !== undefined) return known;
    let owner: CriterionNode | null = null;
    for (const [ownerPath, node] of byPath) {
      if (path.startsWith(`${ownerPath} `) && (owner === null || ownerPath.length > owner.path.length)) owner = node;
    }
    const lead: CriterionNode = { text: owner === null ? path : path.slice(owner.path.length + 1), path, children: [] };
    (owner?.children ?? roots).push(lead);
    byPath.set(path, lead);
    return lead;
  };
  for (const item of items) {
    const node: CriterionNode = { text: item.text, path: item.parent === null ? item.text : `${item.parent} ${item.text}`, children: [] };
    (item.parent === null ? roots : leadFor(item.parent).children).push(node);
    if (!byPath.has(node.path)) byPath.set(node.path, node);
  }
  return roots;
}

/** Consecutive items under the same sub-heading, in the registry's order. */
function byHeading(items: readonly Criterion[]): HeadingGroup[] {
  const runs: { heading: string | null; items: Criterion[] }[] = [];
  for (const item of items) {
    const last = runs.at(-1);
    if (last !== undefined && last.heading === item.heading) last.items.push(item);
    else runs.push({ heading: item.heading, items: [item] });
  }
  return runs.map((run) => ({ heading: run.heading, items: nest(run.items) }));
}

function renderNode(node: CriterionNode, marker: GlossaryMarker): Html {
  // "No other cancer except:" with its exceptions on the lines below: the first line, then the exceptions as a list.
  const [first = '', ...more] = node.text.split('\n').filter((line) => line.trim() !== '');
  const nested = [...more.map((line) => html`<li>${marker.mark(line)}</li>`), ...node.children.map((child) => renderNode(child, marker))];
  return html`<li>${marker.mark(first)}${nested.length > 0 && html`<ul>${nested}</ul>`}</li>`;
}

function renderGroup(group: HeadingGroup, marker: GlossaryMarker): Html | Html[] {
  const items = group.items.map((node) => renderNode(node, marker));
  if (group.heading === null) return items;
  // A one-item group reads as one line ("Age: 18 and over"); a longer one labels a list of its own.
  const only = group.items.length === 1 ? group.items[0] : undefined;
  if (only !== undefined && only.children.length === 0 && !only.text.includes('\n')) {
    return html`<li><span class="criteria-label">${group.heading}:</span> ${marker.mark(only.text)}</li>`;
  }
  return html`<li><span class="criteria-label">${group.heading}:</span><ul>${items}</ul></li>`;
}

/** One section's criteria as a list, or null when the trial's text has none in that section. */
export function renderCriteriaList(criteria: readonly Criterion[], section: Section, marker: GlossaryMarker): Html | null {
  const items = criteria.filter((criterion) => criterion.section === section);
  if (items.length === 0) return null;
  return html`<ul class="criteria">${byHeading(items).map((group) => renderGroup(group, marker))}</ul>`;
}
