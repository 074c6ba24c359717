import { describe, expect, it } from 'vitest';

import { growthExponent, median, medianInterval } from '../bench/stats.js';

describe('median', () => {
  it('takes the middle round, or the mean of the two middle ones', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});

describe('medianInterval', () => {
  // P(Binomial(9, ½) < 2) = (1 + 9) / 512: the 2nd lowest and 2nd highest of 9 rounds hold the
  // median with 1 - 20/512 = 96.1% confidence; the 3rd of each, 1 - 2·(1 + 9 + 36)/512 = 82%, too little.
  it('gives the 2nd lowest and 2nd highest of 9 rounds', () => {
    const rounds = [1.2, 1.05, 1.11, 1.3, 1.09, 1.14, 1.02, 1.1, 1.17];
    expect(medianInterval(rounds)).toEqual({ low: 1.05, high: 1.2, confidence: 1 - 20 / 512 });
  });

  // P(Binomial(15, ½) < 4) = (1 + 15 + 105 + 455) / 32768; with the 5th, 1941 / 32768 leaves 88%.
  it('gives the 4th lowest and 4th highest of 15 rounds', () => {
    const rounds = Array.from({ length: 15 }, (_, i) => 15 - i);
    expect(medianInterval(rounds)).toEqual({ low: 4, high: 12, confidence: 1 - (2 * 576) / 32768 });
  });

  it('asks for more confidence with wider intervals', () => {
    const rounds = Array.from({ length: 15 }, (_, i) => i + 1);
    // 1 - 2·(1 + 15 + 105)/32768 = 99.3% for the 3rd of each.
    expect(medianInterval(rounds, 0.99)).toEqual({ low: 3, high: 13, confidence: 1 - (2 * 121) / 32768 });
  });

  it('gives none for fewer than 5 rounds at 90%: even the lowest and highest of 4 hold it only 87.5% of the time', () => {
    expect(medianInterval([1, 2, 3, 4])).toBeNull();
    expect(medianInterval([1, 2, 3])).toBeNull();
    expect(medianInterval([1, 2, 3, 4, 5])).toEqual({ low: 1, high: 5, confidence: 1 - 2 / 32 });
  });
});

describe('growthExponent', () => {
  it('reads the power of a time that grows as a power of the size', () => {
    const points = [1_000, 10_000, 50_000].map((lines) => ({ lines, ms: 0.02 * lines ** 1.5 }));
    expect(growthExponent(points)).toBeCloseTo(1.5, 10);
    expect(growthExponent(points.map((p) => ({ lines: p.lines, ms: p.lines / 10 })))).toBeCloseTo(1, 10);
  });
});
