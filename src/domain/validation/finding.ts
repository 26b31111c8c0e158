import type { RuleKind } from './rule-kind.ts';

/** Structural faults: the response names what the definition does not have. Always blocking. */
export type StructuralKind = 'unknown_table' | 'unknown_row' | 'unknown_measure' | 'unknown_method';

/** One thing validation found, located by table, row and measure, with the message in one language. */
export interface Finding {
  readonly ruleId: string;
  readonly kind: RuleKind | StructuralKind;
  readonly severity: 'error' | 'warning';
  readonly table?: string;
  readonly row?: string;
  readonly measure?: string;
  /** The offending value (an amount or a sum). */
  readonly value?: number;
  /** What it was held against (the limit amount). */
  readonly limit?: number;
  readonly message: string;
}

export interface ValidationResult {
  /** Hard errors: block submission. */
  readonly errors: readonly Finding[];
  /** Soft warnings: allowed when the comments explain them. */
  readonly warnings: readonly Finding[];
}
