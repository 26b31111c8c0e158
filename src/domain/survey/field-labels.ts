type Labels = { readonly nb: string; readonly nn: string; readonly en: string };

/** What of a questionnaire names its fields: a survey definition, or the form as the API sends it. */
export interface Labelled {
  readonly tables: readonly {
    readonly key: string;
    readonly labels: Labels;
    readonly rows: readonly { readonly key: string; readonly labels: Labels }[];
  }[];
}

/**
 * A field of the survey by the names the form gives it: «Virksomhetstyper · Øvrige utgifter f254 · AGD10» for
 * business_types/OTHER/AGD10; a table's sum has no row. Codes the questionnaire does not know stay codes.
 */
export function fieldLabel(
  survey: Labelled,
  field: { readonly table: string; readonly row?: string | undefined; readonly measure: string },
  language: keyof Labels = 'nb',
): string {
  return `${placeLabel(survey, field.table, field.row, language)} · ${field.measure}`;
}

/** A table, or a row of it, by its names: «Virksomhetstyper · Ambulerende hjemmetjeneste». */
export function placeLabel(
  survey: Labelled,
  tableKey: string,
  rowKey: string | undefined,
  language: keyof Labels,
): string {
  const table = survey.tables.find((t) => t.key === tableKey);
  const tableName = table?.labels[language] ?? tableKey;
  if (rowKey === undefined) return tableName;
  return `${tableName} · ${table?.rows.find((r) => r.key === rowKey)?.labels[language] ?? rowKey}`;
}

/**
 * A changed field of a version (`domain/collection/version-diff.ts`) by its names, in bokmål:
 * «Virksomhetstyper · Ambulerende hjemmetjeneste · AGD10», «… · færre enn fem brukere», «Virksomhetstyper ·
 * metoder», «Merknader».
 */
export function changeLabel(survey: Labelled, field: string): string {
  if (field === 'comments') return 'Merknader';
  const [table = '', row = '', measure] = field.split('/');
  if (measure === undefined)
    return row === 'methods' ? `${placeLabel(survey, table, undefined, 'nb')} · metoder` : field;
  if (measure === 'fewer_than_5') return `${placeLabel(survey, table, row, 'nb')} · færre enn fem brukere`;
  return fieldLabel(survey, { table, row, measure });
}
