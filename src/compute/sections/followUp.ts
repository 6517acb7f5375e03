// A follow-up section: the outcome compared with the budget, column by column (compute/followUp.ts).
import type { JsonPath } from '../../errors.js';
import { followUpTable } from '../followUp.js';
import type { SectionContext } from './context.js';
import type { Built, FollowUpContent, SectionInputOf } from './types.js';

export function buildFollowUp(section: SectionInputOf<'followUp'>, path: JsonPath, ctx: SectionContext): Built<FollowUpContent> {
  if (!ctx.hasBudget) ctx.issues.push({ path: [...path, 'type'], message: 'uppföljningen jämför budgetens kolumner, men planen har ingen "budget"' });
  const table = ctx.hasBudget && ctx.budget ? followUpTable(section, ctx.budget, path, ctx.issues) : undefined;
  return { content: { table }, children: [] };
}
