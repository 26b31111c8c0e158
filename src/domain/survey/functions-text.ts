import type { SurveyDefinition } from './definition.ts';

/**
 * The questionnaire's texts for the functions a round splits: `{function}` becomes "254" for a round on
 * 2021 data and "257 og 258" ("257 and 258") on 2024 data, `{f}` "f254" or "f257/f258". The definition
 * is data; only its wording follows the chart of accounts of the round's year.
 */
export function withFunctions(definition: SurveyDefinition, functions: readonly string[]): SurveyDefinition {
  const joined = {
    nb: joinAll(functions, 'og'),
    nn: joinAll(functions, 'og'),
    en: joinAll(functions, 'and'),
  };
  const short = functions.map((f) => `f${f}`).join('/');
  const walk = (value: unknown, language?: keyof typeof joined): unknown => {
    if (typeof value === 'string')
      return language ? value.replaceAll('{function}', joined[language]).replaceAll('{f}', short) : value;
    if (Array.isArray(value)) return value.map((v) => walk(v, language));
    if (value && typeof value === 'object')
      return Object.fromEntries(
        Object.entries(value).map(([k, v]) => [
          k,
          walk(v, k === 'nb' || k === 'nn' || k === 'en' ? k : language),
        ]),
      );
    return value;
  };
  return walk(definition) as SurveyDefinition;
}

const joinAll = (codes: readonly string[], and: string) =>
  codes.length <= 1 ? (codes[0] ?? '') : `${codes.slice(0, -1).join(', ')} ${and} ${codes.at(-1)}`;
