import MarkdownIt from 'markdown-it';
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { loadStatcite } from '../../src/core/statcite';
import { extendMarkdownIt } from '../../src/vscode/preview';
import type { IndexStore } from '../../src/vscode/indexStore';

const statcite = loadStatcite(readdirSync('data').filter((f) => f.endsWith('.stats.json')).map((f) => ({ file: f, text: readFileSync(`data/${f}`, 'utf8') })));
const render = (src: string) => extendMarkdownIt({ current: statcite } as unknown as IndexStore)(new MarkdownIt()).render(src);

describe('Markdown preview plugin', () => {
  it('renders footnotes', () => {
    const html = render('A claim.[^zendesk-2019]\n\n[^zendesk-2019]: Zendesk (2019).\n');
    expect(html).toContain('class="footnote-ref"');
    expect(html).toContain('class="footnotes"');
  });

  it('gives a cited figure its source as a tooltip', () => {
    const html = render('Service sells: **really**, 84% of buyers care.[^zendesk-2019]\n\n[^zendesk-2019]: Zendesk (2019).\n');
    expect(html).toMatch(/<span class="statcite-figure" title="84% — Zendesk 2019: 84% of consumers consider customer service[^"]*"[^>]*>84%<\/span>/);
  });

  it('leaves uncited and wrong figures alone', () => {
    expect(render('84% of buyers care.\n')).not.toContain('statcite-figure');
    expect(render('85% of buyers care.[^zendesk-2019]\n\n[^zendesk-2019]: Zendesk (2019).\n')).not.toContain('statcite-figure');
  });

  it('tags every cited figure of a long paragraph, in time linear in its figures (searches counted, not timed)', () => {
    const paragraph = (n: number) => `${'84% of buyers care.[^zendesk-2019] Code `84%` here. '.repeat(n)}\n\n[^zendesk-2019]: Zendesk (2019).\n`;
    const searches = (n: number) => {
      const spy = vi.spyOn(String.prototype, 'indexOf');
      try {
        const html = render(paragraph(n));
        expect(html.match(/class="statcite-figure"/g)?.length).toBe(n);
        return spy.mock.calls.length;
      } finally {
        spy.mockRestore();
      }
    };
    const [small, large] = [searches(400), searches(1600)];
    // Four times the figures: about four times the searches (tagging figure by figure over all that remain: sixteen).
    expect(large / small).toBeLessThan(6);
  });
});
