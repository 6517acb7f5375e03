// The budget engine: pure integer arithmetic over a plan's budget. It computes every sum, subtotal,
// result, carry-forward, balancing value and varav remainder; the plan itself never states a total.
import type { BudgetInput, GroupInput, ItemInput, RowInput } from '../load/schema.js';
import type { BudgetColumn, BudgetNames, BudgetTable, Cells, ComputedBudget, TableRow, Unit } from '../model.js';
import type { JsonPath, PlanIssue } from '../errors.js';
import { formatInteger } from '../format.js';
import { suggest } from '../load/messages.js';
import { resolvePositions } from './values.js';

export interface BudgetContext {
  /** Member-contribution totals by budget column id, already in the budget's unit. */
  contributionTotals: Map<string, number>;
  /** The plan's budget year: deficits are only warned about from this year on, not in past columns. */
  budgetYear?: number;
}

export interface BudgetOutcome {
  budget?: ComputedBudget;
  /** With refusals: the names figures in the text may quote, so that they are checked in the same run. */
  names?: BudgetNames;
  /** Refusals: the plan is not built. */
  issues: PlanIssue[];
  /** Worth telling the board about, but the plan is built. */
  warnings: PlanIssue[];
}

const kindLabels = { budget: 'Budget', prognos: 'Prognos', utfall: 'Utfall', plan: 'Plan' } as const;
const unitWords: Record<Unit, string> = { kr: 'kronor', tkr: 'tusental kronor (tkr)' };

type VaravInput = NonNullable<RowInput['varav']>[number];

interface RowNode {
  kind: 'row';
  side: 'income' | 'costs';
  path: JsonPath;
  input: RowInput;
  varav: { path: JsonPath; input: VaravInput }[];
}
interface GroupNode {
  kind: 'group';
  side: 'income' | 'costs';
  path: JsonPath;
  input: GroupInput;
  items: Node[];
}
type Node = RowNode | GroupNode;

const isGroup = (item: ItemInput): item is GroupInput => 'rows' in item;

function buildNodes(items: ItemInput[], side: 'income' | 'costs', path: JsonPath): Node[] {
  return items.map((item, i) => {
    const itemPath = [...path, i];
    if (isGroup(item)) {
      return { kind: 'group', side, path: itemPath, input: item, items: buildNodes(item.rows, side, [...itemPath, 'rows']) };
    }
    return {
      kind: 'row',
      side,
      path: itemPath,
      input: item,
      varav: (item.varav ?? []).map((v, j) => ({ path: [...itemPath, 'varav', j], input: v })),
    };
  });
}

function rowsOf(nodes: Node[]): RowNode[] {
  return nodes.flatMap((n) => (n.kind === 'row' ? [n] : rowsOf(n.items)));
}
function groupsOf(nodes: Node[]): GroupNode[] {
  return nodes.flatMap((n) => (n.kind === 'group' ? [n, ...groupsOf(n.items)] : []));
}

/** Sum of cells; blank only when every part is blank. */
export function sumCells(values: (number | null)[]): number | null {
  let sum: number | null = null;
  for (const v of values) if (v !== null) sum = (sum ?? 0) + v;
  return sum;
}

const key = (path: JsonPath) => path.join('/');

