import * as z from 'zod';
import { parseData } from '../parse-data.ts';

/*
 * A StatBank table's file description (filbeskrivelse, uttaksbeskrivelse) as StatBank's API gives it and
 * statisticsnorway/dapla-statbank-client reads it (`api_types.py`, `FilBeskrivelseType`): the table's
 * parts (deltabeller), each a load file whose columns are numbered; first the classification variables
 * (variabler), then the statistics variables (statistikkvariabler), then a suppression-code column for
 * each statistics variable that has one (null_prikk_missing); the code lists of the classification
 * variables (kodelister) and the suppression codes (null_prikk_missing_kodeliste).
 */

const columnNumber = z.string().regex(/^[1-9]\d*$/, 'a column number (1, 2, …)');

const variabel = z.object({
  kolonnenummer: columnNumber,
  Klassifikasjonsvariabel: z.string().min(1),
  Variabeltext: z.string(),
  Kodeliste_id: z.string().min(1),
  Kodeliste_text: z.string(),
});

const statistikkvariabel = z.object({
  kolonnenummer: columnNumber,
  Text: z.string(),
  Enhet: z.string(),
  Antall_lagrede_desimaler: z.string().regex(/^\d$/),
  Antall_viste_desimaler: z.string().regex(/^\d$/),
});

const prikkekolonne = z.object({
  kolonnenummer: columnNumber,
  gjelder_for_text: z.string(),
  gjelder_for__kolonner_nummer: columnNumber,
});

const filbeskrivelse = z.object({
  Uttaksbeskrivelse_lagd: z.string(),
  base: z.string(),
  TabellId: z.string().regex(/^\d{5}$/, 'five digits'),
  Huvudtabell: z.string().min(1),
  DeltabellTitler: z.array(z.object({ Filnavn: z.string().min(1), Filtext: z.string() })).min(1),
  deltabller: z
    .array(
      z.object({
        deltabell: z.string().min(1),
        variabler: z.array(variabel).min(1),
        statistikkvariabler: z.array(statistikkvariabel).min(1),
        null_prikk_missing: z.array(prikkekolonne).optional(),
        eksempel_linje: z.string(),
      }),
    )
    .min(1),
  null_prikk_missing_kodeliste: z
    .array(z.object({ Kode: z.string().min(1), Vises_som: z.string(), Beskrivelse: z.string() }))
    .optional(),
  kodelister: z.array(
    z.object({
      kodeliste: z.string().min(1),
      SumIALtTotalKode: z.string().optional(),
      koder: z.array(z.object({ kode: z.string(), text: z.string() })),
    }),
  ),
});

export type Filbeskrivelse = z.infer<typeof filbeskrivelse>;
export type Deltabell = Filbeskrivelse['deltabller'][number];

const descriptionSchema = z.object({
  source: z.string(),
  /** The published table whose load files these are. */
  table: z.string().regex(/^[A-Z0-9]+$/),
  /** Which of the table's measures (ContentsCode) each statistics variable column holds, by column number. */
  contents: z.record(columnNumber, z.string().min(1)),
  filbeskrivelse,
});

/** A published table's StatBank file description, with which measure goes in which column. */
export type StatbankDescription = z.infer<typeof descriptionSchema>;

export function parseStatbankDescription(input: unknown, source: string): StatbankDescription {
  return parseData(descriptionSchema, input, source);
}

/** The columns of a part in load-file order, each with its number: variables, statistics, suppression codes. */
export function columnsOf(deltabell: Deltabell) {
  return [
    ...deltabell.variabler.map((v) => ({ kind: 'variable' as const, number: Number(v.kolonnenummer), v })),
    ...deltabell.statistikkvariabler.map((s) => ({
      kind: 'statistic' as const,
      number: Number(s.kolonnenummer),
      s,
    })),
    ...(deltabell.null_prikk_missing ?? []).map((p) => ({
      kind: 'suppression' as const,
      number: Number(p.kolonnenummer),
      p,
    })),
  ].sort((a, b) => a.number - b.number);
}

/** The time format a variable's code-list text gives ("…, format = åååå"), if it is a time variable. */
export const timeFormatOf = (kodelisteText: string) =>
  kodelisteText.includes(' format = ')
    ? kodelisteText.split(' format = ')[1]!.trim().replaceAll('Å', 'å')
    : undefined;
