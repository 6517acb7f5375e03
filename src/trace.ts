// VPLAN_TRACE=1: each stage of a build, with the milliseconds since the process started, on stderr.
// For finding where a build's time goes (npm run bench measures; this shows the order and overlap).
const on = process.env.VPLAN_TRACE === '1';

export function trace(stage: string): void {
  if (on) process.stderr.write(`[vplan ${performance.now().toFixed(0).padStart(5)} ms] ${stage}\n`);
}
