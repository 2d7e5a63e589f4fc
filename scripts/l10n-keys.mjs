#!/usr/bin/env node
/**
 * Keeps the translations in sync with the code.
 *
 *   node scripts/l10n-keys.mjs                  report missing/extra keys per bundle and per package.nls file
 *   node scripts/l10n-keys.mjs --write-english  rewrite l10n/bundle.l10n.json from the code (key = value = template)
 *
 * Exit code 1 when anything is missing, extra, empty or has different placeholders than the English template.
 *
 * Templates are the string-literal first arguments of `l10n.t(...)` in src/extension.ts and src/vscode/*.ts, and of
 * `t(...)` in the core files that take a localize function (those importing `localize`: src/core/citations/validate.ts,
 * citations/hover.ts, index/indexFile.ts…), so a core file that starts translating is picked up by itself.
 * A call whose first argument is not a plain string literal cannot be extracted; it is reported as "dynamic".
 * The same functions are used by test/unit/l10n.test.ts.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The translated languages (VS Code locale ids, as in package.nls.<lang>.json and bundle.l10n.<lang>.json). */
export const LANGUAGES = ['fi', 'zh-cn', 'lv', 'et', 'ru'];

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));

const LITERAL = String.raw`'(?:[^'\\\r\n]|\\.)*'|"(?:[^"\\\r\n]|\\.)*"|` + '`(?:[^`\\\\$]|\\\\.|\\$(?!\\{))*`';
/** `vscode.l10n.t(` / `l10n.t(`, then the literal if there is one. */
const L10N_CALL = new RegExp(String.raw`\bl10n\.t\(\s*(${LITERAL})?`, 'g');
/** A bare `t(` (not `.t(`, not `foot(`), then the literal if there is one. */
const BARE_CALL = new RegExp(String.raw`(?<![\w$.])t\(\s*(${LITERAL})?`, 'g');

