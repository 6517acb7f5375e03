// Which section of the new version is which of the old, where their keys (titles) differ: a title
// whose years moved on (vplan next), or a new title over the same content. See diff.ts.
/**
 * Sections that only the years in their titles (or their parents') tell apart, as `vplan next` moves
 * them ("Budget 2025 och plan 2026–2027" a year on): the same section, by new key → old key. Only
 * where one section on each side fits.
 */
export function pairedByYears(old: Map<string, unknown>, now: Map<string, unknown>): Map<string, string> {
  const yearless = (key: string) => key.replace(/(?<!\d)(?:19|20)\d\d(?!\d)/g, 'ÅÅÅÅ');
  const group = (keys: string[]) => {
    const out = new Map<string, string[]>();
    for (const key of keys) out.set(yearless(key), [...(out.get(yearless(key)) ?? []), key]);
    return out;
  };
  const oldOnly = group([...old.keys()].filter((k) => !now.has(k)));
  const newOnly = group([...now.keys()].filter((k) => !old.has(k)));
  const pairs = new Map<string, string>();
  for (const [shape, keys] of newOnly) {
    const before = oldOnly.get(shape);
    if (keys.length === 1 && before?.length === 1) pairs.set(keys[0]!, before[0]!);
  }
  return pairs;
}

/**
 * Sections that only their titles (or their parents') tell apart: new key → old key where one section
 * on each side, neither paired yet, has exactly this content.
 */
export function pairedByContent(old: Map<string, { body: string }>, now: Map<string, { body: string }>, paired: Map<string, string>): Map<string, string> {
  const taken = new Set(paired.values());
  const byBody = (m: Map<string, { body: string }>, unpaired: (k: string) => boolean) => {
    const out = new Map<string, string[]>();
    for (const [k, s] of m) if (unpaired(k)) out.set(s.body, [...(out.get(s.body) ?? []), k]);
    return out;
  };
  const oldOnly = byBody(old, (k) => !now.has(k) && !taken.has(k));
  const newOnly = byBody(now, (k) => !old.has(k) && !paired.has(k));
  const pairs = new Map<string, string>();
  for (const [body, keys] of newOnly) {
    const before = oldOnly.get(body);
    if (keys.length === 1 && before?.length === 1) pairs.set(keys[0]!, before[0]!);
  }
  return pairs;
}
