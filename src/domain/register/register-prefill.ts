import type { Answers } from '../forms/answers.ts';
import type { ResolvedForm } from '../forms/resolve.ts';
import {
  isRegisterAttribute,
  REGISTER_ATTRIBUTES,
  type RegisterAttribute,
  type RegisterUnit,
} from './unit.ts';

/** An item of the form that shows a register attribute of its unit, for the respondent to confirm or correct. */
interface RegisterItem {
  readonly item: string;
  readonly attribute: RegisterAttribute;
}

export function registerItems(form: ResolvedForm): RegisterItem[] {
  return [...form.items.values()].flatMap((item) => {
    const key = item.prefill?.source === 'register' ? (item.prefill.key ?? '') : '';
    return isRegisterAttribute(key) ? [{ item: item.key, attribute: key }] : [];
  });
}

/** The register's values of those items for a unit: what a form not yet begun starts from. */
export function registerAnswers(form: ResolvedForm, unit: RegisterUnit): Answers {
  return Object.fromEntries(
    registerItems(form).flatMap(({ item, attribute }) => {
      const value = REGISTER_ATTRIBUTES[attribute](unit);
      return value === null ? [] : [[item, value]];
    }),
  );
}

/** A register detail the respondent reported otherwise than the register has it: a line of the change list. */
export interface RegisterCorrection {
  readonly orgNumber: string;
  readonly attribute: RegisterAttribute;
  readonly registered: string | null;
  readonly reported: string;
}

/**
 * What a unit's answers correct in the register: each register item answered with another value than the
 * register's (spaces around a text do not count). An item left empty corrects nothing: the register stands.
 */
export function registerCorrections(
  form: ResolvedForm,
  unit: RegisterUnit,
  answers: Answers,
): RegisterCorrection[] {
  return registerItems(form).flatMap(({ item, attribute }) => {
    const answer = answers[item];
    if (typeof answer !== 'string' || answer.trim() === '') return [];
    const registered = REGISTER_ATTRIBUTES[attribute](unit);
    return answer.trim() === (registered ?? '').trim()
      ? []
      : [{ orgNumber: unit.orgNumber, attribute, registered, reported: answer.trim() }];
  });
}
