import ExcelJS from 'exceljs';
import type { Language } from '../domain/language.ts';
import { parseNorwegian } from '../domain/number-format.ts';
import type { SurveyDefinition } from '../domain/survey/definition.ts';
import {
  isStorableText,
  MAX_AMOUNT,
  type ResponseContent,
  type ResponseRow,
} from '../domain/survey/response.ts';

/**
 * The form as an Excel workbook to fill in offline and upload again. Column A (hidden) holds a key for each
 * line, so that the upload is read by keys, not by positions; labels are locked, input cells are not.
 */
export interface WorkbookForm {
  readonly definition: SurveyDefinition;
  readonly roundId: string;
  readonly municipality: { readonly code: string; readonly name: string };
  readonly prefilled: Readonly<Record<string, number | null>>;
  readonly content: ResponseContent;
}

const WORDS: Readonly<Record<Language, Readonly<Record<string, string>>>> = {
  nb: {
    municipality: 'Kommune',
    round: 'Undersøkelse',
    prefilled: 'Forhåndsutfylt KOSTRA-total (1000 kr)',
    category: 'Kategori',
    fewer: 'Færre enn fem brukere (ja)',
    methods: 'Beregningsmetode (x)',
    comments: 'Merknader',
    help: 'Fyll ut de hvite cellene. Beløp i 1000 kroner.',
  },
  nn: {
    municipality: 'Kommune',
    round: 'Undersøking',
    prefilled: 'Førehandsutfylt KOSTRA-total (1000 kr)',
    category: 'Kategori',
    fewer: 'Færre enn fem brukarar (ja)',
    methods: 'Utrekningsmetode (x)',
    comments: 'Merknader',
    help: 'Fyll ut dei kvite cellene. Beløp i 1000 kroner.',
  },
  en: {
    municipality: 'Municipality',
    round: 'Survey',
    prefilled: 'Prefilled KOSTRA total (NOK 1,000)',
    category: 'Category',
    fewer: 'Fewer than five users (yes)',
    methods: 'Method (x)',
    comments: 'Comments',
    help: 'Fill in the white cells. Amounts in NOK 1,000.',
  },
};

const INPUT_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFFFF' } };
const LOCKED_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE9EEF0' } };
const SHEET = 'Skjema';

export async function writeFormWorkbook(form: WorkbookForm, language: Language): Promise<Buffer> {
  const w = WORDS[language];
  const { definition, content } = form;
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(SHEET);
  sheet.columns = [
    { width: 4, hidden: true },
    { width: 48 },
    { width: 22 },
    ...definition.measures.map(() => ({ width: 14 })),
  ];
  const line = (
    key: string,
    values: (string | number | null)[],
    style: 'title' | 'label' | 'input' = 'label',
  ) => {
    const row = sheet.addRow([key, ...values]);
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cell.protection = { locked: style !== 'input' || col < 3 };
      cell.fill = style === 'input' && col >= 3 ? INPUT_FILL : LOCKED_FILL;
      if (style === 'title') cell.font = { bold: true };
    });
    return row;
  };
  line(`municipality:${form.municipality.code}`, [definition.title[language]], 'title');
  line(`round:${form.roundId}`, [
    `${w.municipality}: ${form.municipality.code} ${form.municipality.name}`,
    `${w.round}: ${form.roundId}`,
  ]);
  line('', [w.help!]);
  line('', [w.prefilled!], 'title');
  for (const m of definition.measures)
    line('', [`${m.code} ${m.labels[language]}`, form.prefilled[m.code] ?? null]);
  for (const table of definition.tables) {
    const answer = content.tables[table.key];
    line('', []);
    line('', [`${table.number}. ${table.labels[language]}`], 'title');
    line('', [w.category!, w.fewer!, ...definition.measures.map((m) => m.code)], 'title');
    for (const row of table.rows) {
      const given = answer?.rows[row.key];
      const cells = [
        row.labels[language],
        given?.fewerThan5 ? 'ja' : null,
        ...definition.measures.map((m) => given?.amounts[m.code] ?? null),
      ];
      line(`row:${table.key}:${row.key}`, cells, 'input').eachCell((cell, col) => {
        if (col >= 4) cell.numFmt = '# ##0';
      });
    }
    line('', [w.methods!], 'title');
    for (const method of definition.methods) {
      line(
        `method:${table.key}:${method.code}`,
        [method.labels[language], answer?.methods.includes(method.code) ? 'x' : null],
        'input',
      );
    }
  }
  line('', []);
  line('comments', [w.comments!, content.comments], 'input').getCell(3).alignment = {
    wrapText: true,
    vertical: 'top',
  };
  await sheet.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true });
  return Buffer.from(await book.xlsx.writeBuffer());
}

export interface CellError {
  readonly cell: string;
  readonly message: string;
}

