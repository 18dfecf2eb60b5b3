import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { escapeHtml, html, unsafeRaw } from './html.ts';

describe('html', () => {
  it('escapes interpolated text by default, in content and attributes', () => {
    const evil = `<script>alert("x")</script>' onmouseover='x`;
    const out = html`<a title="${evil}">${evil}</a>`.text;
    assert.equal(out.includes('<script>'), false);
    assert.equal(out.includes(`"x"`), false);
    assert.equal(out.includes("' onmouseover"), false);
    assert.match(out, /^<a title="&lt;script&gt;alert\(&quot;x&quot;\)&lt;\/script&gt;&#39; onmouseover=&#39;x">/);
  });

  it('does not escape nested templates twice, and joins arrays', () => {
    const items = ['a&b', 'c'].map((item) => html`<li>${item}</li>`);
    assert.equal(html`<ul>${items}</ul>`.text, '<ul><li>a&amp;b</li><li>c</li></ul>');
  });

  it('renders nothing for null, undefined and false, and numbers as text', () => {
    assert.equal(html`${null}${undefined}${false}${0}${12.5}`.text, '012.5');
  });

  it('passes unsafeRaw through untouched', () => {
    assert.equal(html`${unsafeRaw('<br>')}`.text, '<br>');
  });

  it('never lets a markup character through escapeHtml', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        assert.doesNotMatch(escapeHtml(text), /[<>"']/);
        assert.equal(
          escapeHtml(text).replace(/&(lt|gt|quot|#39|amp);/g, (_m, name: string) => ({ lt: '<', gt: '>', quot: '"', '#39': "'", amp: '&' })[name] ?? ''),
          text,
        );
      }),
    );
  });
});
