import fc from 'fast-check';

/** Text a writer could type: any Unicode, with CJK, RTL, emoji, combining marks and no-break spaces favoured. */
export const prose = fc
  .array(
    fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom('Customers', 'asiakaspalvelua', 'клиенты', '客户服务', 'klientu', 'kliendid', 'שלום', 'مرحبا', '🎉', 'e\u0301', '\u00a0', '84 %', '7,6', 'nine in ten', '十分之九', '*em*', '**strong**', '[link](http://x)', '\\[^x]') },
      { weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength: 8 }) },
      { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) },
    ),
    { maxLength: 8 },
  )
  .map((parts) => parts.join(' ').replace(/[\r\n]+/g, ' '));

const label = fc.oneof(fc.constantFrom('a', '1', 'zendesk-2019', 'Odd Label', 'ÄÖ', '注', 'x_y', 'hubspot-2019'), fc.stringMatching(/^[a-z0-9-]{1,12}$/));

/** One Markdown block of the kinds a draft has, footnotes in places where they are and are not footnotes. */
export const block = fc.oneof(
  prose,
  prose.map((p) => `# ${p}`),
  fc.tuple(prose, label).map(([p, l]) => `${p}[^${l}]`),
  fc.tuple(label, prose).map(([l, p]) => `[^${l}]: ${p}`),
  fc.tuple(label, prose).map(([l, p]) => `[^${l}]: ${p}\n    ${p}`),
  fc.tuple(label, prose).map(([l, p]) => `\`\`\`\n[^${l}]: in code ${p}\n\`\`\``),
  fc.tuple(label, prose).map(([l, p]) => `Inline \`[^${l}]\` and <!-- [^${l}] --> ${p}`),
  fc.tuple(label, prose).map(([l, p]) => `> ${p}[^${l}]\n> [^${l}]: quoted def`),
  fc.tuple(label, prose).map(([l, p]) => `- ${p}\n- [^${l}]: in a list\n  1. nested ${p}`),
  fc.tuple(label, prose).map(([l, p]) => `| a | b |\n|---|---|\n| ${p.replace(/\|/g, '')} [^${l}] | 84 % |`),
  fc.constant('[ref]: http://example.com "link reference definition"'),
  fc.constant('<div>\nraw [^a] html\n</div>'),
);

/** A document of blocks, with the document's line ending, maybe a BOM, maybe no final newline, maybe mixed endings. */
export const document = fc
  .record({
    blocks: fc.array(block, { maxLength: 8 }),
    eol: fc.constantFrom('\n', '\r\n'),
    bom: fc.boolean(),
    finalNewline: fc.boolean(),
    mixed: fc.boolean(),
  })
  .map(({ blocks, eol, bom, finalNewline, mixed }) => {
    let text = blocks.join('\n\n').replace(/\r?\n/g, eol);
    if (mixed) text = text.replace(/\r?\n(?=[^\n]*$)/, eol === '\n' ? '\r\n' : '\n');
    if (finalNewline && text) text += eol;
    return { text: (bom ? '\uFEFF' : '') + text, eol, mixed };
  });