const ERRORS: Readonly<Record<Language, Readonly<Record<string, string>>>> = {
  nb: {
    notWorkbook: 'Filen er ikke en Excel-fil (.xlsx) fra dette skjemaet.',
    otherMunicipality: 'Arbeidsboken gjelder kommune {value}, ikke {expected}.',
    otherRound: 'Arbeidsboken gjelder undersøkelsen {value}, ikke {expected}.',
    number: '«{value}» er ikke et tall.',
    yes: '«{value}»: skriv «ja» eller la cellen stå tom.',
    key: 'Ukjent linje «{value}»: ikke endre den skjulte kolonnen A.',
    range: '«{value}» er for stort: beløp i 1000 kroner kan være høyst 999 999 999 (med fortegn).',
    text: 'Teksten har tegn som ikke kan lagres (NUL eller et halvt tegnpar).',
  },
  nn: {
    notWorkbook: 'Fila er ikkje ei Excel-fil (.xlsx) frå dette skjemaet.',
    otherMunicipality: 'Arbeidsboka gjeld kommune {value}, ikkje {expected}.',
    otherRound: 'Arbeidsboka gjeld undersøkinga {value}, ikkje {expected}.',
    number: '«{value}» er ikkje eit tal.',
    yes: '«{value}»: skriv «ja» eller la cella stå tom.',
    key: 'Ukjend linje «{value}»: ikkje endre den skjulte kolonnen A.',
    range: '«{value}» er for stort: beløp i 1000 kroner kan vere høgst 999 999 999 (med forteikn).',
    text: 'Teksten har teikn som ikkje kan lagrast (NUL eller eit halvt teiknpar).',
  },
  en: {
    notWorkbook: 'The file is not an Excel file (.xlsx) of this form.',
    otherMunicipality: 'The workbook is for municipality {value}, not {expected}.',
    otherRound: 'The workbook is for survey {value}, not {expected}.',
    number: '"{value}" is not a number.',
    yes: '"{value}": write "yes" or leave the cell empty.',
    key: 'Unknown line "{value}": do not change the hidden column A.',
    range: '"{value}" is too large: amounts in NOK 1,000 can be at most 999,999,999 either way.',
    text: 'The text holds characters that cannot be stored (NUL or half of a surrogate pair).',
  },
};

const text = (value: ExcelJS.CellValue): string => {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object' && 'richText' in value) return value.richText.map((r) => r.text).join('');
  if (typeof value === 'object' && 'result' in value) return text(value.result);
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value).trim();
};

/**
 * Reads an uploaded workbook back into a response, or says cell by cell what is wrong. Nothing is half
 * read: any error gives no content.
 */
export async function readFormWorkbook(
  data: Buffer,
  expected: {
    readonly definition: SurveyDefinition;
    readonly roundId: string;
    readonly municipality: string;
  },
  language: Language,
): Promise<{ content: ResponseContent } | { errors: CellError[] }> {
  const e = ERRORS[language];
  const say = (template: string, value: string, wanted = '') =>
    template.replace('{value}', value).replace('{expected}', wanted);
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    return { errors: [{ cell: '', message: e.notWorkbook! }] };
  }
  const sheet = book.getWorksheet(SHEET);
  if (!sheet) return { errors: [{ cell: '', message: e.notWorkbook! }] };
  const { definition } = expected;
  const errors: CellError[] = [];
  const tables: Record<string, { methods: string[]; rows: Record<string, ResponseRow> }> = {};
  let comments = '';
  const seen = { municipality: false };
  sheet.eachRow((row, number) => {
    const key = text(row.getCell(1).value);
    const [kind, a, b] = key.split(':');
    const cell = (col: number) => row.getCell(col);
    if (kind === 'municipality') {
      seen.municipality = true;
      if (a !== expected.municipality)
        errors.push({
          cell: `A${number}`,
          message: say(e.otherMunicipality!, a ?? '', expected.municipality),
        });
    } else if (kind === 'round') {
      if (a !== expected.roundId)
        errors.push({ cell: `A${number}`, message: say(e.otherRound!, a ?? '', expected.roundId) });
    } else if (kind === 'row') {
      const table = definition.tables.find((t) => t.key === a);
      if (!table?.rows.some((r) => r.key === b)) {
        errors.push({ cell: `A${number}`, message: say(e.key!, key) });
        return;
      }
      const flag = text(cell(3).value).toLowerCase();
      if (!['', 'ja', 'yes', 'x', 'true'].includes(flag))
        errors.push({ cell: cell(3).address, message: say(e.yes!, flag) });
      const amounts: Record<string, number | null> = {};
      definition.measures.forEach((m, i) => {
        const c = cell(4 + i);
        const raw = c.value;
        const value = typeof raw === 'number' ? raw : parseNorwegian(text(raw));
        if (Number.isNaN(value)) errors.push({ cell: c.address, message: say(e.number!, text(raw)) });
        else if (value !== null && !(Math.abs(value) <= MAX_AMOUNT))
          errors.push({ cell: c.address, message: say(e.range!, text(raw)) });
        else amounts[m.code] = value;
      });
      const fewerThan5 = flag !== '';
      if (fewerThan5 || Object.values(amounts).some((v) => v !== null)) {
        tables[table.key] ??= { methods: [], rows: {} };
        tables[table.key]!.rows[b!] = { fewerThan5, amounts };
      }
    } else if (kind === 'method') {
      if (!definition.tables.some((t) => t.key === a) || !definition.methods.some((m) => m.code === b)) {
        errors.push({ cell: `A${number}`, message: say(e.key!, key) });
      } else if (text(cell(3).value) !== '') {
        (tables[a!] ??= { methods: [], rows: {} }).methods.push(b!);
      }
    } else if (kind === 'comments') {
      comments = text(cell(3).value);
      if (!isStorableText(comments)) errors.push({ cell: cell(3).address, message: e.text! });
    } else if (key !== '') {
      errors.push({ cell: `A${number}`, message: say(e.key!, key) });
    }
  });
  if (!seen.municipality) errors.push({ cell: '', message: e.notWorkbook! });
  if (errors.length > 0) return { errors };
  return { content: { tables, comments } };
}
