// Scores every rule against the labelled corpus under tests/corpus (see scripts/accuracy.js),
// after proving on a small fixture corpus with two fake rules that the scorer counts right.
import type { Rule } from 'eslint';

import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

import { formatReport, MIN_POSITIVES, scoreCorpus, THRESHOLD, thresholdFailures, type CorpusScore } from '../scripts/accuracy.js';
import plugin from '../src/index.js';

const root = path.resolve(import.meta.dirname, '..');
const selftest = path.join(root, 'tests/fixtures/accuracy-selftest');

/** `flag-call` reports every call to `flagMe()`, `flag-literal` every string literal 'BAD'. */
function fakeRule(kind: 'call' | 'literal'): Rule.RuleModule {
  return {
    meta: { type: 'problem', schema: [], messages: { hit: 'Hit.' } },
    create: (context) => ({
      CallExpression(node) {
        if (kind === 'call' && node.callee.type === 'Identifier' && node.callee.name === 'flagMe') {
          context.report({ node, messageId: 'hit' });
        }
      },
      Literal(node) {
        if (kind === 'literal' && node.value === 'BAD') context.report({ node, messageId: 'hit' });
      },
    }),
  };
}
const fakePlugin = { rules: { 'flag-call': fakeRule('call'), 'flag-literal': fakeRule('literal') } };

describe('corpus scorer (self-test on tests/fixtures/accuracy-selftest)', () => {
  let score: CorpusScore;
  beforeAll(async () => {
    score = await scoreCorpus({ targets: [path.join(selftest, 'corpus')], plugin: fakePlugin, namespace: 'selftest', cwd: root });
  });

  it('finds every labelled function, including methods, nested arrows and route callbacks', () => {
    expect(score.errors).toEqual([]);
    expect(score.files).toBe(2);
    expect(score.units).toBe(11);
  });

  it('counts TP, FN and FP per function for flag-call', () => {
    // TP: reportsAsExpected, inner (nested in an `@expect none` function), app.post callback,
    // OrderService.pay (label above its decorator), OrderService.capture (label below its decorator).
    // FN: expectedButSilent. FP: silentButReportedTwice (two findings, one function) and the module-level call.
    const s = score.rules.find((r) => r.rule === 'flag-call');
    expect(s).toMatchObject({ positives: 6, tp: 5, fn: 1, fp: 2 });
    expect(s?.recall).toBeCloseTo(5 / 6);
    expect(s?.precision).toBeCloseTo(5 / 7);
  });

  it('scores only the rules a file names in @corpus-rules', () => {
    // restricted.tsx calls flagMe() but scores only flag-literal: no FP for flag-call there.
    // flag-literal: TP OrderService.pay and Page, FN expectsLiteral.
    expect(score.rules.find((r) => r.rule === 'flag-literal')).toMatchObject({ positives: 3, tp: 2, fn: 1, fp: 0 });
    expect(score.misses.filter((m) => m.file.endsWith('restricted.tsx'))).toEqual([]);
  });

  it('lists every miss with file, line and function name', () => {
    const rel = 'tests/fixtures/accuracy-selftest/corpus/handlers.ts';
    expect(score.misses.map((m) => `${m.kind} ${m.rule} ${m.file}:${m.line} ${m.name}`)).toEqual([
      `FN flag-call ${rel}:14 expectedButSilent`,
      `FP flag-call ${rel}:20 silentButReportedTwice`,
      `FN flag-literal ${rel}:58 expectsLiteral`,
      `FP flag-call ${rel}:60 (outside every labelled function)`,
    ]);
  });

  it('fails rules below the thresholds and, behind the minimum, rules with too few positives', () => {
    expect(thresholdFailures(score)).toEqual([
      'flag-call: recall 0.83 < 0.9 (5/6)',
      'flag-call: precision 0.71 < 0.9 (5 TP, 2 FP)',
      'flag-literal: recall 0.67 < 0.9 (2/3)',
    ]);
    expect(thresholdFailures(score, { threshold: 0.6, minPositives: 4 })).toEqual([
      'flag-literal: 3 labelled positive functions, fewer than 4',
    ]);
    expect(formatReport(score)).toMatch(/^flag-call\s+6\s+5\s+1\s+2\s+0\.83\s+0\.71$/m);
  });

  it('reports malformed labels and unknown rules as errors', async () => {
    const bad = await scoreCorpus({ targets: [path.join(selftest, 'malformed')], plugin: fakePlugin, namespace: 'selftest', cwd: root });
    const rel = 'tests/fixtures/accuracy-selftest/malformed';
    expect(bad.errors).toEqual([
      `${rel}/blank-line.ts:1: @expect is not followed by a function (line 2)`,
      `${rel}/duplicate-label.ts:2: a second @expect for the same function (put every rule id in one label)`,
      `${rel}/not-a-function.ts:2: @expect is not followed by a function: the statement has no function (handler callback) in it`,
      `${rel}/unknown-rule.ts:1: @expect names unknown rule "flag-cal"`,
      `${rel}/unknown-rule.ts:4: @expect none cannot be combined with rule ids`,
    ]);
    // Errors fail the run; the one well-formed label (labelledTwice expects flag-call) is an FN.
    expect(thresholdFailures(bad)).toEqual([...bad.errors, 'flag-call: recall 0.00 < 0.9 (0/1)']);
  });
});

describe('labelled corpus (tests/corpus)', () => {
  const ruleIds = Object.keys(plugin.rules ?? {}).sort();
  let score: CorpusScore;
  beforeAll(async () => {
    score = await scoreCorpus({ targets: [path.join(root, 'tests/corpus')], plugin, namespace: 'prodguard', cwd: root });
    console.log(formatReport(score));
  });

  it('has only well-formed labels naming known rules', () => {
    expect(score.errors).toEqual([]);
  });

  it('scores every rule of the plugin', () => {
    expect(score.rules.map((r) => r.rule)).toEqual(ruleIds);
  });

  // Every rule needs at least 15 functions labelled positive (PRODGUARD_CORPUS_MIN overrides).
  const min = Number(process.env.PRODGUARD_CORPUS_MIN ?? MIN_POSITIVES);
  it(`every rule with labelled positives reaches recall and precision ${THRESHOLD}${min ? `, with at least ${min} positives` : ''}`, () => {
    expect(thresholdFailures({ ...score, errors: [] }, { minPositives: min })).toEqual([]);
  });
});
