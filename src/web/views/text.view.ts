/** Registry text as paragraphs, with glossary words marked. */
import { html } from '../html.ts';
import type { Html } from '../html.ts';
import type { GlossaryMarker } from '../glossary.ts';

/** Blank lines divide paragraphs; registries wrap lines inside them at will, so single breaks become spaces. */
export function paragraphs(text: string | null, marker: GlossaryMarker): Html[] {
  if (text === null) return [];
  return text
    .split(/\n\s*\n/)
    .map((part) => part.replace(/\s+/g, ' ').trim())
    .filter((part) => part !== '')
    .map((part) => html`<p>${marker.mark(part)}</p>`);
}
