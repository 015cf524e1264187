import { describe, expect, it } from 'vitest';
import { GAD7, PHQ9 } from './instruments';
import { scoreMeasure, severityOf, summarizeTrend } from './measure-scoring';

/** Answers for `instrument` adding up to `total`, filled from the first item (item 9 stays 0 unless needed). */
function answersFor(count: number, total: number): number[] {
  const answers = Array.from({ length: count }, () => 0);
  for (let i = 0, left = total; left > 0; i++, left -= 3) answers[i] = Math.min(3, left);
  return answers;
}

describe('PHQ-9 scoring', () => {
  it('keeps the nine standard items and four answer options', () => {
    expect(PHQ9.items).toHaveLength(9);
    expect(PHQ9.items[8]).toBe('Thoughts that you would be better off dead or of hurting yourself in some way');
    expect(PHQ9.options).toEqual(['Not at all', 'Several days', 'More than half the days', 'Nearly every day']);
  });

  it.each([
    [0, 'MINIMAL'],
    [4, 'MINIMAL'],
    [5, 'MILD'],
    [9, 'MILD'],
    [10, 'MODERATE'],
    [14, 'MODERATE'],
    [15, 'MODERATELY_SEVERE'],
    [19, 'MODERATELY_SEVERE'],
    [20, 'SEVERE'],
    [21, 'SEVERE'],
    [27, 'SEVERE'],
  ] as const)('a total of %i is %s', (total, severity) => {
    const score = scoreMeasure('PHQ9', answersFor(9, total));
    expect(score.total).toBe(total);
    expect(score.severity).toBe(severity);
  });

  it('flags item 9 above 0 for the clinician, whatever the total', () => {
    expect(scoreMeasure('PHQ9', [0, 0, 0, 0, 0, 0, 0, 0, 1])).toEqual({ total: 1, severity: 'MINIMAL', selfHarmRisk: true });
    expect(scoreMeasure('PHQ9', [3, 3, 3, 3, 3, 3, 3, 3, 0]).selfHarmRisk).toBe(false);
  });

  it.each([
    ['too few answers', [0, 0, 0, 0, 0, 0, 0, 0]],
    ['too many answers', [0, 0, 0, 0, 0, 0, 0, 0, 0, 0]],
    ['an answer above 3', [0, 0, 0, 0, 4, 0, 0, 0, 0]],
    ['a negative answer', [0, -1, 0, 0, 0, 0, 0, 0, 0]],
    ['a fraction', [0, 0, 1.5, 0, 0, 0, 0, 0, 0]],
  ])('refuses %s with BAD_USER_INPUT', (_label, answers) => {
    expect(() => scoreMeasure('PHQ9', answers)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
  });
});

describe('GAD-7 scoring', () => {
  it('keeps the seven standard items', () => {
    expect(GAD7.items).toHaveLength(7);
    expect(GAD7.items[0]).toBe('Feeling nervous, anxious, or on edge');
  });

  it.each([
    [0, 'MINIMAL'],
    [4, 'MINIMAL'],
    [5, 'MILD'],
    [9, 'MILD'],
    [10, 'MODERATE'],
    [14, 'MODERATE'],
    [15, 'SEVERE'],
    [21, 'SEVERE'],
  ] as const)('a total of %i is %s', (total, severity) => {
    expect(scoreMeasure('GAD7', answersFor(7, total))).toEqual({ total, severity, selfHarmRisk: false });
  });

  it('refuses PHQ-9-length answers and impossible totals', () => {
    expect(() => scoreMeasure('GAD7', answersFor(9, 3))).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
    expect(() => severityOf('GAD7', 22)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
  });
});

describe('trend summary', () => {
  it('has no change with a single score', () => {
    expect(summarizeTrend([12])).toEqual({ changeSinceFirst: null, changeSincePrevious: null, percentChangeSinceFirst: null, response: false, remission: false });
  });

  it('measures change since the first and the previous score', () => {
    expect(summarizeTrend([18, 14, 12])).toEqual({ changeSinceFirst: -6, changeSincePrevious: -2, percentChangeSinceFirst: -33.3, response: false, remission: false });
  });

  it('calls a drop of half or more a response, and under 5 a remission', () => {
    expect(summarizeTrend([18, 9])).toMatchObject({ response: true, remission: false });
    expect(summarizeTrend([18, 10])).toMatchObject({ response: false });
    expect(summarizeTrend([12, 4])).toMatchObject({ response: true, remission: true });
  });

  it('gives no hint when the baseline was already minimal', () => {
    expect(summarizeTrend([4, 0])).toMatchObject({ response: false, remission: false, changeSinceFirst: -4 });
    expect(summarizeTrend([0, 3])).toMatchObject({ percentChangeSinceFirst: null, changeSinceFirst: 3 });
  });
});
