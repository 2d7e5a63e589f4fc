import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { footnoteText } from '../../src/core/citations/cite';
import type { LoadedStatistic } from '../../src/core/index/indexFile';
import { citationHoverMarkdown, statisticMarkdown } from '../../src/core/citations/hover';
import { sourceKeyOf } from '../../src/core/index/sourceKey';
import { loadStatcite } from '../../src/core/statcite';
import { validateCitations } from '../../src/core/citations/validate';
import type { IndexStore } from '../../src/vscode/indexStore';
import { extendMarkdownIt } from '../../src/vscode/preview';
import { counter, LONG, params } from './support/run';

/** What a hostile data file puts in its text fields: links, command URIs, HTML, autolinks, Markdown that re-structures. */
const PAYLOADS = [
  '[click](command:workbench.action.terminal.new)',
  '[click](command:workbench.action.terminal.new "title")',
  '[x](<command:workbench.action.terminal.new>)',
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  '<a href="command:workbench.action.terminal.new">run</a>',
  '[x](javascript:alert(1))',
  'javascript:alert(1)',
  'https://evil.example',
  '<https://evil.example>',
  'www.evil.example/path',
  'mail@evil.example',
  '![pixel](https://evil.example/x.png)',
  '[ref][evil]',
  '[evil]: https://evil.example',
  '&lt;img src=x onerror=alert(1)&gt;',
  '&#60;script&#62;',
  '\\[x](command:y)',
  '`code` **bold** _em_',
  '\n# Heading\n',
  '\r\n> quote\n\n- item',
  '    indented code',
  '| a | b |\n|---|---|',
  '\u202eevil\u202c',
  'ｈｔｔｐｓ://evil.example',
  '<!-- comment -->',
  '[^1]: fake footnote',
];
const payload = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...PAYLOADS) },
  { weight: 2, arbitrary: fc.array(fc.oneof(fc.constantFrom(...PAYLOADS), fc.constantFrom('84 %', 'Zendesk', '客户', 'ä', ' ', '\n', '<', '>', '[', ']', '(', ')', ':', '!', '&', '\\')), { minLength: 1, maxLength: 6 }).map((p) => p.join('')) },
);

/** The only tags Markdown structure of a hover may produce: data never adds links, images or raw HTML. */
const ALLOWED_TAGS = new Set(['p', 'strong', 'em', 'blockquote', 'hr', 'br']);
const render = new MarkdownIt({ html: false, linkify: true });
// The writer's preview with statcite's plugin (footnotes, source tooltips), over whatever index the case loaded.
const store = { current: loadStatcite([]) };
const preview = extendMarkdownIt(store as unknown as IndexStore)(new MarkdownIt({ html: false, linkify: true }));

function expectInert(markdown: string, what: string, allowed: ReadonlySet<string> = ALLOWED_TAGS): string {
  const html = render.render(markdown);
  // Checked in plain code, one expect per rendering: thousands of expect calls would cost more than the rendering.
  const bad = [...html.matchAll(/<\/?([a-zA-Z][\w-]*)[^>]*>/g)].filter(([tag, name]) => !allowed.has(name!.toLowerCase()) || /\s(?:href|src|on\w+)=/i.test(tag)).map(([tag]) => tag);
  expect(bad, `${what}: ${html}`).toEqual([]);
  return html;
}

/** The text a reader sees, tags taken out and entities read. */
const shown = (html: string) => html.replace(/<[^>]*>/g, ' ').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/\s+/g, ' ');
const words = (s: string) => s.replace(/\s+/g, ' ').trim();

/** A record whose every shown field is hostile, and a publisher-less one linked to it (its "same finding"). */
function hostileIndex(d: { quote: string; en: string; publisher: string; title: string; article: string; via: string }) {
  // "x " keeps a field that is only white space from being rejected as empty.
  const hostile = {
    id: 'hostile-2019-fi',
    value: 84,
    unit: '%',
    quote: `x ${d.quote}`,
    lang: 'fi',
    en: `x ${d.en}`,
    source: { publisher: `x ${d.publisher}`, year: 2019, title: `x ${d.title}` },
    via: { title: `x ${d.article}`, publisher: `x ${d.via}`, lang: 'fi', document: 'hostile.txt' },
    sameAs: ['hostile-secondary-fi'],
  };
  const secondary = { ...hostile, id: 'hostile-secondary-fi', source: null, sameAs: [] };
  const statcite = loadStatcite([{ file: 'hostile.stats.json', text: JSON.stringify({ statistics: [hostile, secondary] }) }]);
  expect(statcite.index.problems).toEqual([]);
  return { statcite, stat: statcite.index.get('hostile-2019-fi')!, secondary: statcite.index.get('hostile-secondary-fi')! };
}

