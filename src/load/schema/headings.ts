// How headings are numbered and which ones the innehållsförteckning lists.
import * as z from './zod.js';

export const headingsSchema = z
  .strictObject({
    numbering: z
      .enum(['5.1', '5.1.'])
      .optional()
      .describe('Numrens form: "5.1" ger 5. och 5.1 (standard), "5.1." ger 5. och 5.1. (punkt efter varje nummer).'),
    depth: z
      .number()
      .int()
      .min(0)
      .max(3)
      .optional()
      .describe('Hur många rubriknivåer som numreras: 0 (inga nummer) till 3 (standard).'),
    unnumberedInContents: z
      .boolean()
      .optional()
      .describe('Onumrerade rubriker (t.ex. "Mål 2019" eller ## Rubrik i en text) i innehållsförteckningen, indragna utan nummer (true, standard), eller inte alls (false).'),
  })
  .describe('Rubrikernas numrering och vilka rubriker innehållsförteckningen tar med.');

export type HeadingsInput = z.infer<typeof headingsSchema>;
export type Numbering = NonNullable<HeadingsInput['numbering']>;
