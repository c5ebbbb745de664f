import {
  DEFAULT_TEMPLATES,
  PLACEHOLDER_NAMES,
  Rendered,
  TemplateValues,
  firstNameOf,
  renderTemplate,
  unknownPlaceholders,
} from '../../src/core/templates';

const full: TemplateValues = {
  Name: 'Bob Smith',
  Company: 'Acme Ltd',
  Product: 'X200 printer',
  Amount: '$1,200.00',
  PurchaseDate: '2025-06-03',
  Owner: 'Ann Lee',
};

function ok(r: Rendered): { subject: string; text: string; html: string } {
  if (!r.ok) throw new Error('expected ok, got ' + JSON.stringify(r));
  return r;
}

describe('PLACEHOLDER_NAMES', () => {
  it('lists the seven placeholders of the spec', () => {
    expect([...PLACEHOLDER_NAMES]).toEqual([
      'Name',
      'FirstName',
      'Company',
      'Product',
      'Amount',
      'PurchaseDate',
      'Owner',
    ]);
  });
});

describe('renderTemplate', () => {
  it('fills every placeholder', () => {
    const r = ok(
      renderTemplate(
        {
          subject: 'For {{Name}}',
          body: '{{FirstName}}|{{Company}}|{{Product}}|{{Amount}}|{{PurchaseDate}}|{{Owner}}',
        },
        full,
      ),
    );
    expect(r.subject).toBe('For Bob Smith');
    expect(r.text).toBe('Bob|Acme Ltd|X200 printer|$1,200.00|2025-06-03|Ann Lee');
  });

  it('uses the fallback only when the value is blank', () => {
    const t = { subject: 's', body: 'Hello {{Company|your team}}!' };
    expect(ok(renderTemplate(t, { Company: 'Acme' })).text).toBe('Hello Acme!');
    expect(ok(renderTemplate(t, {})).text).toBe('Hello your team!');
    expect(ok(renderTemplate(t, { Company: '' })).text).toBe('Hello your team!');
    expect(ok(renderTemplate(t, { Company: '   ' })).text).toBe('Hello your team!');
    // an empty fallback means "blank is fine"
    expect(ok(renderTemplate({ subject: 's', body: '[{{Company|}}]' }, {})).text).toBe('[]');
    // spaces around the name and the fallback are tolerated
    expect(ok(renderTemplate({ subject: 's', body: '{{ Company | your team }}' }, {})).text).toBe('your team');
  });

  it('matches names case-insensitively and ignores spaces inside the braces', () => {
    const r = ok(
      renderTemplate(
        { subject: '{{ name }}', body: '{{NAME}} {{firstname}} {{  First Name  }} {{purchasedate}}' },
        full,
      ),
    );
    expect(r.subject).toBe('Bob Smith');
    expect(r.text).toBe('Bob Smith Bob Bob 2025-06-03');
  });

  it('reports missing values (blank, no fallback) once each, canonical spelling', () => {
    const r = renderTemplate(
      { subject: 'Hi {{company}}', body: '{{Company}} {{Product}} {{Product|x}} {{Owner}}' },
      { Name: 'Bob', Owner: ' ' },
    );
    expect(r).toEqual({ ok: false, missing: ['Company', 'Product', 'Owner'] });
  });

  it('does not expand placeholders inside values', () => {
    const r = ok(
      renderTemplate(
        { subject: '{{Company}}', body: 'Hi {{Name}} from {{Company}}' },
        {
          Name: '{{Owner}}',
          Company: '{{Name}} {{Nmae}}',
        },
      ),
    );
    expect(r.subject).toBe('{{Name}} {{Nmae}}');
    expect(r.text).toBe('Hi {{Owner}} from {{Name}} {{Nmae}}');
  });

  it('escapes values and template text in html only', () => {
    const r = ok(
      renderTemplate(
        { subject: 'Dear {{Name}} <3', body: 'Dear {{Name}} <3,\n\nThanks & bye.\nAnn' },
        { Name: '<b>Bob</b> & Co' },
      ),
    );
    expect(r.subject).toBe('Dear <b>Bob</b> & Co <3');
    expect(r.text).toBe('Dear <b>Bob</b> & Co <3,\n\nThanks & bye.\nAnn');
    expect(r.html).toBe(
      '<div><p>Dear &lt;b&gt;Bob&lt;/b&gt; &amp; Co &lt;3,</p>\n<p>Thanks &amp; bye.<br>\nAnn</p></div>',
    );
    expect(r.html).not.toMatch(/<b>|<script|src=|href=|style/i);
  });

  it('cannot smuggle markup through a value', () => {
    const r = ok(
      renderTemplate(
        { subject: 's', body: '{{Product}}' },
        { Product: '<script>alert(1)</script><img src=x onerror=y>' },
      ),
    );
    expect(r.html).not.toContain('<script');
    expect(r.html).not.toContain('<img');
    expect(r.html).toContain('&lt;script&gt;');
  });

  it('collapses line breaks in the subject, keeps them in the body', () => {
    const r = ok(renderTemplate({ subject: 'Thank you\r\n  {{Name}}\n', body: 'a\r\nb' }, { Name: 'Bob\nSmith' }));
    expect(r.subject).toBe('Thank you Bob Smith');
    expect(r.text).toBe('a\nb');
  });

  it('derives FirstName from Name unless given', () => {
    expect(ok(renderTemplate({ subject: '{{FirstName}}', body: '' }, { Name: ' Bob Smith ' })).subject).toBe('Bob');
    expect(ok(renderTemplate({ subject: '{{FirstName}}', body: '' }, { Name: '王小明' })).subject).toBe('王小明');
    expect(
      ok(renderTemplate({ subject: '{{FirstName}}', body: '' }, { Name: 'Bob Smith', FirstName: 'Bobby' })).subject,
    ).toBe('Bobby');
    expect(renderTemplate({ subject: '{{FirstName}}', body: '' }, {})).toEqual({ ok: false, missing: ['FirstName'] });
  });

  it('never renders a template with unknown placeholders', () => {
    const r = renderTemplate({ subject: 'Hi {{Nmae}}', body: '{{Company}}' }, full);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.unknown).toEqual(['Nmae']);
  });

  it('keeps text that is not a placeholder', () => {
    const r = ok(renderTemplate({ subject: 's', body: '{single} {{Name} {{Name {{{Name}}} }}' }, { Name: 'Bob' }));
    expect(r.text).toBe('{single} {{Name} {{Name {Bob} }}');
  });
});

