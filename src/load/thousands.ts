// An amount written with thousands separators in a list of amounts: in `values: [1100000, 1,150,000]`
// the commas of 1,150,000 separate values, so YAML and JSON read three amounts, 1, 150 and 0. With as many
// values as columns the plan would print them without a word. The text shows what was meant: a comma
// with no space after it, followed by exactly three digits, where the list's other commas have a space
// after them and its other amounts are thousands, or the digits start with a 0 (nobody writes the amount
// 0 as 000). A list written with no spaces at all, [100,100], or of small amounts, [450, 500,520, 600]
// in tkr, is read as the amounts it says. A decimal comma is read the same way (9,5 as
// 9 and 5, in a map { share: 9,5 } as 9 and a key 5): one or two digits after a comma with no space, in
// a list or map whose other commas have spaces after them, is named as a decimal written with a comma.
import { isMap, isScalar, isSeq } from 'yaml';
import { getNodePath, type Node as JsonNode } from 'jsonc-parser';
import type { JsonPath, PlanIssue } from '../errors.js';

interface Item {
  /** The item as written. */
  source: string;
  value: unknown;
  start: number;
  end: number;
}

type Run = { first: number; run: Item[] };

/** A run of items written as one number, with thousands separators or a decimal comma: its first item's index and the items. */
function separatorRuns(items: Item[], text: string): Run[] {
  const tight = (i: number) => text.slice(items[i - 1]!.end, items[i]!.start) === ',';
  const group = (i: number) => /^\d{3}$/.test(items[i]!.source) && typeof items[i]!.value === 'number';
  const spaced = items.some((_, i) => i > 0 && !tight(i));
  const runs: Run[] = [];
  /** Runs that could be thousands or amounts with a space left out: thousands where the list has sure ones. */
  const unsure: Run[] = [];
  for (let i = 1; i < items.length; i++) {
    if (spaced && tight(i) && /^\d{1,2}$/.test(items[i]!.source) && /^-?\d+$/.test(items[i - 1]!.source)) {
      runs.push({ first: i - 1, run: items.slice(i - 1, i + 1) });
      continue;
    }
    if (!tight(i) || !group(i) || !/^\d{1,3}$/.test(items[i - 1]!.source)) continue;
    let end = i;
    while (end + 1 < items.length && tight(end + 1) && group(end + 1)) end++;
    const run = items.slice(i - 1, end + 1);
    // Amounts of thousands beside it: [450, 500,520, 600] in tkr is four amounts with a space left out, as likely as three.
    const large = items.some((item) => !run.includes(item) && typeof item.value === 'number' && Math.abs(item.value) >= 1000);
    const sure = (spaced && large) || run.slice(1).some((item) => item.source.startsWith('0'));
    (sure ? runs : unsure).push({ first: i - 1, run });
    i = end;
  }
  // In [95,600, 110,000, 112,000] every amount is split, so none is large beside 95,600; the others,
  // sure by their 000, show how the list is written.
  return runs.some(({ run }) => run[1]!.source.length === 3) ? [...runs, ...unsure].sort((a, b) => a.first - b.first) : runs;
}

function issue(path: JsonPath, run: Item[], position: { line: number; column: number }): PlanIssue {
  const written = run.map((item) => item.source).join(',');
  if (run.length === 2 && run[1]!.source.length < 3) {
    const decimal = `${run[0]!.source}.${run[1]!.source}`;
    const amount = path.includes('values') ? `, och ett belopp som ett heltal: ${Math.round(Number(decimal))}` : '';
    return { path, ...position, message: `${written} blir två värden (${run[0]!.source} och ${run[1]!.source}), eftersom kommatecknet skiljer värden åt; skriv decimaler med punkt: ${decimal}${amount}` };
  }
  const read = run.map((item) => String(item.value));
  const list = `${read.slice(0, -1).join(', ')} och ${read.at(-1)}`;
  return {
    path,
    ...position,
    message: `${written} blir ${run.length} belopp (${list}), eftersom kommatecknet skiljer värden åt; skriv beloppet utan tusentalsavgränsare: ${run.map((item) => item.source).join('')}`,
  };
}

