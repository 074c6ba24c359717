/**
 * The analysis's caches, in two kinds.
 *
 * `fileCache`: one file's worth of analysis.
 *
 * ESLint lints one file at a time: every rule's listeners for a file run before the next file
 * starts. A cache that keeps only the file being linted, and drops it when another file asks,
 * is therefore complete, and lets the garbage collector free a file's analysis as soon as the
 * next file begins.
 *
 * A module-level `WeakMap` keyed by the file's `Program` or `SourceCode` would give the same
 * answers but keep them far longer: the map lives in the old generation, so the young-generation
 * collections that run every few files treat its values as alive, copy them and promote them,
 * and only a full collection, seconds later, finds their keys dead. Over a 2,000-file run that
 * copying costs more than the analysis itself.
 */

/** A cache of one value per file, keyed by the file's `Program` or `SourceCode`. */
export function fileCache<K extends object, V>(): (key: K, make: () => V) => V {
  let lastKey: K | undefined;
  let lastValue: V | undefined;
  return (key, make) => {
    if (key !== lastKey) {
      // Forget the previous file first: `make` may be the first step of a long analysis.
      lastKey = undefined;
      lastValue = undefined;
      lastValue = make();
      lastKey = key;
    }
    return lastValue as V;
  };
}

/**
 * `keyedMemo`: the answers of a pure function of a name (a module specifier, a global's name),
 * shared across files because a project has few distinct ones. Bounded, so that an editor session
 * that sees thousands of them does not keep them all.
 */
export function keyedMemo<V>(compute: (key: string) => V, limit = 2048): (key: string) => V {
  const answers = new Map<string, V>();
  return (key) => {
    const known = answers.get(key);
    if (known !== undefined || answers.has(key)) return known as V;
    const value = compute(key);
    if (answers.size >= limit) answers.clear();
    answers.set(key, value);
    return value;
  };
}