export function computeBudget(input: BudgetInput, context: BudgetContext): BudgetOutcome {
  const issues: PlanIssue[] = [];
  const warnings: PlanIssue[] = [];
  const base: JsonPath = ['budget'];

  // ---- columns
  const columns: BudgetColumn[] = input.columns.map((c) => ({
    id: c.id ?? `${c.kind}${c.year}`,
    kind: c.kind,
    year: c.year,
    label: c.label ?? `${kindLabels[c.kind]} ${c.year}`,
  }));
  const columnIndex = new Map<string, number>();
  columns.forEach((c, i) => {
    if (columnIndex.has(c.id)) {
      issues.push({
        path: [...base, 'columns', i, ...(input.columns[i]!.id ? ['id'] : [])],
        message: `kolumn-id "${c.id}" finns redan; ge kolumnen ett eget "id"`,
      });
    } else columnIndex.set(c.id, i);
  });
  const columnIds = [...columnIndex.keys()];
  // Values written as lists are placed in their columns before anything else reads them.
  input = resolvePositions(input, columns.map((c) => c.id), issues);
  const checkColumn = (id: string, path: JsonPath) => {
    if (columnIndex.has(id)) return true;
    const hint = suggest(id, columnIds);
    issues.push({
      path,
      message: `okänd kolumn "${id}"${hint ? ` – menade du "${hint}"?` : ''}; kolumnerna är ${columnIds.join(', ')}`,
    });
    return false;
  };
  const checkValues = (values: Record<string, number | null> | undefined, path: JsonPath) => {
    for (const id of Object.keys(values ?? {})) checkColumn(id, [...path, 'values', id]);
  };

  // ---- structure and references
  const income = buildNodes(input.income.rows, 'income', [...base, 'income', 'rows']);
  const costs = buildNodes(input.costs.rows, 'costs', [...base, 'costs', 'rows']);
  const allRows = [...rowsOf(income), ...rowsOf(costs)];
  const allGroups = [...groupsOf(income), ...groupsOf(costs)];
  const details = input.details ?? [];
  const detailIndex = new Map<string, number>();
  details.forEach((d, i) => {
    if (detailIndex.has(d.id)) issues.push({ path: [...base, 'details', i, 'id'], message: `specifikationen "${d.id}" finns redan` });
    detailIndex.set(d.id, i);
    d.rows.forEach((r, j) => {
      checkValues(r.values, [...base, 'details', i, 'rows', j]);
      (r.varav ?? []).forEach((v, k) => checkValues(v.values, [...base, 'details', i, 'rows', j, 'varav', k]));
    });
    for (const id of Object.keys(d.columnLabels ?? {})) checkColumn(id, [...base, 'details', i, 'columnLabels', id]);
  });

  const namedPaths = new Map<string, JsonPath>();
  const claimName = (id: string | undefined, path: JsonPath) => {
    if (id === undefined) return;
    const earlier = namedPaths.get(id);
    if (earlier) issues.push({ path: [...path, 'id'], message: `id "${id}" används redan (${earlier.join('.')})` });
    else namedPaths.set(id, path);
  };
  details.forEach((d, i) => {
    claimName(d.id, [...base, 'details', i]);
    d.rows.forEach((r, j) => {
      claimName(r.id, [...base, 'details', i, 'rows', j]);
      (r.varav ?? []).forEach((v, k) => claimName(v.id, [...base, 'details', i, 'rows', j, 'varav', k]));
    });
  });
  allGroups.forEach((g) => claimName(g.input.id, g.path));

  const detailUsers = new Map<string, JsonPath>();
  for (const row of allRows) {
    const r = row.input;
    claimName(r.id, row.path);
    row.varav.forEach((v) => claimName(v.input.id, v.path));
    checkValues(r.values, row.path);
    row.varav.forEach((v) => checkValues(v.input.values, v.path));
    const sources = [r.detail !== undefined, r.balance !== undefined, r.source !== undefined].filter(Boolean).length;
    if (sources > 1) {
      issues.push({ path: row.path, message: 'en rad kan bara ha en av "detail", "balance" och "source"' });
    }
    if (r.detail !== undefined) {
      if (!detailIndex.has(r.detail)) {
        const hint = suggest(r.detail, detailIndex.keys());
        issues.push({
          path: [...row.path, 'detail'],
          message: `specifikationen "${r.detail}" finns inte i budget.details${hint ? ` – menade du "${hint}"?` : ''}`,
        });
      } else if (detailUsers.has(r.detail)) {
        issues.push({ path: [...row.path, 'detail'], message: `specifikationen "${r.detail}" används redan av en annan rad` });
      } else detailUsers.set(r.detail, row.path);
      if (r.values !== undefined) {
        issues.push({ path: [...row.path, 'values'], message: 'raden får sina värden från specifikationen; ta bort "values"' });
      }
    }
    if (typeof r.balance === 'object') {
      (r.balance.columns ?? []).forEach((id, i) => checkColumn(id, [...row.path, 'balance', 'columns', i]));
    }
    if (r.source === 'contributions' && context.contributionTotals.size === 0 && r.values === undefined) {
      issues.push({
        path: [...row.path, 'source'],
        message: 'raden hämtar medlemsbidragen, men ingen kolumn i "contributions" har "budgetColumn"',
      });
    }
    const remainders = row.varav.filter((v) => v.input.remainder);
    if (remainders.length > 1) {
      issues.push({ path: remainders[1]!.path, message: 'bara en varav-rad kan ta det som återstår ("remainder")' });
    }
    for (const v of row.varav) {
      if (v.input.remainder && v.input.values !== undefined) {
        issues.push({ path: [...v.path, 'values'], message: 'en varav-rad med "remainder" räknas ut; ta bort "values"' });
      }
    }
  }
  details.forEach((d, i) => {
    if (!detailUsers.has(d.id)) {
      warnings.push({ path: [...base, 'details', i], message: `specifikationen "${d.id}" används inte av någon budgetrad` });
    }
  });

  const capital = input.capital ?? {};
  for (const id of Object.keys(capital.opening ?? {})) checkColumn(id, [...base, 'capital', 'opening', id]);
  for (const [to, from] of Object.entries(capital.carryForward ?? {})) {
    const okTo = checkColumn(to, [...base, 'capital', 'carryForward', to]);
    const okFrom = checkColumn(from, [...base, 'capital', 'carryForward', to]);
    if (okTo && okFrom && capital.opening?.[to] !== undefined) {
      issues.push({
        path: [...base, 'capital', 'carryForward', to],
        message: `kolumnen "${to}" har både ett angivet ingående kapital (capital.opening) och ett överfört; välj ett`,
      });
    }
  }
  if (input.convention === 'balance') {
    columns.forEach((c) => {
      if (capital.opening?.[c.id] === undefined && capital.carryForward?.[c.id] === undefined) {
        issues.push({
          path: [...base, 'capital'],
          message: `${c.label} saknar ingående balanserat resultat: ange capital.opening.${c.id} eller capital.carryForward.${c.id}`,
        });
      }
    });
  }
  if (issues.length > 0) return { issues, warnings };

  // ---- evaluation order: a column whose opening capital is carried forward comes after its source
  const order: number[] = [];
  const state = new Map<number, 'visiting' | 'done'>();
  const visit = (i: number, chain: string[]): boolean => {
    if (state.get(i) === 'done') return true;
    const id = columns[i]!.id;
    if (state.get(i) === 'visiting') {
      issues.push({
        path: [...base, 'capital', 'carryForward', id],
        message: `kapitalet förs över i en cirkel: ${[...chain, id].join(' → ')}`,
      });
      return false;
    }
    state.set(i, 'visiting');
    const from = capital.carryForward?.[id];
    if (from !== undefined && !visit(columnIndex.get(from)!, [...chain, id])) return false;
    state.set(i, 'done');
    order.push(i);
    return true;
  };
  for (let i = 0; i < columns.length; i++) if (!visit(i, [])) return { issues, warnings };

  // ---- detail tables: their SUMMA is the value of the row that points to them
  const detailSums = new Map<string, Cells>();
  const detailRowCells = details.map((d) =>
    d.rows.map((r) => columns.map((c) => r.values?.[c.id] ?? null)),
  );
  details.forEach((d, i) => {
    detailSums.set(d.id, columns.map((_, ci) => sumCells(detailRowCells[i]!.map((cells) => cells[ci]!))));
  });

  // ---- per column, in dependency order
  const n = columns.length;
  const rowCells = new Map<string, Cells>(); // by row path key
  const varavCells = new Map<string, Cells>();
  for (const row of allRows) rowCells.set(key(row.path), new Array<number | null>(n).fill(null));
  const totals = {
    income: new Array<number | null>(n).fill(null),
    assets: new Array<number | null>(n).fill(null),
    costs: new Array<number | null>(n).fill(null),
    result: new Array<number | null>(n).fill(null),
    openingCapital: new Array<number | null>(n).fill(null),
    closingCapital: new Array<number | null>(n).fill(null),
  };

  const isBalancingIn = (r: RowInput, columnId: string) =>
    r.balance === true || (typeof r.balance === 'object' && (r.balance.columns === undefined || r.balance.columns.includes(columnId)));
  const balanceTarget = (r: RowInput) => (typeof r.balance === 'object' ? r.balance.target ?? 0 : 0);

  for (const ci of order) {
    const column = columns[ci]!;
    const from = capital.carryForward?.[column.id];
    const opening = capital.opening?.[column.id] ?? (from !== undefined ? totals.closingCapital[columnIndex.get(from)!]! : null);
    totals.openingCapital[ci] = opening;

    let balancing: RowNode | undefined;
    for (const row of allRows) {
      const r = row.input;
      const cells = rowCells.get(key(row.path))!;
      if (r.balance !== undefined && isBalancingIn(r, column.id)) {
        if (balancing) {
          issues.push({ path: [...row.path, 'balance'], message: `${column.label} har redan en balanserande rad ("${balancing.input.label}")` });
        }
        balancing = row;
        cells[ci] = null; // filled in below, once the other rows are summed
      } else if (r.detail !== undefined) {
        cells[ci] = detailSums.get(r.detail)![ci]!;
      } else if (r.source === 'contributions' && context.contributionTotals.has(column.id)) {
        if (r.values?.[column.id] !== undefined) {
          issues.push({
            path: [...row.path, 'values', column.id],
            message: `${column.label} hämtar medlemsbidragen från medlemsbidragstabellen; ta bort värdet här`,
          });
        }
        cells[ci] = context.contributionTotals.get(column.id)!;
      } else {
        cells[ci] = r.values?.[column.id] ?? null;
      }
    }

    const side = (nodes: Node[]) => sumCells(rowsOf(nodes).map((row) => rowCells.get(key(row.path))![ci]!));
    let incomeSum = side(income);
    let costSum = side(costs);
    // A column with nothing in it (no amounts, no opening capital) stays blank, the balancing row too.
    if (balancing && (incomeSum !== null || costSum !== null || opening !== null)) {
      const target = balanceTarget(balancing.input);
      const others = (balancing.side === 'costs' ? costSum : incomeSum) ?? 0;
      // Convention "balance" balances the closing capital (opening capital counts); convention "result"
      // balances the year's result, which opening capital is no part of.
      const start = input.convention === 'balance' ? opening ?? 0 : 0;
      const value =
        balancing.side === 'costs' ? start + (incomeSum ?? 0) - others - target : target + (costSum ?? 0) - start - others;
      if (value < 0) {
        issues.push({
          path: [...balancing.path, 'balance'],
          message: `"${balancing.input.label}" blir ${formatInteger(value)} i ${column.label}: ${
            balancing.side === 'costs' ? 'kostnaderna är redan större än det som finns att använda' : 'intäkterna är redan större än det som behövs'
          }`,
        });
      }
      rowCells.get(key(balancing.path))![ci] = value;
      incomeSum = side(income);
      costSum = side(costs);
    }

    // varav rows: never added into sums, never above their parent
    for (const row of allRows) {
      const parent = rowCells.get(key(row.path))![ci]!;
      checkVarav(row.varav, parent, ci, column, row.input.label);
    }

    totals.income[ci] = incomeSum;
    totals.costs[ci] = costSum;
    totals.assets[ci] = opening === null ? incomeSum : (incomeSum ?? 0) + opening;
    totals.result[ci] = incomeSum === null && costSum === null ? null : (incomeSum ?? 0) - (costSum ?? 0);
    totals.closingCapital[ci] = opening === null ? null : opening + (totals.result[ci] ?? 0);

    const closing = totals.closingCapital[ci];
    if (closing !== null && closing < 0) {
      issues.push({
        path: [...base, 'columns', ci],
        message: `eget kapital blir ${formatInteger(closing)} ${input.unit} vid slutet av ${column.label}; kapitalet får aldrig bli negativt`,
      });
    }
    if (closing !== null && capital.ceiling !== undefined && closing > capital.ceiling) {
      warnings.push({
        path: [...base, 'columns', ci],
        message: `eget kapital ${formatInteger(closing)} ${input.unit} vid slutet av ${column.label} är över taket ${formatInteger(capital.ceiling)} ${input.unit}`,
      });
    }
    const yearResult = totals.result[ci];
    const planned = (column.kind === 'budget' || column.kind === 'plan') && column.year >= (context.budgetYear ?? column.year);
    if (planned && yearResult !== null && yearResult < 0) {
      warnings.push({
        path: [...base, 'columns', ci],
        code: `deficit:${column.id}`,
        message: `planerat underskott i ${column.label.trim() || `${kindLabels[column.kind]} ${column.year}`}: kostnaderna överstiger årets intäkter med ${formatInteger(-yearResult)} ${input.unit}; planen bör säga varför (t.ex. att sparat kapital används)`,
      });
    }
  }

  function checkVarav(varav: RowNode['varav'], parent: number | null, ci: number, column: BudgetColumn, parentLabel: string) {
    if (varav.length === 0) return;
    const given = varav.map((v) => (v.input.remainder ? null : v.input.values?.[column.id] ?? null));
    const givenSum = sumCells(given);
    varav.forEach((v, j) => {
      const cells = varavCells.get(key(v.path)) ?? new Array<number | null>(n).fill(null);
      varavCells.set(key(v.path), cells);
      cells[ci] = v.input.remainder ? (parent === null ? null : parent - (givenSum ?? 0)) : given[j]!;
    });
    if (parent === null) {
      const stray = varav.find((_, j) => given[j] !== null);
      if (stray) {
        issues.push({
          path: [...stray.path, 'values', column.id],
          message: `varav-raden har ett värde i ${column.label} men "${parentLabel}" är tom där`,
        });
      }
      return;
    }
    // A varav row is a part of its row: it has the row's sign, so that parts cannot cancel out and
    // hide that they add up to more than the whole.
    const sign = parent < 0 ? -1 : 1;
    const opposite = varav.find((_, j) => given[j] !== null && given[j]! * sign < 0);
    if (opposite) {
      const value = given[varav.indexOf(opposite)]!;
      issues.push({
        path: [...opposite.path, 'values', column.id],
        message: `varav-raden är ${formatInteger(value)} i ${column.label}, men "${parentLabel}" är ${formatInteger(parent)}; en varav-rad är en del av raden och ska ha samma tecken`,
      });
      return;
    }
    if (givenSum !== null && givenSum * sign > parent * sign) {
      issues.push({
        path: varav[0]!.path,
        message: `varav-raderna under "${parentLabel}" summerar till ${formatInteger(givenSum)} i ${column.label}, mer än raden själv (${formatInteger(parent)})`,
      });
    }
  }

  /** Every name a figure in the text can quote, with zeros for values: the budget itself was refused. */
  function standInNames(): BudgetNames {
    const zeros = () => new Array<number | null>(n).fill(0);
    const named: BudgetNames['named'] = new Map();
    for (const row of allRows) {
      if (row.input.id) named.set(row.input.id, { kind: 'row', cells: zeros() });
      for (const v of row.varav) if (v.input.id) named.set(v.input.id, { kind: 'row', cells: zeros() });
    }
    for (const g of allGroups) if (g.input.id) named.set(g.input.id, { kind: 'group', cells: zeros() });
    for (const d of details) {
      named.set(d.id, { kind: 'detail', cells: zeros() });
      for (const r of d.rows) {
        if (r.id) named.set(r.id, { kind: 'row', cells: zeros() });
        for (const v of r.varav ?? []) if (v.id) named.set(v.id, { kind: 'row', cells: zeros() });
      }
    }
    const standIn = { income: zeros(), assets: zeros(), costs: zeros(), result: zeros(), openingCapital: zeros(), closingCapital: zeros() };
    return { unit: input.unit, columns, totals: standIn, named };
  }

  // detail varav rows follow the same rules
  details.forEach((d, i) => {
    d.rows.forEach((r, j) => {
      const path = [...base, 'details', i, 'rows', j];
      const varav = (r.varav ?? []).map((v, k) => ({ path: [...path, 'varav', k], input: v }));
      columns.forEach((column, ci) => checkVarav(varav, detailRowCells[i]![j]![ci]!, ci, column, r.label));
    });
  });

  if (issues.length > 0) return { issues, warnings, names: standInNames() };

  // ---- the printed table
  const negateCosts = input.costSign === 'negative';
  const shown = (side: 'income' | 'costs', cells: Cells): Cells =>
    side === 'costs' && negateCosts ? cells.map((v) => (v === null ? null : v === 0 ? 0 : -v)) : [...cells];
  const unitDisplay = input.unitDisplay ?? (input.unit === 'tkr' ? 'caption' : 'none');
  const unitSuffix = unitDisplay === 'columns' ? ` (${input.unit})` : '';
  const unitCaption = unitDisplay === 'caption' ? `Belopp i ${unitWords[input.unit]}` : undefined;

  const rows: TableRow[] = [];
  const groupCells = new Map<string, Cells>();
  const emitNodes = (nodes: Node[]) => {
    for (const node of nodes) {
      if (node.kind === 'row') {
        rows.push({ kind: 'row', label: node.input.label, cells: shown(node.side, rowCells.get(key(node.path))!), path: node.path, id: node.input.id });
        for (const v of node.varav) {
          rows.push({ kind: 'varav', label: v.input.label, cells: shown(node.side, varavCells.get(key(v.path))!), path: v.path, id: v.input.id });
        }
      } else {
        if (node.input.heading) rows.push({ kind: 'groupHeading', label: node.input.heading, cells: columns.map(() => null), path: node.path });
        emitNodes(node.items);
        const subtotal = columns.map((_, ci) => sumCells(rowsOf(node.items).map((r) => rowCells.get(key(r.path))![ci]!)));
        groupCells.set(key(node.path), subtotal);
        if (node.input.subtotal) rows.push({ kind: 'subtotal', label: node.input.subtotal, cells: shown(node.side, subtotal), path: node.path });
      }
    }
  };
  const incomeHeading = input.income.heading === undefined ? 'Intäkter' : input.income.heading;
  if (incomeHeading) rows.push({ kind: 'heading', label: incomeHeading, cells: columns.map(() => null), path: [...base, 'income'] });
  emitNodes(income);
  if (input.convention === 'balance') {
    rows.push({ kind: 'capital', label: capital.label ?? 'Balanserat resultat', cells: [...totals.openingCapital], path: [...base, 'capital'] });
  }
  rows.push({
    kind: 'sum',
    label: input.income.sumLabel ?? (input.convention === 'balance' ? 'Summa intäkter/tillgångar' : 'Summa intäkter'),
    cells: input.convention === 'balance' ? [...totals.assets] : [...totals.income],
    path: [...base, 'income'],
  });
  const costHeading = input.costs.heading === undefined ? 'Kostnader' : input.costs.heading;
  if (costHeading) rows.push({ kind: 'heading', label: costHeading, cells: columns.map(() => null), path: [...base, 'costs'] });
  emitNodes(costs);
  rows.push({ kind: 'sum', label: input.costs.sumLabel ?? 'Summa kostnader', cells: shown('costs', totals.costs), path: [...base, 'costs'] });
  if (input.result?.show !== false) {
    rows.push({
      kind: 'result',
      label: input.result?.label ?? (input.convention === 'balance' ? 'Prel balanserat resultat' : 'Resultat'),
      cells: input.convention === 'balance' ? [...totals.closingCapital] : [...totals.result],
      path: [...base, 'result'],
    });
  }

  const table: BudgetTable = {
    caption: input.caption,
    labelHeader: input.labelHeader ?? '',
    columnLabels: columns.map((c) => `${c.label}${unitSuffix}`),
    span: columns.length + 1,
    unitCaption,
    rows,
  };

  const detailTables = details.map((d, i) => {
    const user = detailUsers.get(d.id);
    const side = user && user[1] === 'costs' ? 'costs' : 'income';
    const detailRows: TableRow[] = [];
    d.rows.forEach((r, j) => {
      const path = [...base, 'details', i, 'rows', j];
      detailRows.push({ kind: 'row', label: r.label, cells: shown(side, detailRowCells[i]![j]!), path, id: r.id });
      (r.varav ?? []).forEach((v, k) => {
        const vp = [...path, 'varav', k];
        detailRows.push({ kind: 'varav', label: v.label, cells: shown(side, varavCells.get(key(vp))!), path: vp, id: v.id });
      });
    });
    detailRows.push({ kind: 'sum', label: d.sumLabel ?? 'SUMMA', cells: shown(side, detailSums.get(d.id)!), path: [...base, 'details', i] });
    return {
      id: d.id,
      caption: d.title,
      labelHeader: d.labelHeader ?? '',
      columnLabels: columns.map((c) => `${d.columnLabels?.[c.id] ?? c.label}${unitSuffix}`),
      span: columns.length + 1,
      unitCaption,
      rows: detailRows,
    };
  });

  // ---- named values, for figures quoted in prose
  const named: ComputedBudget['named'] = new Map();
  for (const row of allRows) {
    if (row.input.id) named.set(row.input.id, { kind: 'row', cells: rowCells.get(key(row.path))! });
    for (const v of row.varav) if (v.input.id) named.set(v.input.id, { kind: 'row', cells: varavCells.get(key(v.path))! });
  }
  for (const g of allGroups) if (g.input.id) named.set(g.input.id, { kind: 'group', cells: groupCells.get(key(g.path))! });
  details.forEach((d, i) => {
    named.set(d.id, { kind: 'detail', cells: detailSums.get(d.id)! });
    d.rows.forEach((r, j) => {
      if (r.id) named.set(r.id, { kind: 'row', cells: detailRowCells[i]![j]! });
      (r.varav ?? []).forEach((v, k) => {
        if (v.id) named.set(v.id, { kind: 'row', cells: varavCells.get(key([...base, 'details', i, 'rows', j, 'varav', k]))! });
      });
    });
  });

  return {
    issues,
    warnings,
    budget: { unit: input.unit, convention: input.convention, columns, table, details: detailTables, totals, named },
  };
}