/** The amounts written with thousands separators in a YAML document's lists written on one line. */
export function thousandsInYaml(contents: unknown, text: string, position: (offset: number) => { line: number; column: number }): PlanIssue[] {
  const issues: PlanIssue[] = [];
  const walk = (node: unknown, path: JsonPath) => {
    if (isMap(node)) {
      for (const pair of node.items) if (isScalar(pair.key)) walk(pair.value, [...path, String(pair.key.value)]);
      if (node.flow) issues.push(...inFlowMap(node.items, text, path, position));
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => walk(item, [...path, i]));
      if (!node.flow) return;
      const items = node.items.flatMap((item) => {
        if (!isScalar(item) || !item.range) return [];
        const [start, end] = item.range;
        return [{ source: text.slice(start, end).trim(), value: item.value, start, end }];
      });
      if (items.length !== node.items.length) return;
      for (const { first, run } of separatorRuns(items, text)) issues.push(issue([...path, first], run, position(run[0]!.start)));
    }
  };
  walk(contents, []);
  return issues;
}

/**
 * In a map written on one line, `{ budget2027: 1,150,000 }` reads as budget2027: 1 and the keys 150 and
 * 000 without values: the amount's first digits and the keys after it, each a comma with no space before.
 */
function inFlowMap(pairs: readonly { key: unknown; value: unknown }[], text: string, path: JsonPath, position: (offset: number) => { line: number; column: number }): PlanIssue[] {
  const issues: PlanIssue[] = [];
  const rangeOf = (node: unknown) => (isScalar(node) ? node.range : undefined);
  const isEmpty = (node: unknown) => node === null || (isScalar(node) && node.value === null);
  for (let i = 0; i < pairs.length; i++) {
    const { key, value } = pairs[i]!;
    const at = rangeOf(value);
    if (!isScalar(key) || !isScalar(value) || !at || typeof value.value !== 'number' || !/^\d{1,3}$/.test(text.slice(at[0], at[1]).trim())) continue;
    const run: Item[] = [{ source: text.slice(at[0], at[1]).trim(), value: value.value, start: at[0], end: at[1] }];
    // A decimal comma: { share: 9,5 } reads as share: 9 and a key 5 without a value.
    const next = pairs[i + 1];
    const nextKey = rangeOf(next?.key);
    if (next && nextKey && isEmpty(next.value) && text.slice(at[1], nextKey[0]) === ',' && /^\d{1,2}$/.test(text.slice(nextKey[0], nextKey[1]))) {
      const source = text.slice(nextKey[0], nextKey[1]);
      issues.push(issue([...path, String(key.value)], [...run, { source, value: Number(source), start: nextKey[0], end: nextKey[1] }], position(at[0])));
      continue;
    }
    for (let j = i + 1; j < pairs.length; j++) {
      const next = rangeOf(pairs[j]!.key);
      if (!next || !isEmpty(pairs[j]!.value) || text.slice(run.at(-1)!.end, next[0]) !== ',' || !/^\d{3}$/.test(text.slice(next[0], next[1]))) break;
      run.push({ source: text.slice(next[0], next[1]), value: Number(text.slice(next[0], next[1])), start: next[0], end: next[1] });
    }
    if (run.length > 1) issues.push(issue([...path, String(key.value)], run, position(at[0])));
  }
  return issues;
}

/** The same in a JSON plan's arrays (`1,150,500`; `1,150,000` is no JSON at all, for its 000). */
export function thousandsInJson(tree: JsonNode | undefined, text: string, position: (offset: number) => { line: number; column: number }): PlanIssue[] {
  const issues: PlanIssue[] = [];
  const walk = (node: JsonNode) => {
    for (const child of node.children ?? []) walk(child);
    if (node.type !== 'array' || !node.children?.every((c) => c.type === 'number')) return;
    const items = node.children.map((c) => ({ source: text.slice(c.offset, c.offset + c.length), value: c.value as unknown, start: c.offset, end: c.offset + c.length }));
    for (const { first, run } of separatorRuns(items, text)) issues.push(issue([...getNodePath(node), first], run, position(run[0]!.start)));
  };
  if (tree) walk(tree);
  return issues;
}
