// zod's schema builders for vplan's plan format, by name. `import { z } from 'zod'` is zod's whole
// namespace, which keeps all its message locales (350 kB, of which vplan uses none: its messages are
// Swedish, see load/messages.ts) in the bundle that every cold build reads and compiles. The schema
// modules import this one instead (`import * as z from './zod.js'`): the same calls, only what they use.
export { array, boolean, discriminatedUnion, enum, literal, number, record, strictObject, string, union } from 'zod';
export type { infer, ZodArray, ZodOptional, ZodRawShape } from 'zod';
