// The bench's statistics: the median of the rounds, how far it can be trusted, and the growth exponent.

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/**
 * A confidence interval for the median, from the order statistics alone (no assumption about the
 * shape of the noise): with `n` rounds, the true median lies between the k-th lowest and the k-th
 * highest round with probability 1 - 2·P(Binomial(n, ½) < k). Returns the narrowest such interval
 * whose confidence is at least `confidence`, with the confidence it reaches, or null when there
 * are too few rounds for it (5 for 90%).
 */
export function medianInterval(xs, confidence = 0.9) {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  /** P(Binomial(n, ½) < k). */
  const below = (k) => {
    let p = 0;
    let term = 0.5 ** n; // P(X = 0)
    for (let i = 0; i < k; i++) {
      p += term;
      term = (term * (n - i)) / (i + 1);
    }
    return p;
  };
  let best = null;
  for (let k = 1; 2 * k <= n + 1; k++) {
    const reached = 1 - 2 * below(k);
    if (reached < confidence) break;
    best = { low: s[k - 1], high: s[n - k], confidence: reached };
  }
  return best;
}

/** Least-squares slope of log(time) against log(size). */
export function growthExponent(points) {
  const xs = points.map((p) => Math.log(p.lines));
  const ys = points.map((p) => Math.log(p.ms));
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let num = 0;
  let den = 0;
  for (let i = 0; i < xs.length; i++) {
    num += (xs[i] - mx) * (ys[i] - my);
    den += (xs[i] - mx) ** 2;
  }
  return num / den;
}
