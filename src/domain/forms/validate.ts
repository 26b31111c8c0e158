import type { Language } from '../language.ts';
import { formatNorwegian } from '../number-format.ts';
import {
  answerPaths,
  COMMENTS,
  expandPattern,
  isAnswered,
  pathsByItem,
  type Answers,
  type PathInfo,
} from './answers.ts';
import type { CellDefinition, Condition, FormRule } from './definition.ts';
import { holds as holdsFor, isShown } from './conditions.ts';
import { FORM_MESSAGES, PLACE_WORDS, type CheckKind } from './messages.ts';
import type { ResolvedForm, ResolvedItem, ResolvedSection } from './resolve.ts';

/** One thing validation found, placed by path (and in words, in the message). */
export interface FormFinding {
  /** The rule's id, or the check's kind for what the engine checks by itself. */
  readonly ruleId: string;
  readonly kind: CheckKind;
  readonly severity: 'error' | 'warning';
  readonly path: string;
  readonly section?: string | undefined;
  readonly item?: string | undefined;
  readonly row?: string | undefined;
  readonly column?: string | undefined;
  readonly value?: number | undefined;
  readonly limit?: number | undefined;
  readonly message: string;
  /** The message without its place in the form, for beside the field itself. */
  readonly detail: string;
}

export interface FormValidation {
  readonly errors: readonly FormFinding[];
  readonly warnings: readonly FormFinding[];
}

/** Values from outside the answers that rules may name as `prefill/KEY` (the KOSTRA totals from the accounts). */
export interface ValidationContext {
  readonly prefilled?: Readonly<Record<string, number | null>>;
}

/**
 * Validates answers against a form as resolved for its year: each value against its question (kind, unit,
 * precision, bounds, options), what is required or does not apply given the other answers, then the form's
 * rules. Errors block submission; warnings need a comment when the form says so.
 */
