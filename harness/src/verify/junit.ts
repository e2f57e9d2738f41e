/** JUnit XML: one testsuite per reproduction, one testcase per claim and per control. */
import type { ExpectationCheck } from './compare.js';

export function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!)
    // Characters XML 1.0 cannot carry at all.
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');
}

export function junit(checks: readonly ExpectationCheck[]): string {
  const suites = new Map<string, ExpectationCheck[]>();
  for (const c of checks) suites.set(c.reproduction, [...(suites.get(c.reproduction) ?? []), c]);
  const failures = checks.filter((c) => !c.ok).length;
  const lines = [`<?xml version="1.0" encoding="UTF-8"?>`, `<testsuites name="repro verify" tests="${checks.length}" failures="${failures}">`];
  for (const [id, list] of suites) {
    lines.push(`  <testsuite name="${escapeXml(id)}" tests="${list.length}" failures="${list.filter((c) => !c.ok).length}">`);
    for (const c of list) {
      const attrs = `classname="${escapeXml(id)}" name="${escapeXml(c.name)}"`;
      const stat = c.name.endsWith('/control') ? c.claim.control?.evidence.statistic : c.claim.statistic;
      const accepted = c.judgement?.accepted ? ` accepted by expected.json: ${c.judgement.why ?? 'no reason recorded'}` : '';
      const out = `verdict=${c.actual} expected=${c.expected ?? 'none'} statistic=${stat ?? 'n/a'} threshold=${c.claim.threshold}${accepted}`;
      if (c.ok) {
        lines.push(`    <testcase ${attrs}><system-out>${escapeXml(out)}</system-out></testcase>`);
      } else {
        lines.push(`    <testcase ${attrs}><failure message="${escapeXml(c.message.slice(0, 500))}" type="${escapeXml(c.actual)}">${escapeXml(out)}</failure></testcase>`);
      }
    }
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>', '');
  return lines.join('\n');
}
