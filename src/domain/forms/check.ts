import { DomainError } from '../errors.ts';
import {
  codeListSchema,
  formDefinitionSchema,
  type CodeList,
  type Condition,
  type FormDefinition,
  type LabelHistory,
} from './definition.ts';
import { inYear, type YearSpan } from './years.ts';
import { isRegisterAttribute, REGISTER_ATTRIBUTES } from '../register/unit.ts';

/** One fault of a definition: where (a path into the file) and what. */
export interface DefinitionProblem {
  readonly path: string;
  readonly message: string;
}

/** What an item prefilled from the accounts takes: a measure summed over a function (AGD10:254). */
export const ACCOUNTS_KEY = /^([A-Z][A-Z0-9]*):(\d{3})$/;

/** How far an open-ended definition (`years.to: null`) is checked year by year. */
const OPEN_END_YEARS = 15;

/**
 * What the schema cannot see: keys unique across the form, code lists and codes that exist, conditions and
 * rule paths naming real items, rows and columns, and every label with exactly one text in each year its
 * part is asked (so a label history has no gap and no overlap). All faults, in file order.
 */
export function checkFormDefinition(
  definition: FormDefinition,
  sharedLists: readonly CodeList[] = [],
): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  const fault = (path: string, message: string) => problems.push({ path, message });
  const lists = new Map<string, CodeList>(sharedLists.map((l) => [l.id, l]));
  definition.code_lists.forEach((list, i) => {
    if (definition.code_lists.findIndex((l) => l.id === list.id) !== i)
      fault(`code_lists.${i}.id`, `duplicate code list ${list.id}`);
    lists.set(list.id, list);
    list.items.forEach((item, j) => {
      if (list.items.findIndex((x) => x.code === item.code) !== j)
        fault(`code_lists.${i}.items.${j}.code`, `duplicate code ${item.code} in ${list.id}`);
    });
  });
  const last = definition.years.to ?? definition.years.from + OPEN_END_YEARS;
  const years = Array.from({ length: last - definition.years.from + 1 }, (_, i) => definition.years.from + i);

  const labelled = (
    history: LabelHistory | undefined,
    spans: readonly YearSpan[] | undefined,
    path: string,
  ) => {
    if (history === undefined || !Array.isArray(history)) return;
    const asked = years.filter((y) => inYear(spans, y));
    const twice = asked.filter((y) => history.filter((h) => inYear(h.years, y)).length > 1);
    if (twice.length > 0) fault(path, `more than one label for ${twice.join(', ')}`);
    const missing = asked.filter((y) => !history.some((h) => inYear(h.years, y)));
    if (missing.length > 0) fault(path, `no label for ${missing.join(', ')}`);
  };
  labelled(definition.title, undefined, 'title');

  type ItemRef = {
    kind: string;
    rows?: Set<string>;
    columns?: Set<string>;
    flag?: string;
    options?: Set<string>;
  };
  const items = new Map<string, ItemRef>();
  const codesOf = (ref: { code_list: string; codes?: string[] | undefined }, path: string): Set<string> => {
    const list = lists.get(ref.code_list);
    if (!list) {
      fault(`${path}.code_list`, `unknown code list ${ref.code_list}`);
      return new Set();
    }
    const all = new Set(list.items.map((i) => i.code));
    ref.codes?.forEach((c, k) => {
      if (!all.has(c)) fault(`${path}.codes.${k}`, `code ${c} is not in ${list.id}`);
    });
    return new Set(ref.codes ?? all);
  };
  for (const [i, list] of definition.code_lists.entries())
    list.items.forEach((item, j) => {
      const path = `code_lists.${i}.items.${j}`;
      labelled(item.labels, item.years, `${path}.labels`);
      labelled(item.guidance, item.years, `${path}.guidance`);
      labelled(item.note, item.years, `${path}.note`);
    });

  const keys = new Set<string>();
  definition.sections.forEach((section, s) => {
    const path = `sections.${s}`;
    if (keys.has(section.key)) fault(`${path}.key`, `duplicate key ${section.key}`);
    keys.add(section.key);
    labelled(section.labels, section.years, `${path}.labels`);
    labelled(section.guidance, section.years, `${path}.guidance`);
    section.items.forEach((item, k) => {
      const itemPath = `${path}.items.${k}`;
      if (keys.has(item.key)) fault(`${itemPath}.key`, `duplicate key ${item.key}`);
      keys.add(item.key);
      const spans = item.years ?? section.years;
      labelled(item.labels, spans, `${itemPath}.labels`);
      labelled(item.guidance, spans, `${itemPath}.guidance`);
      const ref: ItemRef = { kind: item.kind };
      if (item.kind === 'grid') {
        ref.rows = codesOf(item.rows, `${itemPath}.rows`);
        ref.columns = codesOf(item.columns, `${itemPath}.columns`);
        ref.flag = item.row_flag?.key;
      }
      if (item.kind === 'single_choice' || item.kind === 'multiple_choice') {
        ref.options = codesOf(item.options, `${itemPath}.options`);
        if (item.other !== undefined && !ref.options.has(item.other))
          fault(`${itemPath}.other`, `${item.other} is not one of the options`);
        if (item.kind === 'multiple_choice')
          item.exclusive.forEach((c, e) => {
            if (!ref.options?.has(c)) fault(`${itemPath}.exclusive.${e}`, `${c} is not one of the options`);
          });
      }
      if (item.prefill?.source === 'accounts') {
        if (item.kind !== 'amount')
          fault(`${itemPath}.prefill`, 'only an amount is prefilled from the accounts');
        if (!ACCOUNTS_KEY.test(item.prefill.key ?? ''))
          fault(
            `${itemPath}.prefill.key`,
            'an accounts prefill names a measure and a function: MEASURE:FUNCTION, for example AGD10:254',
          );
      }
      if (item.prefill?.source === 'register') {
        if (item.kind !== 'text' && item.kind !== 'single_choice')
          fault(`${itemPath}.prefill`, 'only a text or a single choice is prefilled from the register');
        if (!isRegisterAttribute(item.prefill.key ?? ''))
          fault(
            `${itemPath}.prefill.key`,
            `a register prefill names an attribute: ${Object.keys(REGISTER_ATTRIBUTES).join(', ')}`,
          );
        if (!definition.unit_kinds.every((k) => k === 'establishment' || k === 'enterprise'))
          fault(
            `${itemPath}.prefill`,
            'only a form of establishments or enterprises is prefilled from the register',
          );
      }
      items.set(item.key, ref);
    });
  });

  /** A path names an item, or a grid's row and column (`*` for any), or `prefill/KEY`. */
  const checkPath = (target: string, path: string) => {
    if (target.startsWith('prefill/')) return;
    const [key = '', row, column, extra] = target.split('/');
    const item = items.get(key);
    if (!item) return fault(path, `no item ${key}`);
    if (extra !== undefined) return fault(path, `${target} has more parts than item/row/column`);
    if (row === undefined) return;
    if (row === 'other' && column === undefined && item.options) return;
    if (!item.rows) return fault(path, `${key} is no grid: ${target} names a row`);
    if (row !== '*' && !item.rows.has(row)) fault(path, `${key} has no row ${row}`);
    if (column !== undefined && column !== '*' && column !== item.flag && !item.columns?.has(column))
      fault(path, `${key} has no column ${column}`);
  };
  const checkCondition = (condition: Condition, path: string) => {
    if ('all' in condition) {
      condition.all.forEach((c, i) => checkCondition(c, `${path}.all.${i}`));
      return;
    }
    if ('any' in condition) {
      condition.any.forEach((c, i) => checkCondition(c, `${path}.any.${i}`));
      return;
    }
    checkPath(condition.item, `${path}.item`);
    if (condition.item.includes('/') && !('answered' in condition))
      fault(`${path}.item`, "a condition on a grid's cells can only ask whether they are answered");
    const item = items.get(condition.item);
    if ('includes' in condition && item?.options && !item.options.has(condition.includes))
      fault(`${path}.includes`, `${condition.includes} is not an option of ${condition.item}`);
  };
  definition.sections.forEach((section, s) => {
    if (section.shown_if) checkCondition(section.shown_if, `sections.${s}.shown_if`);
    section.items.forEach((item, k) => {
      const itemPath = `sections.${s}.items.${k}`;
      if (item.shown_if) checkCondition(item.shown_if, `${itemPath}.shown_if`);
      if (typeof item.required === 'object') checkCondition(item.required, `${itemPath}.required`);
      if (item.kind === 'computed') item.sum_of.forEach((p, i) => checkPath(p, `${itemPath}.sum_of.${i}`));
    });
  });
  definition.rules.forEach((rule, r) => {
    const path = `rules.${r}`;
    if (definition.rules.findIndex((x) => x.id === rule.id) !== r)
      fault(`${path}.id`, `duplicate rule ${rule.id}`);
    if (rule.kind === 'sum_equals') {
      rule.parts.forEach((p, i) => checkPath(p, `${path}.parts.${i}`));
      checkPath(rule.total, `${path}.total`);
    } else if (rule.kind === 'not_above') {
      checkPath(rule.part, `${path}.part`);
      checkPath(rule.whole, `${path}.whole`);
    } else if (rule.kind === 'range' || rule.kind === 'required_if') {
      checkPath(rule.item, `${path}.item`);
      if (rule.kind === 'required_if') checkCondition(rule.when, `${path}.when`);
    } else rule.items.forEach((p, i) => checkPath(p, `${path}.items.${i}`));
  });
  definition.changes.forEach((change, c) =>
    change.paths.forEach((p, i) => checkPath(p, `changes.${c}.paths.${i}`)),
  );
  return problems;
}

/**
 * Reads a form definition and checks it whole: a file with a mistake is refused with its source, the path
 * to the mistake and the reason (the first one; `kostra forms check` lists them all).
 */
export function parseFormDefinition(
  input: unknown,
  source: string,
  sharedLists: readonly CodeList[] = [],
): FormDefinition {
  const parsed = formDefinitionSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new DomainError(issue.message, [source, issue.path.join('.')], { cause: parsed.error });
  }
  const [first] = checkFormDefinition(parsed.data, sharedLists);
  if (first) throw new DomainError(first.message, [source, first.path]);
  return parsed.data;
}

/** Reads the shared code lists (data/forms/code-lists.json). */
export function parseCodeLists(input: unknown, source: string): CodeList[] {
  const parsed = codeListSchema.array().safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new DomainError(issue.message, [source, issue.path.join('.')], { cause: parsed.error });
  }
  return parsed.data;
}
