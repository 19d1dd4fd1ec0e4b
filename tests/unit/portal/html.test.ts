import { describe, expect, it } from 'vitest';
import { escapeHtml, html, safeUrl, trustedHtml } from '../../../shared/portal/html.ts';

describe('html``', () => {
  it('escapes interpolated text, so a script tag stays text', () => {
    const name = '<script>alert("x")</script>';
    expect(html`<p>${name}</p>`.value).toBe('<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</p>');
  });

  it('escapes quotes, so a value cannot break out of its attribute', () => {
    const value = `" autofocus onfocus="alert(1)`;
    const single = `' onmouseover='alert(1)`;
    // Prettier would rewrite the single-quoted attribute this test is about.
    // prettier-ignore
    const out = html`<input value="${value}"><input value='${single}'>`.value;
    expect(out).toBe(
      '<input value="&quot; autofocus onfocus=&quot;alert(1)"><input value=\'&#39; onmouseover=&#39;alert(1)\'>',
    );
  });

  it('keeps nested fragments as markup and escapes the text inside them', () => {
    const items = ['a&b', '<i>'];
    // The exact output is compared: no reflowed whitespace.
    // prettier-ignore
    const list = html`<ul>${items.map((i) => html`<li>${i}</li>`)}</ul>`;
    expect(list.value).toBe('<ul><li>a&amp;b</li><li>&lt;i&gt;</li></ul>');
  });

  it('renders nothing for null, undefined and false, and numbers as text', () => {
    expect(html`${null}${undefined}${false}${0}${'x'}`.value).toBe('0x');
  });

  it('trusts markup only when asked to', () => {
    expect(html`${trustedHtml('<b>ok</b>')}`.value).toBe('<b>ok</b>');
    expect(html`${'<b>no</b>'}`.value).toBe('&lt;b&gt;no&lt;/b&gt;');
  });

  it('escapes every character that matters in HTML', () => {
    expect(escapeHtml(`&<>"'\``)).toBe('&amp;&lt;&gt;&quot;&#39;&#96;');
  });
});

describe('safeUrl', () => {
  it.each(['javascript:alert(1)', ' JavaScript:alert(1)', 'data:text/html,<script>', 'vbscript:x', '//evil.example/x'])(
    'refuses %j',
    (url) => {
      expect(html`<a href="${safeUrl(url)}">x</a>`.value).toBe('<a href="#">x</a>');
    },
  );

  it.each(['/portal/thu-tuc/1.001193', '?q=khai', 'https://dichvucong.gov.vn/'])('keeps %j', (url) => {
    expect(safeUrl(url).value).toBe(url);
  });

  it('escapes what it keeps', () => {
    expect(safeUrl('/portal?q="><script>').value).toBe('/portal?q=&quot;&gt;&lt;script&gt;');
  });
});
