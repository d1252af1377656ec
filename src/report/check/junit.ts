import type { LocatedFinding } from '../../proposal/findings.js';
import type { FileResult, Reporter } from './types.js';

/**
 * JUnit XML for CI dashboards: one testsuite per file, one testcase per rule. A rule
 * with errors fails; warnings do not fail a test (they do not fail `check` either,
 * within --max-warnings) and are listed in the testcase's system-out.
 */
export const junit: Reporter = (results) => {
  const suites = results.map(suite);
  const tests = suites.reduce((n, s) => n + s.tests, 0);
  const failures = suites.reduce((n, s) => n + s.failures, 0);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="valuepack check" tests="${tests}" failures="${failures}" errors="0">`,
    ...suites.map((s) => s.xml),
    '</testsuites>',
  ].join('\n') + '\n';
};

function suite(r: FileResult): { xml: string; tests: number; failures: number } {
  // Codes that stopped the file from loading come first, then the rules it was checked against.
  const codes = [...new Set([...r.findings.map((f) => f.code).filter((c) => !r.rules.includes(c)), ...r.rules])];
  const cases = codes.map((code) => testcase(r.file, code, r.findings.filter((f) => f.code === code)));
  const failures = cases.filter((c) => c.failed).length;
  return {
    tests: cases.length,
    failures,
    xml: [
      `  <testsuite name="${attr(r.file)}" tests="${cases.length}" failures="${failures}" errors="0" skipped="0">`,
      ...cases.map((c) => c.xml),
      '  </testsuite>',
    ].join('\n'),
  };
}

function testcase(file: string, code: string, findings: readonly LocatedFinding[]): { xml: string; failed: boolean } {
  const open = `    <testcase classname="${attr(file)}" name="${attr(code)}"`;
  if (findings.length === 0) return { xml: `${open}/>`, failed: false };
  const listed = findings.map((f) => `${f.file}:${f.line}:${f.col}: ${f.severity}: ${f.message}`).join('\n');
  const errors = findings.filter((f) => f.severity === 'error');
  if (errors.length === 0) return { xml: `${open}>\n      <system-out>${text(listed)}</system-out>\n    </testcase>`, failed: false };
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
  return {
    xml: `${open}>\n      <failure type="error" message="${attr(errors[0]!.message + more)}">${text(listed)}</failure>\n    </testcase>`,
    failed: true,
  };
}

/** Characters XML 1.0 cannot hold at all (a key in the YAML could contain them). */
const INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function text(s: string): string {
  return s.replace(INVALID, '\uFFFD').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Attribute values also escape quotes and keep line breaks (which parsers would normalise to spaces). */
function attr(s: string): string {
  return text(s).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}