/** A draft citing the statistic twice, the second time with a figure its source never reports. */
const documentCiting = (stat: LoadedStatistic) => {
  const key = sourceKeyOf(stat);
  return `Asiakkaista 84 %[^${key}] ja 83 %.[^${key}]\n\n[^${key}]: ${footnoteText(stat)}\n`;
};

const hostileFields = fc.record({ quote: payload, en: payload, publisher: payload, title: payload, article: payload, via: payload });
const OPTIONS = { staleAfterYears: 5, now: new Date(2026, 0, 1) };

describe('data is shown, never obeyed', () => {
  it('hovers, completion documentation and the footnote statcite writes render hostile data as text', ({ task }) => {
    const count = counter(task);
    fc.assert(
      fc.property(hostileFields, payload, (d, label) => {
        count('hostileRecords');
        const { statcite, stat, secondary } = hostileIndex(d);
        // Completion documentation and the statistics view: one statistic in full.
        for (const s of [stat, secondary]) {
          const html = expectInert(statisticMarkdown(s, statcite.index, OPTIONS), 'statisticMarkdown');
          for (const field of [s.quote, s.en, s.via.title]) expect(shown(html)).toContain(words(field));
        }
        // Hovers on a citation of the source, on its definition, and on a definition (its label from the document) that
        // names no source.
        const source = { key: sourceKeyOf(stat), statistics: [stat, secondary, stat, secondary], by: 'label' as const };
        for (const at of [
          { kind: 'reference' as const, start: 0, end: 1, label, source, statistics: source.statistics },
          { kind: 'definition' as const, start: 0, end: 1, label, source, statistics: source.statistics },
          { kind: 'definition' as const, start: 0, end: 1, label, statistics: [] },
        ]) {
          expectInert(citationHoverMarkdown(at, statcite.index, OPTIONS), `hover on a ${at.kind}`);
        }
        // The definition statcite writes, as the writer's document shows it.
        const html = expectInert(`Text.\n\n${footnoteText(stat)}`, 'footnoteText');
        expect(shown(html)).toContain(words(stat.source!.publisher));
      }),
      params(9),
    );
  }, LONG);

  it('in a document: validation messages are one line of plain text quoting the data', ({ task }) => {
    const count = counter(task);
    fc.assert(
      fc.property(hostileFields, (d) => {
        count('hostileRecords');
        const { statcite, stat } = hostileIndex(d);
        const key = sourceKeyOf(stat);
        // Diagnostics and CLI lines are plain text: the data shows in them as written, on one line.
        const issues = validateCitations(documentCiting(stat), statcite.validation, { now: OPTIONS.now });
        expect(issues.some((i) => i.code === 'value-mismatch'), key).toBe(true);
        for (const issue of issues) {
          expect(issue.message, issue.message).not.toMatch(/[\r\n\u2028\u2029]/);
          if (issue.code === 'value-mismatch') expect(words(issue.message)).toContain(words(stat.en));
        }
      }),
      params(10),
    );
  }, LONG);

  it.each(PAYLOADS)('the preview (footnotes, source tooltips on cited figures) shows %j as text', (p) => {
    const { statcite, stat } = hostileIndex({ quote: p, en: p, publisher: p, title: p, article: p, via: p });
    // The preview's only links are the footnotes' own anchors, its tooltips plain attribute text.
    store.current = statcite;
    const html = preview.render(documentCiting(stat));
    expect(html).toContain('statcite-figure');
    const bad = [...html.matchAll(/<[a-zA-Z][^>]*>/g)]
      .map(([tag]) => tag)
      .filter((tag) => !/^<(?:p|a|sup|section|ol|li|hr|span|strong|em|blockquote)\b/.test(tag) || [...tag.matchAll(/\s([\w-]+)="([^"]*)"/g)].some(([, name, value]) => !['class', 'id', 'title', 'style', 'href'].includes(name!) || (name === 'href' && !value!.startsWith('#'))));
    expect(bad, html).toEqual([]);
  });
});
