import type { RULE_KINDS } from '../survey/definition.ts';

export type RuleKind = (typeof RULE_KINDS)[number];
