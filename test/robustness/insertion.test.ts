import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../src/core/citations/applyEdits';
import { footnoteText, planInsertion, type InsertMode } from '../../src/core/citations/cite';
import { formatFigure } from '../../src/core/index/format';
import { MarkdownCache, normalizeLabel, parseMarkdown } from '../../src/core/markdown/markdown';
import { sourceKeyOf } from '../../src/core/index/sourceKey';
import { sameSource, statcite, statistics } from './support/data';
import { applyChecked, documentEol, onlyReplacementAndBlock } from './support/edits';
import { draft } from './support/markdown';
import { counter, LONG, params } from './support/run';

const { resolver } = statcite;
const PROBE = 'x[^statcite-probe]';

/** Whether a footnote reference written at `at` would be one (not code, HTML, …): the oracle for "resolves". */
function takesAReference(text: string, range: { start: number; end: number }, cache: MarkdownCache): boolean {
  // Defined, as the inserted reference is: an undefined "[^x](…)" would read as a link.
  const eol = documentEol(text);
  const probe = `${text.slice(0, range.start)}${PROBE}${text.slice(range.end)}${eol}${eol}[^statcite-probe]: Probe.${eol}`;
  const at = range.start + 1;
  return parseMarkdown(probe, cache).references.some((r) => r.start === at && r.label === 'statcite-probe');
}

const sorted = (xs: string[]) => [...xs].sort();
const ids = (xs: ReadonlyArray<{ id: string }>) => sorted(xs.map((x) => x.id));

function insertedText(plan: ReturnType<typeof planInsertion>, text: string, range: { start: number; end: number }): string {
  // A merged plan (trigger and definition touching) carries the definition in its main edit.
  return plan.main.start === range.start ? plan.main.newText : text.slice(plan.main.start, range.start) + plan.main.newText;
}

const insertion = fc.record({
  draft: draft(2, 3),
  stat: fc.constantFrom(...statistics),
  pick: fc.nat(),
  mode: fc.constantFrom<InsertMode>('figure', 'gloss', 'quote'),
  lang: fc.constantFrom('en', 'fi', 'zh', 'ru', 'lv', 'et'),
  // Some LF drafts are written with old Mac line endings (CR only), which must stay CR only.
  crOnly: fc.boolean(),
});

describe('inserting a cited statistic never loses or corrupts text', () => {
  it('changes only the trigger and the definition block, keeps the line ending, resolves, and adds one definition per source', ({ task }) => {
    const count = counter(task);
    let resolvedChecked = 0;
    fc.assert(
      fc.property(insertion, ({ draft: { text: written, triggers, endings }, stat, pick, mode, lang, crOnly }) => {
        count('documents');
        const text = crOnly && endings === 'lf' ? written.replace(/\n/g, '\r') : written;
        const [first, second] = triggers as [{ start: number; end: number }, { start: number; end: number }];
        const eol = documentEol(text);
        const figure = formatFigure(stat, lang);
        // One cache per case: the parses after an edit re-read only the chunks the edit touched, as in the editor.
        const cache = new MarkdownCache();
        const parsed = parseMarkdown(text, cache);

        // First insertion.
        const plan = planInsertion(text, first, stat, { figure, mode, resolver, parsed, lang });
        count('insertions');
        const edits = [plan.main, ...plan.additional];
        const after = applyChecked(text, edits, eol);
        expect(applyEdits(text, edits)).toBe(after);
        const withoutDefinition = plan.main.newText.split(/\r\n?|\n/)[0]!;
        const ref = `[^${plan.label}]`;
        expect(withoutDefinition.endsWith(ref) || withoutDefinition.endsWith(`${ref}.`), withoutDefinition).toBe(true);
        const definitionLine = `[^${plan.label}]: ${footnoteText(stat, lang)}`;
        const { blockAt, insertedAt } = onlyReplacementAndBlock(text, after, first, plan.main.start === first.start ? withoutDefinition : insertedText(plan, text, first).split(/\r\n?|\n/)[0]!, definitionLine, eol);
        expect(blockAt === undefined).toBe(plan.reused);

        const md = parseMarkdown(after, cache);
        const id = normalizeLabel(plan.label);
        const takes = takesAReference(text, first, cache);
        if (takes) {
          resolvedChecked++;
          const refAt = insertedAt + withoutDefinition.lastIndexOf(ref);
          expect(md.references.some((r) => r.id === id && r.start === refAt && r.end === refAt + ref.length), `[^${plan.label}] is a reference at ${refAt} in ${JSON.stringify(after)}`).toBe(true);
          const def = md.definitions.find((d) => d.id === id);
          expect(def, `[^${plan.label}] is defined in ${JSON.stringify(after)}`).toBeDefined();
          expect(resolver.resolve(def!)?.key, `[^${plan.label}] cites ${sourceKeyOf(stat)}`).toBe(sourceKeyOf(stat));
        }
        // Nothing else became or stopped being a footnote: the definitions and references are those of before, plus
        // the new reference (where the trigger takes one) and the new definition (unless one was reused).
        expect(ids(md.definitions)).toEqual(sorted([...ids(parsed.definitions), ...(plan.reused ? [] : [id])]));
        expect(ids(md.references)).toEqual(sorted([...ids(parsed.references), ...(takes ? [id] : [])]));

        // Second insertion, from the same source, at the other trigger: it reuses the definition.
        const others = sameSource(stat);
        const again = others[pick % others.length]!;
        // Only the other trigger is left of the '@@'s (generated text has no '@').
        const at = after.indexOf('@@');
        const secondRange = { start: at, end: at + (second.end - second.start) };
        expect(after.slice(secondRange.start, secondRange.end)).toBe(text.slice(second.start, second.end));
        const plan2 = planInsertion(after, secondRange, again, { figure: formatFigure(again, lang), mode, resolver, parsed: md });
        count('insertions');
        expect(plan2.reused, `a second citation of ${sourceKeyOf(stat)} adds no definition (${JSON.stringify(after)})`).toBe(true);
        expect(plan2.additional).toEqual([]);
        const after2 = applyChecked(after, [plan2.main], eol);
        onlyReplacementAndBlock(after, after2, secondRange, plan2.main.newText, '', eol);
        const md2 = parseMarkdown(after2, cache);
        // The same definitions; the references of before, and maybe the new one (where the trigger takes one).
        expect(ids(md2.definitions)).toEqual(ids(md.definitions));
        const added = ids(md2.references).length - ids(md.references).length;
        expect(ids(md2.references)).toEqual(sorted([...ids(md.references), ...(added === 1 ? [normalizeLabel(plan2.label)] : [])]));
        const def2 = md2.definitions.find((d) => d.id === normalizeLabel(plan2.label));
        expect(def2).toBeDefined();
        expect(resolver.resolve(def2!)?.key).toBe(sourceKeyOf(stat));
      }),
      params(1),
    );
    // The oracle must not make the resolution check vacuous: most triggers stand where a reference is one.
    expect(resolvedChecked).toBeGreaterThan(task.meta.robustness!.documents! / 2);
  }, LONG);
});