/** The source files to scan, each with the call pattern that marks a template there. */
export function sourceFiles(root = ROOT) {
  const files = [];
  const add = (path, pattern) => existsSync(join(root, path)) && files.push({ path, pattern });
  add('src/extension.ts', L10N_CALL);
  for (const name of listTs(root, 'src/vscode')) add(`src/vscode/${name}`, L10N_CALL);
  for (const name of listTsDeep(root, 'src/core')) {
    const text = readFileSync(join(root, name), 'utf8');
    if (name.endsWith('/validate.ts') || /from\s+['"][./]+(?:text\/)?localize['"]/.test(text)) add(name, BARE_CALL);
  }
  return files;
}

/** Repository-relative paths of the `.ts` files under `dir`, its folders included. */
function listTsDeep(root, dir) {
  const abs = join(root, dir);
  if (!existsSync(abs)) return [];
  return readdirSync(abs, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? listTsDeep(root, `${dir}/${e.name}`) : listTs(root, dir).includes(e.name) ? [`${dir}/${e.name}`] : []))
    .sort();
}

function listTs(root, dir) {
  const abs = join(root, dir);
  return existsSync(abs) ? readdirSync(abs).filter((n) => n.endsWith('.ts') && !n.endsWith('.d.ts')).sort() : [];
}

/** Turns a JS string literal (with its quotes) into its value. */
export function unquote(literal) {
  const body = literal.slice(1, -1);
  return body.replace(/\\(u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|\r?\n|.)/g, (_, e) => {
    if (e[0] === 'u') return String.fromCodePoint(parseInt(e[1] === '{' ? e.slice(2, -1) : e.slice(1), 16));
    if (e[0] === 'x') return String.fromCharCode(parseInt(e.slice(1), 16));
    if (e === '\n' || e === '\r\n') return '';
    return { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', v: '\v', 0: '\0' }[e] ?? e;
  });
}

/**
 * Every template in the sources, in order of first appearance, with where it is used; and the calls whose first
 * argument is not a string literal.
 * @returns {{ templates: Map<string, string[]>, dynamic: string[] }}
 */
export function extractTemplates(root = ROOT) {
  const templates = new Map();
  const dynamic = [];
  for (const { path, pattern } of sourceFiles(root)) {
    const text = readFileSync(join(root, path), 'utf8');
    for (const m of text.matchAll(pattern)) {
      const line = text.slice(0, m.index).split('\n').length;
      const where = `${path}:${line}`;
      if (m[1] === undefined) dynamic.push(where);
      else templates.set(unquote(m[1]), [...(templates.get(unquote(m[1])) ?? []), where]);
    }
  }
  return { templates, dynamic };
}

/** `{0}`, `{1}`… in a string, sorted, so two strings can be compared. */
export function placeholders(text) {
  return [...text.matchAll(/\{(\d+)\}/g)].map((m) => m[0]).sort();
}

function readJson(root, path) {
  const abs = join(root, path);
  return existsSync(abs) ? JSON.parse(readFileSync(abs, 'utf8')) : undefined;
}

/** The bundle for a language, or the English bundle for `undefined`; `undefined` if the file does not exist. */
export function readBundle(lang, root = ROOT) {
  return readJson(root, lang ? `l10n/bundle.l10n.${lang}.json` : 'l10n/bundle.l10n.json');
}

/** The package.nls file for a language, or package.nls.json for `undefined`. */
export function readNls(lang, root = ROOT) {
  return readJson(root, lang ? `package.nls.${lang}.json` : 'package.nls.json');
}

/** Every `%key%` placeholder used in package.json, in order. */
export function manifestKeys(root = ROOT) {
  const keys = new Set();
  const walk = (v) => {
    if (typeof v === 'string') {
      const m = /^%([^%\s]+)%$/.exec(v);
      if (m) keys.add(m[1]);
    } else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(readJson(root, 'package.json'));
  return [...keys];
}

/**
 * Compares one translation file with the keys it must have.
 * @param {Record<string, string> | undefined} file
 * @param {string[]} keys
 * @param {(key: string) => string} english the English text for a key
 */
export function compare(file, keys, english) {
  if (!file) return { exists: false, missing: keys, extra: [], empty: [], placeholderMismatch: [] };
  const present = Object.keys(file);
  const wanted = new Set(keys);
  return {
    exists: true,
    missing: keys.filter((k) => !(k in file)),
    extra: present.filter((k) => !wanted.has(k)),
    empty: present.filter((k) => typeof file[k] !== 'string' || !file[k].trim()),
    placeholderMismatch: present.filter((k) => wanted.has(k) && typeof file[k] === 'string' && placeholders(file[k]).join() !== placeholders(english(k)).join()),
  };
}

/** A report for every bundle and package.nls file. */
export function checkAll(root = ROOT) {
  const { templates, dynamic } = extractTemplates(root);
  const codeKeys = [...templates.keys()];
  const nlsKeys = manifestKeys(root);
  const englishNls = readNls(undefined, root) ?? {};
  const reports = [];
  for (const lang of [undefined, ...LANGUAGES]) {
    const bundle = readBundle(lang, root);
    const report = compare(bundle, codeKeys, (k) => k);
    if (!lang && bundle) report.notKeyEqualsValue = Object.keys(bundle).filter((k) => bundle[k] !== k);
    reports.push({ file: lang ? `l10n/bundle.l10n.${lang}.json` : 'l10n/bundle.l10n.json', ...report });
  }
  for (const lang of [undefined, ...LANGUAGES]) {
    reports.push({ file: lang ? `package.nls.${lang}.json` : 'package.nls.json', ...compare(readNls(lang, root), nlsKeys, (k) => englishNls[k] ?? '') });
  }
  return { codeKeys, nlsKeys, dynamic, reports };
}

function main(args) {
  if (args.includes('--write-english')) {
    const { templates } = extractTemplates();
    const bundle = Object.fromEntries([...templates.keys()].map((k) => [k, k]));
    writeFileSync(join(ROOT, 'l10n/bundle.l10n.json'), JSON.stringify(bundle, null, 2) + '\n');
    console.log(`wrote l10n/bundle.l10n.json (${templates.size} keys)`);
  }
  const { codeKeys, nlsKeys, dynamic, reports } = checkAll();
  let bad = dynamic.length > 0;
  console.log(`${codeKeys.length} templates in the code, ${nlsKeys.length} %keys% in package.json`);
  for (const where of dynamic) console.log(`dynamic (not extractable, use a string literal): ${relative(ROOT, join(ROOT, where))}`);
  for (const r of reports) {
    const problems = [
      ...(r.exists ? [] : ['file does not exist']),
      ...r.missing.map((k) => `missing: ${JSON.stringify(k)}`),
      ...r.extra.map((k) => `extra (no longer used): ${JSON.stringify(k)}`),
      ...r.empty.map((k) => `empty: ${JSON.stringify(k)}`),
      ...r.placeholderMismatch.map((k) => `placeholders differ from English: ${JSON.stringify(k)}`),
      ...(r.notKeyEqualsValue ?? []).map((k) => `English value differs from its key: ${JSON.stringify(k)}`),
    ];
    bad ||= problems.length > 0;
    console.log(`${problems.length ? '✗' : '✓'} ${r.file}${problems.length ? '' : ' — in sync'}`);
    for (const p of problems) console.log(`    ${p}`);
  }
  process.exitCode = bad ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main(process.argv.slice(2));