export function validateAnswers(
  form: ResolvedForm,
  answers: Answers,
  language: Language,
  context: ValidationContext = {},
): FormValidation {
  const findings: FormFinding[] = [];
  const paths = answerPaths(form);
  const sectionOf = new Map(form.sections.map((s) => [s.key, s]));
  const numberFormat = (n: number) => (language === 'en' ? String(n) : formatNorwegian(n));

  const place = (info: { item: ResolvedItem; row?: string | undefined; column?: string | undefined }) => {
    const words = PLACE_WORDS[language];
    const section = sectionOf.get(info.item.section)!;
    const parts = [section.number ? `${words.section} ${section.number}` : `«${section.labels[language]}»`];
    parts.push(
      info.item.number
        ? `${words.item} ${info.item.number} «${info.item.labels[language]}»`
        : `«${info.item.labels[language]}»`,
    );
    if (info.item.kind === 'grid') {
      const row = info.item.rows.find((r) => r.code === info.row);
      const column = info.item.columns.find((c) => c.code === info.column);
      if (row) parts.push(`${words.row} «${row.labels[language]}»`);
      if (column) parts.push(`${words.column} «${column.labels[language]}»`);
    }
    return parts.join(', ');
  };

  const add = (
    kind: CheckKind,
    severity: 'error' | 'warning',
    info: PathInfo | { path: string; item: ResolvedItem; row?: string; column?: string } | undefined,
    values: {
      ruleId?: string;
      value?: number;
      limit?: number;
      option?: string;
      total?: string;
      range?: string;
      custom?: string;
    } = {},
  ) => {
    const template =
      values.custom !== undefined ? `{where}: ${values.custom}` : FORM_MESSAGES[kind][language];
    const fill = (text: string) => {
      let filled = text
        .replace('{where}', info ? place(info) : '')
        .replace('{path}', info?.path ?? '')
        .replace('{year}', String(form.year))
        .replace('{option}', values.option ?? '')
        .replace('{total}', values.total ?? '')
        .replace('{range}', values.range ?? '');
      if (values.value !== undefined) filled = filled.replace('{value}', numberFormat(values.value));
      if (values.limit !== undefined) filled = filled.replace('{limit}', numberFormat(values.limit));
      return filled;
    };
    const message = fill(template);
    const detail = upperFirst(fill(template.replace(/^\{where\}: /, '')));
    findings.push({
      ruleId: values.ruleId ?? kind,
      kind,
      severity,
      path: info?.path ?? '',
      section: info ? sectionOf.get(info.item.section)?.number : undefined,
      item: info?.item.number,
      row: info?.row,
      column: info?.column,
      value: values.value,
      limit: values.limit,
      message,
      detail,
    });
  };

  const holds = (condition: Condition) => holdsFor(condition, answers);
  const shown = (section: ResolvedSection, item: ResolvedItem) => isShown(section, item, answers);

  // Answers the form does not have.
  for (const path of Object.keys(answers))
    if (path !== COMMENTS && !paths.has(path))
      findings.push({
        ruleId: 'unknown_path',
        kind: 'unknown_path',
        severity: 'error',
        path,
        ...sameDetail(
          FORM_MESSAGES.unknown_path[language].replace('{path}', path).replace('{year}', String(form.year)),
        ),
      });

  const visible = new Set<ResolvedItem>();
  for (const section of form.sections)
    for (const item of section.items) {
      const isShown = shown(section, item);
      if (isShown) visible.add(item);
      const own = pathsByItem(form).get(item.key) ?? [];
      const answered = own.filter((p) => isAnswered(answers[p.path]));
      if (!isShown) {
        for (const p of answered) add('hidden_answered', 'error', p);
        continue;
      }
      for (const p of answered) checkValue(p);
      const required = item.required === true || (typeof item.required === 'object' && holds(item.required));
      if (required && item.kind !== 'computed' && answered.length === 0)
        add('required', 'error', own[0] ?? { path: item.key, item });
      if (item.kind === 'grid' && item.row_flag)
        for (const row of item.rows)
          if (answers[`${item.key}/${row.code}/${item.row_flag.key}`] === true)
            for (const column of item.columns) {
              const path = `${item.key}/${row.code}/${column.code}`;
              if (isAnswered(answers[path]))
                add('flag_with_values', 'error', paths.get(path), { option: item.row_flag.labels[language] });
            }
    }
  const comments = answers[COMMENTS];
  if (
    comments !== undefined &&
    comments !== null &&
    (typeof comments !== 'string' || comments.length > 20000)
  )
    findings.push({
      ruleId: 'comments',
      kind: 'text_too_long',
      severity: 'error',
      path: COMMENTS,
      limit: 20000,
      ...sameDetail(
        FORM_MESSAGES.text_too_long[language]
          .replace('{where}', COMMENTS)
          .replace('{limit}', numberFormat(20000)),
      ),
    });

  function checkValue(p: PathInfo): void {
    const value = answers[p.path]!;
    const item = p.item;
    if (p.role === 'flag') {
      if (typeof value !== 'boolean') add('not_yes_no', 'error', p);
      return;
    }
    if (p.role === 'other') {
      if (typeof value !== 'string') add('other_unspecified', 'error', p, { option: '' });
      return;
    }
    if (item.kind === 'grid') {
      checkNumber(p, item.cell, value);
      return;
    }
    switch (item.kind) {
      case 'amount':
      case 'integer':
      case 'decimal':
      case 'percentage': {
        checkNumber(p, item, value);
        return;
      }
      case 'yes_no':
        if (typeof value !== 'boolean') add('not_yes_no', 'error', p);
        return;
      case 'single_choice':
      case 'multiple_choice': {
        const chosen = item.kind === 'single_choice' ? [value] : Array.isArray(value) ? value : [value];
        if (item.kind === 'single_choice' && typeof value !== 'string') {
          add('unknown_option', 'error', p, { option: String(value) });
          return;
        }
        for (const code of chosen)
          if (typeof code !== 'string' || !item.options.some((o) => o.code === code)) {
            add('unknown_option', 'error', p, { option: String(code) });
            return;
          }
        const codes = chosen as string[];
        if (item.kind === 'multiple_choice' && codes.length > 1)
          for (const code of codes)
            if (item.exclusive.includes(code))
              add('exclusive', 'error', p, {
                option: item.options.find((o) => o.code === code)!.labels[language],
              });
        if (
          item.other !== undefined &&
          codes.includes(item.other) &&
          !isAnswered(answers[`${item.key}/other`])
        )
          add('other_unspecified', 'error', p, {
            option: item.options.find((o) => o.code === item.other)!.labels[language],
          });
        return;
      }
      case 'text':
        if (typeof value !== 'string' || value.length > item.max_length)
          add('text_too_long', 'error', p, { limit: item.max_length });
        return;
      case 'date':
        if (typeof value !== 'string' || !isIsoDate(value)) add('bad_date', 'error', p);
        return;
      case 'computed':
        return;
    }
  }

  function checkNumber(p: PathInfo, cell: CellDefinition, value: unknown): void {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      add('not_a_number', 'error', p);
      return;
    }
    const whole = cell.kind === 'amount' || cell.kind === 'integer';
    if (whole && !Number.isInteger(value)) {
      add('not_whole', 'error', p);
      return;
    }
    if (!whole && !hasPrecision(value, cell.precision)) {
      add('precision', 'error', p, { limit: cell.precision });
      return;
    }
    const min = cell.kind === 'percentage' ? 0 : cell.min;
    const max = cell.kind === 'percentage' ? 100 : cell.max;
    if (min !== undefined && value < min) {
      add('below_min', 'error', p, { value, limit: min });
      return;
    }
    if (max !== undefined && value > max) add('above_max', 'error', p, { value, limit: max });
  }

  // The form's rules, over the visible answers.
  const numberAt = (path: string): number | undefined => {
    const value = answers[path];
    return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
  };
  /** What a rule's path holds: the sum of its numbers, and whether any answer there is no number at all. */
  interface Matched {
    readonly sum: number | undefined;
    readonly invalid: boolean;
    readonly label: string;
  }
  const matched = (pattern: string): Matched => {
    if (pattern.startsWith('prefill/')) {
      const value = context.prefilled?.[pattern.slice('prefill/'.length)];
      return { sum: value ?? undefined, invalid: false, label: pattern };
    }
    const computed = form.items.get(pattern);
    if (computed?.kind === 'computed') {
      const parts = computed.sum_of.map(matched);
      return { ...total(parts), invalid: parts.some((x) => x.invalid), label: computed.labels[language] };
    }
    const infos = expandPattern(form, pattern).filter((p) => visible.has(p.item));
    const answered = infos.filter((p) => isAnswered(answers[p.path]));
    const values = answered.map((p) => numberAt(p.path));
    return {
      ...total(values.map((sum) => ({ sum }))),
      // An answer that is no number has its own error; a rule over it would only repeat it, wrongly.
      invalid: values.some((v) => v === undefined),
      label: infos[0] ? place(infos[0]) : pattern,
    };
  };
  const total = (parts: readonly { sum: number | undefined }[]) => {
    const sums = parts.map((x) => x.sum).filter((v): v is number => v !== undefined);
    return { sum: sums.length ? sums.reduce((a, b) => a + b, 0) : undefined };
  };
  const anchor = (pattern: string): PathInfo | { path: string; item: ResolvedItem } | undefined => {
    const infos = expandPattern(form, pattern);
    if (infos.length === 1) return infos[0];
    const item = form.items.get(pattern.split('/')[0] ?? '');
    return item ? { path: pattern, item } : undefined;
  };

  for (const rule of form.rules) evaluate(rule);

  function evaluate(rule: FormRule): void {
    const own = { ruleId: rule.id, custom: rule.message?.[language] };
    switch (rule.kind) {
      case 'sum_equals': {
        const parts = rule.parts.map(matched);
        const whole = matched(rule.total);
        if (whole.invalid || parts.some((x) => x.invalid)) return;
        const sum = total(parts).sum;
        if (sum === undefined && whole.sum === undefined) return;
        if (Math.abs((sum ?? 0) - (whole.sum ?? 0)) > rule.tolerance)
          add('sum_equals', rule.severity, anchor(rule.total), {
            ...own,
            value: sum ?? 0,
            limit: whole.sum ?? 0,
          });
        return;
      }
      case 'not_above': {
        const part = matched(rule.part);
        const whole = matched(rule.whole);
        if (part.invalid || whole.invalid || part.sum === undefined || whole.sum === undefined) return;
        if (part.sum > whole.sum)
          add('not_above', rule.severity, anchor(rule.part), {
            ...own,
            value: part.sum,
            limit: whole.sum,
            total: whole.label,
          });
        return;
      }
      case 'range': {
        const range = `${rule.min !== undefined ? numberFormat(rule.min) : ''}–${rule.max !== undefined ? numberFormat(rule.max) : ''}`;
        for (const info of expandPattern(form, rule.item)) {
          const value = visible.has(info.item) ? numberAt(info.path) : undefined;
          if (value === undefined) continue;
          if ((rule.min !== undefined && value < rule.min) || (rule.max !== undefined && value > rule.max))
            add('range', rule.severity, info, { ...own, value, range });
        }
        return;
      }
      case 'required_if': {
        const item = form.items.get(rule.item.split('/')[0] ?? '');
        if (!item || !visible.has(item) || !holds(rule.when)) return;
        // The item itself (all its paths), or the one path the rule names.
        const infos = (pathsByItem(form).get(item.key) ?? []).filter(
          (p) => rule.item === item.key || p.path === rule.item,
        );
        if (!infos.some((p) => isAnswered(answers[p.path])))
          add('required_if', rule.severity, anchor(rule.item), own);
        return;
      }
      case 'one_of': {
        // Answered, and not "no": of yes/no questions, exactly one is yes.
        const answered = rule.items.filter((path) => isAnswered(answers[path]) && answers[path] !== false);
        if (answered.length !== 1) add('one_of', rule.severity, anchor(rule.items[0]!), own);
        return;
      }
    }
  }

  const warnings = findings.filter((f) => f.severity === 'warning');
  const errors = findings.filter((f) => f.severity === 'error');
  // A comment of spaces explains nothing.
  const explained = typeof comments === 'string' && comments.trim() !== '';
  if (form.warningsNeedComment && warnings.length > 0 && !explained)
    errors.push({
      ruleId: 'comment_required',
      kind: 'comment_required',
      severity: 'error',
      path: COMMENTS,
      ...sameDetail(FORM_MESSAGES.comment_required[language]),
    });
  return { errors, warnings };
}

/** A finding that has no place to leave out: its detail is its message. */
const sameDetail = (message: string) => ({ message, detail: message });

const upperFirst = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

const hasPrecision = (value: number, precision: number) => {
  const scaled = value * 10 ** precision;
  return Math.abs(scaled - Math.round(scaled)) < 1e-6 * Math.max(1, Math.abs(scaled));
};

const isIsoDate = (value: string) => {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
};
