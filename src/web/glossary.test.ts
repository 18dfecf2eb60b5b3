import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GLOSSARY, GlossaryMarker } from './glossary.ts';

const REQUIRED = [
  'remission',
  'refractory',
  'relapse',
  'allogeneic',
  'graft-versus-host-disease',
  'philadelphia-chromosome',
  'minimal-residual-disease',
  'phase',
  'randomised',
  'placebo',
  'standard-treatment',
];

describe('glossary', () => {
  it('defines the words the charity asks for, each once, with unique spellings', () => {
    const ids = GLOSSARY.map((term) => term.id);
    for (const id of REQUIRED) assert.ok(ids.includes(id), id);
    assert.equal(new Set(ids).size, ids.length);
    const spellings = GLOSSARY.flatMap((term) => term.matches.map((spelling) => spelling.toLowerCase()));
    assert.equal(new Set(spellings).size, spellings.length);
    for (const term of GLOSSARY) assert.ok(term.definition.length > 20, term.id);
  });

  it('links the first mention of each term, escapes the rest of the text, and lists what it found', () => {
    const marker = new GlossaryMarker((term) => `#g-${term.id}`);
    const out = marker.mark('Relapsed or refractory <B-ALL>; relapsed again, Ph+ disease in remission.').text;
    assert.equal(
      out,
      '<a class="term" href="#g-relapse">Relapsed</a> or <a class="term" href="#g-refractory">refractory</a> ' +
        '&lt;B-ALL&gt;; relapsed again, <a class="term" href="#g-philadelphia-chromosome">Ph+</a> disease in ' +
        '<a class="term" href="#g-remission">remission</a>.',
    );
    assert.deepEqual(marker.found.map((term) => term.id), ['relapse', 'refractory', 'philadelphia-chromosome', 'remission']);
    // A later text on the same page does not mark a term again.
    assert.equal(marker.mark('Still refractory.').text, 'Still refractory.');
  });

  it('does not mark a term inside a longer word', () => {
    const marker = new GlossaryMarker((term) => term.id);
    assert.equal(marker.mark('A phased rollout; preplacebo.').text, 'A phased rollout; preplacebo.');
  });
});
