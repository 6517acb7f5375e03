// Each section type's template data: what templates/partials/section-<type>.hbs reads from `content`.
// Fields that mirror the plan are typed from the zod schema; figures in prose are already filled in.
import type { SectionInput } from '../../load/schema.js';
import type { ComputedChart } from '../../charts/model.js';
import type { BudgetTable } from '../../model.js';
import type { JsonPath } from '../../errors.js';

/** The input of one section type, as the schema reads it. */
export type SectionInputOf<T extends SectionInput['type']> = Extract<SectionInput, { type: T }>;

type Item<T> = NonNullable<T> extends readonly (infer E)[] ? E : never;
type OrganisationBodyInput = Item<SectionInputOf<'organisation'>['bodies']>;
type InitiativeInput = Item<SectionInputOf<'initiatives'>['items']>;
type GoalGroupInput = Item<SectionInputOf<'goals'>['groups']>;
type GoalInput = Item<GoalGroupInput['goals']>;

/** A section whose content is only its text and its children (text, initiatives, goals). */
export type NoContent = Record<string, never>;

export type TargetGroupContent = Pick<SectionInputOf<'targetGroup'>, 'ageRange' | 'priorityGroups'>;

export interface VisionContent {
  lead: SectionInputOf<'vision'>['lead'];
  /** document.vision's statement, unless the section says "showStatement": false. */
  statement: string | undefined;
  cornerstones: Item<SectionInputOf<'vision'>['cornerstones']>[];
}

/** One organ printed under its section: the title the plan gives it (printed in bold over its text), and its duties. */
export type OrganisationBody = Pick<OrganisationBodyInput, 'role' | 'text' | 'dutiesIntro' | 'textAfter'> & {
  title: string | undefined;
  duties: string[];
};

/** The organs printed under the section itself: none when each organ has a heading of its own (children). */
export interface OrganisationContent {
  bodies: OrganisationBody[];
}

export type OrganisationBodyContent = Pick<OrganisationBody, 'dutiesIntro' | 'duties' | 'role'>;

export type InitiativeContent = Pick<InitiativeInput, 'targetGroup'> & {
  /** "ca 40–60 deltagare per år", or none. */
  participants: string | undefined;
  goalsIntro: string;
  goals: string[];
};

export interface Goal {
  label: GoalInput['id'];
  parent: GoalInput['parent'];
  text: string;
}

/** A goal listed in its group, with the sub-goals of the same group that name it, printed under it. */
export interface ListedGoal extends Goal {
  subgoals: Goal[];
}

export interface GoalGroupContent {
  kind: GoalGroupInput['kind'];
  /** How the goals without a parent are listed; "labelled" when one of them has a label. */
  style: NonNullable<GoalGroupInput['style']> | 'labelled';
  goals: ListedGoal[];
  /**
   * Sub-goals of a goal in another group, under that goal's text repeated, in the order the parents are
   * first named; `label` is what the goal is shown as in its own group (its number there when that group
   * is numbered, else its id).
   */
  byParent: { parent: { id: string; label: string; text: string }; goals: Goal[] }[];
  /** How sub-goals are listed, under their goal or under its repeated text. */
  parentStyle: NonNullable<GoalGroupInput['style']>;
}

/** Charts after a section's table, or a chart section's own; undefined when the plan has none. */
export interface ChartsContent {
  charts: ComputedChart[] | undefined;
}

export interface BudgetContent extends ChartsContent {
  showDetails: boolean;
}

export interface FollowUpContent {
  /** The comparison of outcome and budget; undefined when the budget was refused or has no such columns. */
  table: BudgetTable | undefined;
}

/** Each section type with its own content: `type` tells the templates and the code which content it is. */
export type SectionContent =
  | { type: 'text'; content: NoContent }
  | { type: 'targetGroup'; content: TargetGroupContent }
  | { type: 'vision'; content: VisionContent }
  | { type: 'organisation'; content: OrganisationContent }
  | { type: 'organisationBody'; content: OrganisationBodyContent }
  | { type: 'initiatives'; content: NoContent }
  | { type: 'initiative'; content: InitiativeContent }
  | { type: 'goals'; content: NoContent }
  | { type: 'goalGroup'; content: GoalGroupContent }
  | { type: 'budget'; content: BudgetContent }
  | { type: 'followUp'; content: FollowUpContent }
  | { type: 'contributions'; content: ChartsContent }
  | { type: 'chart'; content: ChartsContent };

export type SectionType = SectionContent['type'];

/** A heading to be numbered, with its typed content: what every builder returns its sub-parts as. */
export type Draft = {
  title: string;
  numbered: boolean;
  path: JsonPath;
  text: string | undefined;
  textAfter: string | undefined;
  children: Draft[];
} & SectionContent;

/** What a builder makes of its section: the content, and sub-parts that carry a heading of their own. */
export interface Built<C> {
  content: C;
  children: Draft[];
}
