import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InvalidInput } from '../errors.ts';
import { checkText, checkTitle, looksLikeMarkup, plainWords, textBlocks } from './summary-text.ts';

describe('editorial text', () => {
  it('reads paragraphs divided by blank lines and lists of "- " or "* " lines, joining wrapped lines', () => {
    const text = 'This trial tests\na new drug.\n\nYou may join if:\n- you are 18 or over\n  and well enough\n* your ALL came back\n\nLast words.';
    assert.deepEqual(textBlocks(text), [
      { kind: 'paragraph', text: 'This trial tests a new drug.' },
      { kind: 'paragraph', text: 'You may join if:' },
      { kind: 'list', items: ['you are 18 or over and well enough', 'your ALL came back'] },
      { kind: 'paragraph', text: 'Last words.' },
    ]);
  });

  it('keeps markup as text: it is only ever escaped where shown', () => {
    const text = '<script>alert(1)</script>\n\n- <b>bold</b>';
    assert.deepEqual(textBlocks(text), [
      { kind: 'paragraph', text: '<script>alert(1)</script>' },
      { kind: 'list', items: ['<b>bold</b>'] },
    ]);
    assert.equal(checkText(text), text);
    assert.equal(looksLikeMarkup(text), true);
    assert.equal(looksLikeMarkup('Ages 18 < 65 and > 16'), false);
  });

  it('normalises line endings and trailing space, and refuses empty, overlong or control-character text', () => {
    assert.equal(checkText('\r\n  One.  \r\n\r\nTwo.\r\n\r\n'), '  One.\n\nTwo.');
    assert.throws(() => checkText(' \n\n '), InvalidInput);
    assert.throws(() => checkText('x'.repeat(6001)), /at most 6000 characters/);
    assert.throws(() => checkText('bell\u0007'), /control characters/);
    assert.equal(checkText('tab\tok'), 'tab\tok');
    assert.equal(checkTitle('  Research   into ALL '), 'Research into ALL');
    assert.throws(() => checkTitle(''), /Give the page a title/);
  });

  it('ends each list item as a sentence for readability', () => {
    assert.equal(plainWords('Join if:\n- you are 18\n- you are well.'), 'Join if:\n\nyou are 18.\nyou are well.');
  });
});
