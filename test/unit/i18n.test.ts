// The message catalogues stay in step with each other and with the code, and the components keep
// every user-visible word in the catalogues (parsed with the TypeScript compiler, not with regexes).
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';

const ROOT = resolve(import.meta.dirname, '../..');
const LOCALES_DIR = join(ROOT, 'public/_locales');
const SRC = join(ROOT, 'src');

interface Entry {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}
type Catalogue = Record<string, Entry>;

const locales = readdirSync(LOCALES_DIR, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();
const catalogues: Record<string, Catalogue> = Object.fromEntries(
  locales.map((l) => [l, JSON.parse(readFileSync(join(LOCALES_DIR, l, 'messages.json'), 'utf8')) as Catalogue]),
);
const en = catalogues.en!;

/** `$NAME$` references in a message (`$$` is Chrome's escape for a literal dollar sign). */
function references(message: string): string[] {
  return [...message.replace(/\$\$/g, '').matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((m) => m[1]!.toLowerCase());
}

/** Placeholder names (Chrome treats them case-insensitively) mapped to their contents. */
function placeholderMap(e: Entry): Record<string, string> {
  return Object.fromEntries(Object.entries(e.placeholders ?? {}).map(([name, p]) => [name.toLowerCase(), p.content]));
}

function srcFiles(ext: RegExp): string[] {
  return (readdirSync(SRC, { recursive: true, encoding: 'utf8' }) as string[])
    .filter((f) => ext.test(f))
    .map((f) => join(SRC, f))
    .sort();
}

function parse(file: string): ts.SourceFile {
  const kind = file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  return ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, kind);
}

function where(sf: ts.SourceFile, node: ts.Node): string {
  const { line } = sf.getLineAndCharacterOfPosition(node.getStart(sf));
  return `${relative(ROOT, sf.fileName)}:${line + 1}`;
}

describe('message catalogues', () => {
  it('include English and at least the published translations', () => {
    expect(locales).toEqual(expect.arrayContaining(['en', 'ja', 'zh_TW']));
  });

  it.each(locales)('%s has exactly the keys every other locale has', (locale) => {
    const mine = new Set(Object.keys(catalogues[locale]!));
    const problems: string[] = [];
    for (const other of locales) {
      if (other === locale) continue;
      const missing = Object.keys(catalogues[other]!).filter((k) => !mine.has(k));
      if (missing.length) problems.push(`${locale} lacks keys that ${other} has: ${missing.join(', ')}`);
    }
    expect(problems).toEqual([]);
  });

  it.each(locales)('%s: every message is a non-empty string with only known fields and a valid key', (locale) => {
    const problems: string[] = [];
    for (const [key, e] of Object.entries(catalogues[locale]!)) {
      if (!/^[A-Za-z0-9_@]+$/.test(key)) problems.push(`${key}: invalid key name`);
      if (typeof e?.message !== 'string' || e.message.trim() === '') problems.push(`${key}: empty or missing message`);
      const unknown = Object.keys(e ?? {}).filter((f) => !['message', 'description', 'placeholders'].includes(f));
      if (unknown.length) problems.push(`${key}: unknown fields ${unknown.join(', ')}`);
    }
    expect(problems).toEqual([]);
  });

  it.each(locales)('%s: every $NAME$ in a message is defined as a placeholder and every placeholder is used', (locale) => {
    const problems: string[] = [];
    for (const [key, e] of Object.entries(catalogues[locale]!)) {
      const refs = new Set(references(e.message));
      const defined = placeholderMap(e);
      for (const r of refs) if (!(r in defined)) problems.push(`${key}: $${r.toUpperCase()}$ has no placeholder definition`);
      for (const [name, content] of Object.entries(defined)) {
        if (!refs.has(name)) problems.push(`${key}: placeholder "${name}" is defined but not used in the message`);
        if (!/^\$[1-9]$/.test(content))
          problems.push(`${key}: placeholder "${name}" has content ${JSON.stringify(content)}, expected $1…$9`);
      }
    }
    expect(problems).toEqual([]);
  });

  it.each(locales.filter((l) => l !== 'en'))('%s uses the same placeholder names and $n contents as English for every key', (locale) => {
    const problems: string[] = [];
    for (const [key, e] of Object.entries(catalogues[locale]!)) {
      const base = en[key];
      if (!base) continue; // reported by the key parity test
      const a = JSON.stringify(Object.entries(placeholderMap(base)).sort());
      const b = JSON.stringify(Object.entries(placeholderMap(e)).sort());
      if (a !== b) problems.push(`${key}: en has ${a}, ${locale} has ${b}`);
    }
    expect(problems).toEqual([]);
  });

  it.each(locales)('%s: the store listing fits Chrome’s limits', (locale) => {
    const c = catalogues[locale]!;
    expect([...(c.extName?.message ?? '')].length).toBeLessThanOrEqual(75);
    expect([...(c.extDescription?.message ?? '')].length).toBeLessThanOrEqual(132);
  });

  it.each(locales.filter((l) => l !== 'en'))('%s translates every message that has English words in it', (locale) => {
    // Identical to English is fine for names and codes ("MaiAgent DevTools", "API", "$ARG1$: $ARG2$"),
    // not for a sentence that was copied over untranslated.
    const untranslated = Object.entries(catalogues[locale]!)
      .filter(([key, e]) => en[key] && e.message === en[key].message && /\b[a-z]{3,}\b/.test(e.message.replace(/\$[A-Za-z0-9_]+\$/g, '')))
      .map(([key]) => key);
    expect(untranslated).toEqual([]);
  });

  it('zh_TW is written in Traditional characters', () => {
    // Simplified-only forms of characters this UI uses (their Traditional forms: 這們發請鑰務應設錯誤網絡據時為對開關錄載刪該碼個頭體權認證連線獲導從無過選擇項顯鍵儲檢響).
    const simplified = /[这们发请钥务应设错误网络据时为对开关录载删该码个头体权认证连线获导从无过选择项显键储检响]/u;
    const bad = Object.entries(catalogues.zh_TW ?? {})
      .filter(([, e]) => simplified.test(e.message))
      .map(([key, e]) => `${key}: ${e.message}`);
    expect(bad).toEqual([]);
  });
});

describe('keys used by the code', () => {
  const used: { at: string; key: string }[] = [];
  /** String literals an argument can evaluate to: 'a', cond ? 'a' : 'b', x ?? 'a', ('a'). */
  const literalValues = (e: ts.Expression): ts.StringLiteralLike[] => {
    if (ts.isStringLiteralLike(e)) return [e];
    if (ts.isParenthesizedExpression(e) || ts.isAsExpression(e) || ts.isSatisfiesExpression(e)) return literalValues(e.expression);
    if (ts.isConditionalExpression(e)) return [...literalValues(e.whenTrue), ...literalValues(e.whenFalse)];
    if (ts.isBinaryExpression(e) && [ts.SyntaxKind.BarBarToken, ts.SyntaxKind.QuestionQuestionToken].includes(e.operatorToken.kind)) {
      return [...literalValues(e.left), ...literalValues(e.right)];
    }
    return [];
  };
  for (const file of srcFiles(/\.tsx?$/)) {
    const sf = parse(file);
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node) && node.arguments[0]) {
        const callee = node.expression;
        const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : '';
        if (name === 't' || name === 'msg' || name === 'getMessage') {
          for (const lit of literalValues(node.arguments[0])) used.push({ at: where(sf, lit), key: lit.text });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }

  it('finds t()/msg() calls at all (the scan works)', () => {
    expect(used.length).toBeGreaterThan(50);
  });

  it('every literal key passed to t(), msg() or getMessage() exists in en/messages.json', () => {
    expect(used.filter((u) => !(u.key in en)).map((u) => `${u.at}: ${u.key}`)).toEqual([]);
  });

  it('every __MSG_key__ in the manifest and the HTML pages exists in en/messages.json', () => {
    const files = [join(ROOT, 'manifest.json'), ...srcFiles(/\.html$/)];
    const missing: string[] = [];
    for (const f of files) {
      for (const m of readFileSync(f, 'utf8').matchAll(/__MSG_([A-Za-z0-9_@]+)__/g)) {
        if (!(m[1]! in en) && m[1] !== '@@extension_id' && !m[1]!.startsWith('@@')) missing.push(`${relative(ROOT, f)}: ${m[1]}`);
      }
    }
    expect(missing).toEqual([]);
  });
});

describe('components keep their words in the catalogues', () => {
  // Attributes whose value the user reads or hears.
  const TEXT_ATTRIBUTES = new Set([
    'aria-label',
    'title',
    'placeholder',
    'alt',
    'label',
    'aria-description',
    'aria-roledescription',
    'aria-placeholder',
    'aria-valuetext',
  ]);

  // Literals that are allowed because they are not words in any language. Keep this short; each
  // entry must be an example value (an origin, a number), never a word a user reads.
  const ALLOWED: { file: string; text: string; why: string }[] = [
    // An example origin in the "Site origin" field's placeholder: the same in every language.
    { file: 'src/options/SitesSection.tsx', text: 'http://localhost:3000', why: 'example origin' },
  ];

  const hasLetters = (s: string) => /\p{L}/u.test(s.replace(/&(?:[a-z]+|#\d+|#x[0-9a-f]+);/gi, ''));

  /**
   * The literal strings an expression can show as is: literals, the fixed parts of template strings,
   * both branches of conditions, both sides of ||, ??, && and +. Arguments of calls (t('key')) are
   * not shown text and are not collected.
   */
  const shownLiterals = (e: ts.Node): ts.Node[] => {
    if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return [e];
    if (ts.isTemplateExpression(e)) {
      return [e.head, ...e.templateSpans.flatMap((s) => [s.literal, ...shownLiterals(s.expression)])];
    }
    if (ts.isParenthesizedExpression(e) || ts.isAsExpression(e) || ts.isSatisfiesExpression(e) || ts.isNonNullExpression(e))
      return shownLiterals(e.expression);
    if (ts.isConditionalExpression(e)) return [...shownLiterals(e.whenTrue), ...shownLiterals(e.whenFalse)];
    if (ts.isBinaryExpression(e)) {
      const k = e.operatorToken.kind;
      if (k === ts.SyntaxKind.BarBarToken || k === ts.SyntaxKind.QuestionQuestionToken || k === ts.SyntaxKind.PlusToken)
        return [...shownLiterals(e.left), ...shownLiterals(e.right)];
      if (k === ts.SyntaxKind.AmpersandAmpersandToken) return shownLiterals(e.right);
    }
    if (ts.isArrayLiteralExpression(e)) return e.elements.flatMap(shownLiterals);
    return [];
  };
  const textOf = (n: ts.Node): string =>
    ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n) || ts.isTemplateHead(n) || ts.isTemplateMiddle(n) || ts.isTemplateTail(n)
      ? (n as ts.LiteralLikeNode).text
      : ts.isJsxText(n)
        ? n.text
        : '';

  interface Found {
    at: string;
    file: string;
    text: string;
    kind: string;
  }
  function scan(sf: ts.SourceFile): Found[] {
    const found: Found[] = [];
    const rel = relative(ROOT, sf.fileName);
    const report = (n: ts.Node, kind: string) => {
      const text = textOf(n);
      if (hasLetters(text)) found.push({ at: where(sf, n), file: rel, text: text.trim(), kind });
    };
    const visit = (node: ts.Node): void => {
      if (ts.isJsxText(node)) report(node, 'JSX text');
      else if (ts.isJsxExpression(node) && node.expression && (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent))) {
        for (const lit of shownLiterals(node.expression)) report(lit, 'JSX child');
      } else if (ts.isJsxAttribute(node) && TEXT_ATTRIBUTES.has(node.name.getText(sf).toLowerCase()) && node.initializer) {
        const init = node.initializer;
        const lits = ts.isStringLiteral(init) ? [init] : ts.isJsxExpression(init) && init.expression ? shownLiterals(init.expression) : [];
        for (const lit of lits) report(lit, `${node.name.getText(sf)}=`);
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
    return found;
  }

  const files = srcFiles(/\.tsx$/);
  const found = files.flatMap((f) => scan(parse(f)));

  it('the scan catches literals and passes t() calls (self-check on a sample)', () => {
    const sample = ts.createSourceFile(
      join(SRC, 'Sample.tsx'),
      [
        'export const A = (p: { x: boolean; n: string }) => (',
        '  <div title={t("k")} aria-label={p.x ? "Open menu" : t("k")}>',
        '    {t("k")} · {p.n} — {p.x && "Loading"}',
        '    <p>Hello</p>',
        '    <input placeholder="Type here" alt={`${t("k")} (${p.n})`} />',
        '    <>{`Total: ${p.n}`}</>',
        '  </div>',
        ');',
      ].join('\n'),
      ts.ScriptTarget.Latest,
      true,
      ts.ScriptKind.TSX,
    );
    expect(scan(sample).map((f) => `${f.kind} ${f.text}`)).toEqual([
      'aria-label= Open menu',
      'JSX child Loading',
      'JSX text Hello',
      'placeholder= Type here',
      'JSX child Total:',
    ]);
  });

  it('scans the components (the scan works)', () => {
    expect(files.length).toBeGreaterThan(5);
  });

  it('the allowlist holds only example values, no words', () => {
    for (const a of ALLOWED) expect(a.text, a.why).toMatch(/^(?:https?:\/\/[a-z0-9.-]+(?::\d+)?\/?|[\d\s.,:/+-]+)$/i);
  });

  it('no JSX text or text attribute (aria-label, title, placeholder, alt, label) holds a literal with letters', () => {
    const violations = found
      .filter((f) => !ALLOWED.some((a) => a.file === f.file && a.text === f.text))
      .map((f) => `${f.at} ${f.kind} ${JSON.stringify(f.text)}`);
    expect(violations, 'move these strings into public/_locales/*/messages.json and use t()').toEqual([]);
  });
});
