// Code point ranges (src/render/codePoints.ts), which the bundled fonts' coverage is intersected in:
// the same points as filtering every point, for ranges in any order, overlapping or touching.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { intersection, pointSet } from '../src/render/codePoints.js';
import { isControl, NOT_CONTROL } from '../src/render/fonts.js';

const range = fc.tuple(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 300 })).map(([a, b]) => [a, b] as [number, number]);
const ranges = fc.array(range, { maxLength: 8 });
const inAny = (list: [number, number][], cp: number) => list.some(([from, to]) => from <= cp && cp <= to);
const ALL = Array.from({ length: 302 }, (_, cp) => cp);

describe('code point ranges', () => {
  it('intersect to exactly the points in all the lists, sorted and disjoint', () => {
    fc.assert(
      fc.property(ranges, fc.array(ranges, { maxLength: 3 }), (first, rest) => {
        const result = intersection(first, ...rest);
        expect([...pointSet(result)]).toEqual(ALL.filter((cp) => [first, ...rest].every((list) => inAny(list, cp))));
        // Each range after the one before, with a gap (touching ones are merged).
        for (let i = 1; i < result.length; i++) expect(result[i]![0]).toBeGreaterThan(result[i - 1]![1] + 1);
      }),
    );
  });

  it('the ranges fonts are cut to hold every code point but the control characters', () => {
    const allowed = pointSet(NOT_CONTROL);
    const differing = [];
    for (let cp = 0; cp <= 0x10ffff; cp++) if (allowed.has(cp) === isControl(cp)) differing.push(cp);
    expect(differing).toEqual([]);
  });

  it('leave reversed ranges out and merge touching ones', () => {
    expect(intersection([[10, 12], [5, 1], [13, 20], [0x10ffff, 0x10ffff]])).toEqual([[10, 20], [0x10ffff, 0x10ffff]]);
  });
});
