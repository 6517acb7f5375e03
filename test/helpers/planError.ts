// The Swedish message checkPlan refuses a plan with (it must refuse it with a PlanError).
import { expect } from 'vitest';
import { checkPlan } from '../../src/build.js';
import { PlanError } from '../../src/errors.js';

export async function planError(file: string): Promise<string> {
  const error = await checkPlan(file).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PlanError);
  return (error as PlanError).describe();
}
