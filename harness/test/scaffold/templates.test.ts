import test from 'ava';
import ts from 'typescript';
import { replaceOutcome } from '../../src/readme/markers.js';
import { indexTs, readmeMd, testTs } from '../../src/scaffold/templates.js';

const HOSTILE = "x */ globalThis.pwned = 1; /* ` ${process.exit(9)} \\ \u2028 '\"";

/** Every comment of a TypeScript source, as the compiler sees them. */
function comments(source: string): string[] {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, false, ts.LanguageVariant.Standard, source);
  const out: string[] = [];
  for (let kind = scanner.scan(); kind !== ts.SyntaxKind.EndOfFileToken; kind = scanner.scan()) {
    if (kind === ts.SyntaxKind.SingleLineCommentTrivia || kind === ts.SyntaxKind.MultiLineCommentTrivia) out.push(scanner.getTokenText());
  }
  return out;
}

/** The string literals of a source file, decoded. */
function stringLiterals(source: string): string[] {
  const file = ts.createSourceFile('x.ts', source, ts.ScriptTarget.Latest, true);
  const out: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isStringLiteral(node)) out.push(node.text);
    ts.forEachChild(node, visit);
  };
  visit(file);
  return out;
}

test('repro new: a hostile title lands in index.ts only as a string literal, never in a comment or as code', (t) => {
  const source = indexTs({ id: 'x', title: HOSTILE, year: 2025 });
  const file = ts.createSourceFile('index.ts', source, ts.ScriptTarget.Latest, true);
  t.deepEqual((file as unknown as { parseDiagnostics: unknown[] }).parseDiagnostics, [], 'parses cleanly');
  t.true(stringLiterals(source).includes(HOSTILE), 'the title round-trips as one string literal');
  for (const c of comments(source)) t.false(c.includes('pwned') || c.includes('x */'), `comment carries user text: ${c}`);
  // No statement other than the imports and the default export: the payload did not become code.
  t.deepEqual(file.statements.map((s) => ts.SyntaxKind[s.kind]), ['ImportDeclaration', 'ImportDeclaration', 'ImportDeclaration', 'ImportDeclaration', 'ExportAssignment']);
});

test('repro new: the generated test carries the id only inside JSON-encoded literals', (t) => {
  const source = testTs({ id: 'my-paper', title: HOSTILE, year: 2025 });
  const file = ts.createSourceFile('t.ts', source, ts.ScriptTarget.Latest, true);
  t.deepEqual((file as unknown as { parseDiagnostics: unknown[] }).parseDiagnostics, []);
  t.false(source.includes('`'), 'no template literal in generated code');
  t.true(stringLiterals(source).some((s) => s.includes('"my-paper":')));
});

test('a new paper\'s README has the outcome markers, so `repro readme` (and make verify) can fill it', (t) => {
  const readme = readmeMd({ id: 'new-paper', title: 'T', year: 2026 });
  t.is(replaceOutcome(readme, 'generated\n', 'README.md'), readme.replace('<!-- outcome:start -->\n', '<!-- outcome:start -->\ngenerated\n'));
});
