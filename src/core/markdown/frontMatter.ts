/**
 * The bibliography files a document names in its YAML front matter, as Pandoc and Quarto read them:
 * `bibliography: refs.json`, `bibliography: "refs.bib"`, or a list (`bibliography: [a.json, b.bib]` or `- a.json`
 * lines). Paths are as written (relative to the document). None when there is no front matter or no such field.
 */
export function frontMatterBibliography(text: string): string[] {
  const front = frontMatterOf(text);
  if (!front) return [];
  const lines = front.body.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const m = /^bibliography:[ \t]*(.*?)[ \t]*(?:#.*)?$/.exec(lines[i]!);
    if (!m) continue;
    const value = m[1]!;
    if (value.startsWith('[')) return value.replace(/^\[|\]$/g, '').split(',').map(unquote).filter(Boolean);
    if (value) return [unquote(value)].filter(Boolean);
    const items: string[] = [];
    for (let j = i + 1; j < lines.length; j++) {
      const item = /^[ \t]*-[ \t]+(.+?)[ \t]*$/.exec(lines[j]!);
      if (!item) break;
      items.push(unquote(item[1]!));
    }
    return items.filter(Boolean);
  }
  return [];
}

/** The YAML front matter block: from a first line `---` to the next `---` or `...` line. */
export function frontMatterOf(text: string): { body: string; start: number; end: number } | undefined {
  const m = /^(\uFEFF?---[ \t]*\r?\n)([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/.exec(text);
  if (!m) return undefined;
  return { body: m[2]!, start: m[1]!.length, end: m[0].length };
}

function unquote(value: string): string {
  const v = value.trim();
  return /^(["']).*\1$/.test(v) ? v.slice(1, -1) : v;
}
