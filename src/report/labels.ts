import type { ReferenceData } from '../domain/reference.ts';
import type { SurveyDefinition } from '../domain/survey/definition.ts';

/** Bokmål labels of the codes the report shows, from the definition and reference data. */
export interface ReportLabels {
  sizeGroup(code: string): string;
  criterion(code: string): string;
  category(table: string, code: string): string;
  method(code: string): string;
  table(key: string): string;
  level(code: string): string;
}

const LEVELS: Readonly<Record<string, string>> = {
  NONE: 'Ingen fordeling',
  BUSINESS_TYPES_ONLY: 'Kun virksomhetstyper',
  BUSINESS_TYPES_AND_TARGET_GROUPS: 'Virksomhetstyper og målgrupper',
  BUSINESS_TYPES_AND_HOUSING_BASE_TARGET_GROUPS: 'Virksomhetstyper og målgrupper i boligbaser',
  ALL_THREE: 'Alle tre inndelingene',
  OTHER_COMBINATION: 'Annen kombinasjon',
};

export function reportLabels(definition: SurveyDefinition, reference: ReferenceData): ReportLabels {
  return {
    sizeGroup: (code) =>
      code === 'TOTAL'
        ? 'Alle kommuner'
        : (reference.sizeGroups.find((g) => g.code === code)?.labels.nb ?? code),
    criterion: (code) =>
      code === 'TOTAL'
        ? 'Totalt antall kommuner som ble invitert'
        : (reference.criteria.find((c) => c.code === code)?.labels.nb ?? code),
    category: (table, code) =>
      code === 'ANY'
        ? 'Totalt med fordeling'
        : (definition.tables.find((t) => t.key === table)?.rows.find((r) => r.key === code)?.labels.nb ??
          code),
    method: (code) => definition.methods.find((m) => m.code === code)?.labels.nb ?? code,
    table: (key) => definition.tables.find((t) => t.key === key)?.labels.nb ?? key,
    level: (code) => LEVELS[code] ?? code,
  };
}