describe('unknownPlaceholders', () => {
  it('reports typos and unknown names from subject and body, once, in order', () => {
    expect(
      unknownPlaceholders({
        subject: '{{Nmae}} {{Name}}',
        body: '{{ Email }} {{Nmae}} {{Company|x}} {{Foo|bar}} {{}}',
      }),
    ).toEqual(['Nmae', 'Email', 'Foo', '']);
  });
  it('accepts all known names in any case and spacing', () => {
    expect(
      unknownPlaceholders({
        subject: '{{name}} {{ FIRSTNAME }}',
        body: PLACEHOLDER_NAMES.map((n) => `{{${n}}} {{ ${n.toLowerCase()} | fb }}`).join(' '),
      }),
    ).toEqual([]);
  });
});

describe('firstNameOf', () => {
  it.each([
    ['Bob Smith', 'Bob'],
    ['  Bob   Smith  ', 'Bob'],
    ['Bob', 'Bob'],
    ['Dr. Ann Lee', 'Ann'],
    ['Mr Bob', 'Bob'],
    ['Dr.', 'Dr.'],
    ['Bob, Jr.', 'Bob'],
    ['王小明', '王小明'],
    [' 王 小明 ', '王 小明'],
    ['山田太郎', '山田太郎'],
    ['김민준', '김민준'],
    ['', ''],
    ['   ', ''],
  ])('%j -> %j', (full, first) => {
    expect(firstNameOf(full)).toBe(first);
  });
});

describe('DEFAULT_TEMPLATES', () => {
  it('has one English and one Chinese thank-you template', () => {
    expect(DEFAULT_TEMPLATES.map((t) => `${t.key}/${t.language}`).sort()).toEqual(['thank-you/en', 'thank-you/zh']);
  });

  it.each(DEFAULT_TEMPLATES.map((t) => [t.language, t] as const))(
    '%s has no unknown placeholders and renders',
    (_l, t) => {
      expect(unknownPlaceholders(t)).toEqual([]);
      const r = ok(renderTemplate(t, full));
      expect(r.text).not.toMatch(/\{\{|\}\}/);
      expect(r.subject).not.toMatch(/\{\{|\}\}/);
      expect(r.text).toContain('X200 printer');
      expect(r.text).toContain('Acme Ltd');
      expect(r.text.trim().endsWith('Ann Lee')).toBe(true); // signed by the owner
      expect(r.html.startsWith('<div><p>')).toBe(true);
      // still renders with only a name and an owner, thanks to the fallbacks
      const minimal = ok(renderTemplate(t, { Name: 'Bob Smith', Owner: 'Ann Lee' }));
      expect(minimal.text).not.toMatch(/\{\{|\}\}/);
    },
  );

  it('uses FirstName, Product and Company fallbacks and signs with Owner', () => {
    for (const t of DEFAULT_TEMPLATES) {
      expect(t.body).toContain('{{FirstName}}');
      expect(t.body).toMatch(/\{\{Product\|[^}]+\}\}/);
      expect(t.body).toMatch(/\{\{Company\|[^}]+\}\}/);
      expect(t.body.trim().endsWith('{{Owner}}')).toBe(true);
    }
  });

  it('Chinese template addresses the customer with 您 and greets with the full name', () => {
    const zh = DEFAULT_TEMPLATES.find((t) => t.language === 'zh')!;
    expect(zh.body).toContain('您');
    expect(zh.body).not.toMatch(/你/);
    const r = ok(renderTemplate(zh, { Name: '王小明', Owner: '李娜' }));
    expect(r.text.startsWith('尊敬的王小明')).toBe(true);
    expect(r.subject).toContain('王小明');
  });

  it('needs an Owner: an unsigned thank-you is not made', () => {
    for (const t of DEFAULT_TEMPLATES)
      expect(renderTemplate(t, { Name: 'Bob' })).toEqual({ ok: false, missing: ['Owner'] });
  });
});
