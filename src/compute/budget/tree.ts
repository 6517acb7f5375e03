// Step: the budget's rows and groups as a tree of nodes, each with its JSON path, and which budget row
// each specification (detail table) feeds.
import type { ItemInput, GroupInput } from '../../load/schema.js';
import type { JsonPath, PlanIssue } from '../../errors.js';
import { suggest } from '../../load/messages.js';
import { BASE, type BudgetNode, type ColumnsState, type GroupNode, type RowNode, type Side, type TreeState } from './state.js';

const isGroup = (item: ItemInput): item is GroupInput => 'rows' in item;

export function buildNodes(items: readonly ItemInput[], side: Side, path: JsonPath): BudgetNode[] {
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

export function rowsOf(nodes: readonly BudgetNode[]): RowNode[] {
  return nodes.flatMap((n) => (n.kind === 'row' ? [n] : rowsOf(n.items)));
}
export function groupsOf(nodes: readonly BudgetNode[]): GroupNode[] {
  return nodes.flatMap((n) => (n.kind === 'group' ? [n, ...groupsOf(n.items)] : []));
}

export function tree(state: ColumnsState): TreeState {
  const input = state.input;
  const income = buildNodes(input.income.rows, 'income', [...BASE, 'income', 'rows']);
  const costs = buildNodes(input.costs.rows, 'costs', [...BASE, 'costs', 'rows']);
  const rows = [...rowsOf(income), ...rowsOf(costs)];
  const groups = [...groupsOf(income), ...groupsOf(costs)];

  // A row with "detail" gets its value from that specification; each specification feeds one row.
  const issues: PlanIssue[] = [];
  const detailIds = new Set((input.details ?? []).map((d) => d.id));
  const detailUsers = new Map<string, JsonPath>();
  for (const row of rows) {
    const detail = row.input.detail;
    if (detail === undefined) continue;
    if (!detailIds.has(detail)) {
      const hint = suggest(detail, detailIds);
      issues.push({
        path: [...row.path, 'detail'],
        message: `specifikationen "${detail}" finns inte i budget.details${hint ? ` – menade du "${hint}"?` : ''}`,
      });
    } else if (detailUsers.has(detail)) {
      issues.push({ path: [...row.path, 'detail'], message: `specifikationen "${detail}" används redan av en annan rad` });
    } else detailUsers.set(detail, row.path);
  }
  return { ...state, income, costs, rows, groups, detailUsers, issues: [...state.issues, ...issues] };
}
