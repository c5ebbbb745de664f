import { escapeHtml, textToHtml } from '../../src/core/html';

describe('escapeHtml', () => {
  it('escapes the five special characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>Tom & Jerry</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;Tom &amp; Jerry&lt;/a&gt;',
    );
  });
  it('escapes & first (no double escaping surprises) and leaves other text alone', () => {
    expect(escapeHtml('&lt;')).toBe('&amp;lt;');
    expect(escapeHtml('王小明 🎉 café')).toBe('王小明 🎉 café');
    expect(escapeHtml('')).toBe('');
  });
});

describe('textToHtml', () => {
  it('makes paragraphs from blank lines and <br> from single newlines', () => {
    expect(textToHtml('Dear Bob,\n\nThank you.\nSee you soon.\n\nAnn')).toBe(
      '<p>Dear Bob,</p>\n<p>Thank you.<br>\nSee you soon.</p>\n<p>Ann</p>',
    );
  });
  it('treats CRLF and CR as newlines and whitespace-only lines as blank', () => {
    expect(textToHtml('a\r\n\r\nb\rc')).toBe('<p>a</p>\n<p>b<br>\nc</p>');
    expect(textToHtml('a\n   \n\t\nb')).toBe('<p>a</p>\n<p>b</p>');
  });
  it('collapses several blank lines and drops leading/trailing ones', () => {
    expect(textToHtml('\n\n\na\n\n\n\nb\n\n')).toBe('<p>a</p>\n<p>b</p>');
    expect(textToHtml('  \na\n')).toBe('<p>a</p>');
  });
  it('escapes before adding markup', () => {
    expect(textToHtml('<script>alert(1)</script>\n\n"x" & \'y\'')).toBe(
      '<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n<p>&quot;x&quot; &amp; &#39;y&#39;</p>',
    );
  });
  it('gives an empty string for blank text', () => {
    expect(textToHtml('')).toBe('');
    expect(textToHtml('\n \n')).toBe('');
  });
});
