// JSON paths (["sections", 2, "charts", 0]) into a plan's value: whether one lies under another, the
// value at one, and a copy of a value with the value at one replaced.
import type { JsonPath } from './errors.js';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Whether `path` is `prefix` or lies under it. */
export const startsWith = (path: JsonPath, prefix: JsonPath) => prefix.every((p, i) => path[i] === p);

/** A copy of `value` with the value at `path` replaced (the objects and arrays along it copied). */
export function replaceAt(value: unknown, path: JsonPath, replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path;
  if (Array.isArray(value)) return value.map((v, i) => (i === head ? replaceAt(v, rest, replacement) : v));
  if (isObject(value)) return { ...value, [head!]: replaceAt(value[head!], rest, replacement) };
  return value;
}

/** Calls `visit` with every string in `value`, at any depth, and the path to it. */
export function forEachString(value: unknown, path: JsonPath, visit: (text: string, path: JsonPath) => void): void {
  if (typeof value === 'string') visit(value, path);
  else if (Array.isArray(value)) value.forEach((v, i) => forEachString(v, [...path, i], visit));
  else if (isObject(value)) for (const [key, v] of Object.entries(value)) forEachString(v, [...path, key], visit);
}

/** The value at `path`, or undefined where the path leads nowhere. */
export const at = (value: unknown, path: JsonPath): unknown =>
  path.reduce<unknown>((v, p) => (Array.isArray(v) || isObject(v) ? (v as Record<string, unknown>)[p as string] : undefined), value);
