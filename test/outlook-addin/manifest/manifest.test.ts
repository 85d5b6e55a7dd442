import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rootManifestText, ROOT_MANIFEST_HOST } from '../../../scripts/build/outlookAddin';
import { LAUNCH_EVENTS } from '../../../outlook-addin/events';
import { compareVersions, findAll, launchFunctionNames, manifestProblems, parseXml, renderManifest, XmlSyntaxError } from '../../../outlook-addin/manifest';

const ROOT_MANIFEST = readFileSync(join(process.cwd(), 'manifest.xml'), 'utf8');

describe('root manifest.xml', () => {
  it('is up to date with renderManifest (run: npx tsx scripts/build/outlookAddin.ts --root-manifest)', () => {
    expect(ROOT_MANIFEST).toBe(rootManifestText());
  });

  it('passes every invariant', () => {
    expect(manifestProblems(ROOT_MANIFEST)).toEqual([]);
  });

  it('points everything at the development host over https', () => {
    const root = parseXml(ROOT_MANIFEST);
    const urls = findAll(root, 'Url').map((u) => u.attributes.DefaultValue);
    expect(urls.length).toBeGreaterThan(0);
    for (const url of urls) expect(url?.startsWith(`${ROOT_MANIFEST_HOST}/`)).toBe(true);
    expect(findAll(root, 'AppDomain')[0]?.text).toBe(ROOT_MANIFEST_HOST);
  });

  it('keeps the button for Mailbox 1.3 clients and puts events behind the highest set they need', () => {
    const root = parseXml(ROOT_MANIFEST);
    const sets = findAll(root, 'Sets').map((s) => s.attributes.DefaultMinVersion).filter(Boolean);
    expect(sets).toEqual(['1.3', '1.12']);
    const highest = LAUNCH_EVENTS.map((e) => e.minMailbox).sort(compareVersions).pop();
    expect(highest).toBe('1.12');
    expect(launchFunctionNames(ROOT_MANIFEST)).toEqual(LAUNCH_EVENTS.map((e) => e.functionName));
  });
});

describe('manifestProblems catches broken manifests', () => {
  const good = renderManifest({ hostUrl: 'https://addins.example.com/securejoin' });
  const cases: Array<[string, (xml: string) => string, RegExp]> = [
    ['not well-formed', (x) => x.replace('</Hosts>', ''), /not well-formed/],
    ['element order', (x) => x.replace(/(  <Version>.*?<\/Version>\n)(  <ProviderName>.*?<\/ProviderName>\n)/, '$2$1'), /<Version> must come before|<ProviderName>/],
    ['undefined resid', (x) => x.replace('<Label resid="Group.Label"/>', '<Label resid="Group.Missing"/>'), /resid "Group.Missing"/],
    ['SourceLocation != Runtime', (x) => x.replace('<SourceLocation resid="WebViewRuntime.Url"/>', '<SourceLocation resid="Commands.Url"/>'), /must equal the Runtime resid/],
    ['http URL', (x) => x.replace('https://addins.example.com/securejoin/commands.js', 'http://addins.example.com/securejoin/commands.js'), /must be an https URL/],
    ['events below 1.12', (x) => x.replace('DefaultMinVersion="1.12"', 'DefaultMinVersion="1.10"'), /DefaultMinVersion must be 1.12/],
    ['button needing 1.5', (x) => x.replace('DefaultMinVersion="1.3"', 'DefaultMinVersion="1.5"'), /DefaultMinVersion must be 1.3/],
    ['no JS override', (x) => x.replace(/<Override type="javascript"[^>]*\/>/, ''), /Override type="javascript"/],
    ['renamed handler', (x) => x.replace('FunctionName="onAppointmentSend"', 'FunctionName="onSend"'), /must call onAppointmentSend/],
    ['Resources out of order', (x) => x.replace(/(<bt:Images>[\s\S]*?<\/bt:Images>\n)(\s*)(<bt:Urls>[\s\S]*?<\/bt:Urls>)/, '$3\n$2$1'), /must come before/],
  ];
  it('accepts the good one', () => expect(manifestProblems(good)).toEqual([]));
  for (const [name, breakIt, problem] of cases) {
    it(`reports: ${name}`, () => {
      const broken = breakIt(good);
      expect(broken).not.toBe(good);
      expect(manifestProblems(broken).join('\n')).toMatch(problem);
    });
  }
});

describe('renderManifest', () => {
  it('refuses non-https hosts except loopback, bad ids and versions', () => {
    expect(() => renderManifest({ hostUrl: 'http://addins.example.com' })).toThrow(/https/);
    expect(() => renderManifest({ hostUrl: 'https://x.example/?q=1' })).toThrow(/query/);
    expect(() => renderManifest({ hostUrl: 'https://x.example', id: 'nope' })).toThrow(/GUID/);
    expect(() => renderManifest({ hostUrl: 'https://x.example', version: '1.0' })).toThrow(/four numbers/);
    const local = renderManifest({ hostUrl: 'http://127.0.0.1:4000/' });
    expect(local).toContain('http://127.0.0.1:4000/commands.js');
    expect(manifestProblems(local).join('\n')).toMatch(/https/);
  });

  it('escapes the host URL path', () => {
    const xml = renderManifest({ hostUrl: 'https://x.example/a&b' });
    expect(manifestProblems(xml)).toEqual([]);
    expect(findAll(parseXml(xml), 'Url')[0]?.attributes.DefaultValue).toBe('https://x.example/a&b/taskpane.html');
  });
});

describe('parseXml', () => {
  it('reads elements, attributes, text and entities', () => {
    const root = parseXml('<?xml version="1.0"?><!-- c --><a x="1" y=\'&lt;2&gt;\'><b>t&amp;u&#65;&#x42;</b><c/><![CDATA[<raw>]]></a>');
    expect(root.attributes).toEqual({ x: '1', y: '<2>' });
    expect(root.children.map((c) => c.name)).toEqual(['b', 'c']);
    expect(root.children[0]?.text).toBe('t&uAB');
    expect(root.text).toBe('<raw>');
  });

  for (const bad of ['<a><b></a></b>', '<a x="1" x="2"/>', '<a>&nope;</a>', '<a/><b/>', 'text<a/>', '<a>', '<a x=1/>', '<a><!-- -- --></a>', '', '<a>x < y</a>']) {
    it(`rejects ${JSON.stringify(bad)}`, () => expect(() => parseXml(bad)).toThrow(XmlSyntaxError));
  }

  it('throws only XmlSyntaxError on arbitrary input', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('<', '>', '/', 'a', 'b', '=', '"', '&', ';', ' ', '!', '-', '?', '[') , maxLength: 40 }), (s) => {
        try {
          parseXml(s);
        } catch (error) {
          if (!(error instanceof XmlSyntaxError)) throw error;
        }
      }),
      { numRuns: 500 },
    );
  });
});
