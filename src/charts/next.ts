// Next year's plan (vplan next): a chart that names a column or a year names next year's, and its
// caption's years move on a year, as the columns' labels do.
type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every `charts` list in the sections (at any depth) with its columns, year and caption moved. */
export function moveCharts(sections: unknown, newId: (oldId: string) => string, shiftYears: (text: string) => string): unknown {
  const chart = (c: unknown): unknown => {
    if (!isObject(c)) return c;
    const out: Json = { ...c };
    if (typeof c.column === 'string') out.column = newId(c.column);
    if (Array.isArray(c.columns)) out.columns = c.columns.map((id) => (typeof id === 'string' ? newId(id) : id));
    if (typeof c.year === 'number') out.year = c.year + 1;
    if (typeof c.caption === 'string') out.caption = shiftYears(c.caption);
    return out;
  };
  const section = (s: unknown): unknown => {
    if (!isObject(s)) return s;
    const out: Json = { ...s };
    if (Array.isArray(s.charts)) out.charts = s.charts.map(chart);
    if (Array.isArray(s.sections)) out.sections = s.sections.map(section);
    return out;
  };
  return Array.isArray(sections) ? sections.map(section) : sections;
}
