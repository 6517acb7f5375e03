// Code point ranges ([from, to], both included), as fonts' coverage and unicode-ranges are written: a
// subset's coverage is a few hundred ranges, so intersecting them as ranges is cheaper than filtering
// every one of its code points against each range (which was the larger part of loading the bundled
// fonts in a cold build).
export type Ranges = readonly (readonly [number, number])[];

/** Sorted and merged: overlapping and touching ranges become one; reversed ones are left out. */
function normalized(ranges: Ranges): [number, number][] {
  const merged: [number, number][] = [];
  for (const [from, to] of [...ranges].filter(([a, b]) => a <= b).sort((a, b) => a[0] - b[0])) {
    const last = merged.at(-1);
    if (last && from <= last[1] + 1) last[1] = Math.max(last[1], to);
    else merged.push([from, to]);
  }
  return merged;
}

/** The code points in every one of the lists, as sorted, disjoint ranges. */
export function intersection(first: Ranges, ...rest: Ranges[]): [number, number][] {
  let result = normalized(first);
  for (const other of rest.map(normalized)) {
    const both: [number, number][] = [];
    for (let i = 0, j = 0; i < result.length && j < other.length; ) {
      const from = Math.max(result[i]![0], other[j]![0]);
      const to = Math.min(result[i]![1], other[j]![1]);
      if (from <= to) both.push([from, to]);
      if (result[i]![1] < other[j]![1]) i++;
      else j++;
    }
    result = both;
  }
  return result;
}

/** The code points of ranges, as a set (a lookup per character of a text is then a native one). */
export function pointSet(ranges: Ranges): Set<number> {
  const points = new Set<number>();
  for (const [from, to] of ranges) for (let cp = from; cp <= to; cp++) points.add(cp);
  return points;
}
