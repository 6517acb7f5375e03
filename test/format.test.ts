import { describe, expect, it } from 'vitest';
import { formatDateSv, formatFixed, formatInteger, formatShare, formatShareInText } from '../src/format.js';

describe('Swedish formatting', () => {
  it('groups thousands with a non-breaking space and uses a real minus sign', () => {
    expect(formatInteger(1255000)).toBe('1\u00a0255\u00a0000');
    expect(formatInteger(-751)).toBe('\u2212751');
    expect(formatInteger(0)).toBe('0');
  });
  it('prints shares with a decimal comma and a non-breaking space before %', () => {
    expect(formatShare(1175)).toBe('11,75\u00a0%');
    expect(formatFixed(150, 2)).toBe('1,50');
    expect(formatFixed(-5, 1)).toBe('\u22120,5');
  });
  it('quotes a share in text with as few decimals as it has', () => {
    expect([5000, 1175, 950, 10000, 5, 1030].map(formatShareInText)).toEqual(['50', '11,75', '9,5', '100', '0,05', '10,3']);
  });
  it('writes dates in ISO or long Swedish form', () => {
    expect(formatDateSv('2024-11-28')).toBe('2024-11-28');
    expect(formatDateSv('2024-11-28', 'long')).toBe('28 november 2024');
  });
});
