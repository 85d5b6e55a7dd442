import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { bodyText, OUTLOOK_BODY_PREFIX, OUTLOOK_BODY_SUFFIX, rewriteBodyLikeOutlook, textToBodyHtml } from '../../../dev/outlook-playground/rewriteBody';

const inner = (html: string) => html.slice(OUTLOOK_BODY_PREFIX.length, -OUTLOOK_BODY_SUFFIX.length);

describe('rewriteBodyLikeOutlook', () => {
  it('turns divs and paragraphs into MsoNormal paragraphs and drops style and id', () => {
    expect(inner(rewriteBodyLikeOutlook('<div id="sj" style="color:red" class="block"><p style="margin:0">Hi <b style="x">there</b></p></div>'))).toBe(
      '<p class="MsoNormal"><p class="MsoNormal">Hi <b>there</b></p></p>',
    );
  });

  it('renames classes, drops scripts, styles, comments, event handlers and javascript: links', () => {
    const out = inner(
      rewriteBodyLikeOutlook('<!-- marker --><style>p{}</style><span class="a b" onclick="x()">t</span><script>alert(1)</script><a href="javascript:alert(1)">j</a><a href="https://x.example/a?b=1&amp;c=2">k</a>'),
    );
    expect(out).toBe('<span class="x_a x_b">t</span><a>j</a><a href="https://x.example/a?b=1&amp;c=2">k</a>');
  });

  it('wraps in a document, takes the body of a full document, fills empty paragraphs, and is idempotent', () => {
    const once = rewriteBodyLikeOutlook('<html><head><title>t</title></head><body><div></div><p>x</p></body></html>');
    expect(once).toBe(`${OUTLOOK_BODY_PREFIX}<p class="MsoNormal">&nbsp;</p><p class="MsoNormal">x</p>${OUTLOOK_BODY_SUFFIX}`);
    expect(rewriteBodyLikeOutlook(once)).toBe(once);
  });

  it('keeps visible text byte for byte (escaped markup in text stays escaped)', () => {
    fc.assert(
      fc.property(fc.string().map((s) => s.replace(/[<>&]/g, '')).filter((s) => /\S/.test(s)), (text) => {
        expect(inner(rewriteBodyLikeOutlook(`<div style="a">${text}</div>`))).toBe(`<p class="MsoNormal">${text}</p>`);
      }),
    );
    expect(inner(rewriteBodyLikeOutlook('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>'))).toBe('<p class="MsoNormal">&lt;script&gt;alert(1)&lt;/script&gt;</p>');
  });

  it('never throws on garbage', () => {
    fc.assert(fc.property(fc.string(), (s) => void rewriteBodyLikeOutlook(s)));
  });
});

describe('bodyText / textToBodyHtml', () => {
  it('round-trips plain text through HTML paragraphs with escaping', () => {
    const text = 'Line <1> & "two"\nLine 2';
    expect(textToBodyHtml(text)).toBe('<p>Line &lt;1&gt; &amp; "two"</p><p>Line 2</p>');
    expect(bodyText(rewriteBodyLikeOutlook(textToBodyHtml(text)))).toBe(text);
  });
});
