import type { TableQuery, VariableQuery } from '../../domain/publication/query.ts';
import { problem } from '../problem.ts';

export const OUTPUT_FORMATS = ['json-stat2', 'csv', 'xlsx'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** PxWeb's output format parameters; those it names that we do not offer (html, px…) are refused. */
const OUTPUT_FORMAT_PARAMS = [
  'UseCodes',
  'UseTexts',
  'UseCodesAndTexts',
  'IncludeTitle',
  'SeparatorTab',
  'SeparatorSpace',
  'SeparatorSemicolon',
] as const;
export type OutputFormatParam = (typeof OUTPUT_FORMAT_PARAMS)[number];

export interface OutputChoice {
  readonly format: OutputFormat;
  readonly params: readonly OutputFormatParam[];
}

type Query = Readonly<Record<string, string | string[] | undefined>>;

const unsupported = (name: string, allowed: readonly string[]) =>
  problem(
    400,
    'unsupported-parameter',
    'Unsupported parameter',
    `"${name}" is not a parameter of this endpoint; it takes ${allowed.join(', ')}`,
  );

/** Refuses any parameter the endpoint does not take, naming it: none is silently ignored. */
export function onlyParameters(query: Query, allowed: readonly string[]): void {
  for (const key of Object.keys(query))
    if (!allowed.some((a) => a.toLowerCase() === key.toLowerCase())) throw unsupported(key, allowed);
}

const values = (value: string | string[] | undefined): string[] =>
  value === undefined ? [] : (Array.isArray(value) ? value : [value]).flatMap((v) => v.split(','));

/** A parameter's key as the request spells it (PxWeb takes the names in any case). */
const keyOf = (query: Query, name: string) =>
  Object.keys(query).find((k) => k.toLowerCase() === name.toLowerCase());

/** A list parameter, comma-separated or repeated; undefined if not given. */
const listParameter = (query: Query, name: string) => {
  const key = keyOf(query, name);
  return key === undefined ? undefined : values(query[key]);
};

const single = (query: Query, name: string): string | undefined => {
  const key = keyOf(query, name);
  const value = key === undefined ? undefined : query[key];
  if (Array.isArray(value))
    throw problem(400, 'repeated-parameter', 'Repeated parameter', `"${name}" is given more than once`);
  return value;
};

export const languageParameter = (query: Query) => single(query, 'lang');

/** The output format and its parameters, checked against each other as PxWeb's specification says. */
export function outputChoice(query: Query, fallbackFormat: OutputFormat = 'json-stat2'): OutputChoice {
  const format = single(query, 'outputFormat') ?? fallbackFormat;
  if (!(OUTPUT_FORMATS as readonly string[]).includes(format))
    throw problem(
      400,
      'unsupported-output-format',
      'Unsupported output format',
      `"${format}": use ${OUTPUT_FORMATS.join(', ')}`,
    );
  const params = listParameter(query, 'outputFormatParams') ?? [];
  return { format: format as OutputFormat, params: checkOutputParams(format as OutputFormat, params) };
}

export function checkOutputParams(format: OutputFormat, params: readonly string[]): OutputFormatParam[] {
  const bad = (detail: string) =>
    problem(400, 'invalid-output-format-params', 'Invalid output format parameters', detail);
  for (const p of params)
    if (!(OUTPUT_FORMAT_PARAMS as readonly string[]).includes(p))
      throw bad(`"${p}" is not an output format parameter; use ${OUTPUT_FORMAT_PARAMS.join(', ')}`);
  const labels = params.filter((p) => p.startsWith('Use'));
  const separators = params.filter((p) => p.startsWith('Separator'));
  if (labels.length > 1) throw bad(`${labels.join(' and ')} cannot be combined`);
  if (separators.length > 1) throw bad(`${separators.join(' and ')} cannot be combined`);
  if (separators.length > 0 && format !== 'csv')
    throw bad(`${separators[0]} applies to csv only, not ${format}`);
  if (format === 'json-stat2' && params.length > 0)
    throw bad(`${params[0]} applies to csv and xlsx only, not json-stat2`);
  return params as OutputFormatParam[];
}

/** The variable a bracketed parameter names: `valuecodes[Region]` gives Region. */
const bracketed = (key: string, name: string) => new RegExp(`^${name}\\[(.+)\\]$`, 'i').exec(key)?.[1];

/**
 * A GET request's selection: `valuecodes[VAR]`, `codelist[VAR]`, `outputValues[VAR]`, `heading` and `stub`
 * (comma-separated or repeated), the names case-insensitive as PxWeb takes them.
 */
export function selectionFromQuery(query: Query): TableQuery {
  const variables = new Map<string, { valueCodes?: string[]; codelist?: string; outputValues?: string }>();
  const entry = (v: string) => variables.get(v) ?? variables.set(v, {}).get(v)!;
  for (const [key, value] of Object.entries(query)) {
    const codes = bracketed(key, 'valuecodes');
    const codelist = bracketed(key, 'codelist');
    const output = bracketed(key, 'outputvalues');
    if (codes) entry(codes).valueCodes = values(value);
    else if (codelist) entry(codelist).codelist = single(query, key);
    else if (output) entry(output).outputValues = single(query, key);
  }
  const selection: VariableQuery[] = [...variables].map(([variableCode, v]) => {
    if (v.outputValues !== undefined && v.outputValues !== 'aggregated' && v.outputValues !== 'single')
      throw problem(
        400,
        'invalid-output-values',
        'Invalid outputValues',
        `outputValues[${variableCode}] is "${v.outputValues}": use aggregated or single`,
      );
    if (!v.valueCodes)
      throw problem(
        400,
        'missing-value-codes',
        'Missing value codes',
        `variable ${variableCode} has a codelist or outputValues but no valuecodes[${variableCode}]`,
      );
    return {
      variableCode,
      valueCodes: v.valueCodes,
      ...(v.codelist ? { codelist: v.codelist } : {}),
      ...(v.outputValues ? { outputValues: v.outputValues } : {}),
    };
  });
  const heading = listParameter(query, 'heading');
  const stub = listParameter(query, 'stub');
  return {
    selection,
    ...(heading || stub ? { placement: { ...(heading ? { heading } : {}), ...(stub ? { stub } : {}) } } : {}),
  };
}

/** The parameters the data endpoint takes (bracketed ones by their prefix). */
export const DATA_PARAMETERS = ['lang', 'outputFormat', 'outputFormatParams', 'heading', 'stub'];
export const isSelectionParameter = (key: string) =>
  ['valuecodes', 'codelist', 'outputvalues'].some((n) => bracketed(key, n) !== undefined);

/** The metadata endpoint's `codelist[VAR]=ID` parameters, as [variable, codelist] pairs. */
export function codelistParameters(query: Query): [string, string][] {
  return Object.keys(query).flatMap((key) => {
    const variable = bracketed(key, 'codelist');
    return variable === undefined ? [] : [[variable, single(query, key)!] as [string, string]];
  });
}
