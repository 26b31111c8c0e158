import ExcelJS from 'exceljs';
import {
  answerPaths,
  COMMENTS,
  type AnswerValue,
  type Answers,
  type PathInfo,
} from '../domain/forms/answers.ts';
import type { ResolvedForm } from '../domain/forms/resolve.ts';
import type { Language } from '../domain/language.ts';
import { parseNorwegian } from '../domain/number-format.ts';
import { isStorableText, MAX_AMOUNT } from '../domain/survey/response.ts';
import type { CellError } from './form-workbook.ts';

/**
 * A form of the forms engine as a workbook to fill in offline: one line per answer, its path in the hidden
 * column A (so the upload is read by keys, not positions), the question in B, the row or column or the
 * codes to choose from in C, the answer in D (the only cells not locked). Read back whole or not at all.
 */
const SHEET = 'Skjema';
const INPUT_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFFFF' } };
const LOCKED_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE9EEF0' } };

const WORDS = {
  nb: {
    unit: 'Enhet',
    help: 'Fyll ut de hvite cellene i kolonne D. Ja/nei: skriv ja eller nei. Valg: skriv kodene, flere med semikolon.',
    yesNo: 'ja / nei',
    specify: 'Spesifiser',
    comments: 'Merknader',
    notWorkbook: 'Filen er ikke en Excel-fil (.xlsx) fra dette skjemaet.',
    otherUnit: 'Arbeidsboken gjelder {value}, ikke {expected}.',
    otherRound: 'Arbeidsboken gjelder runden {value}, ikke {expected}.',
    key: 'Ukjent linje «{value}»: ikke endre den skjulte kolonnen A.',
    number: '«{value}» er ikke et tall.',
    range: '«{value}» er for stort.',
    yes: '«{value}»: skriv ja eller nei.',
    option: '«{value}» er ikke en av kodene i kolonne C.',
    text: 'Teksten har tegn som ikke kan lagres (NUL eller et halvt tegnpar).',
    date: '«{value}» er ikke en dato (dd.mm.åååå).',
  },
  nn: {
    unit: 'Eining',
    help: 'Fyll ut dei kvite cellene i kolonne D. Ja/nei: skriv ja eller nei. Val: skriv kodane, fleire med semikolon.',
    yesNo: 'ja / nei',
    specify: 'Spesifiser',
    comments: 'Merknader',
    notWorkbook: 'Fila er ikkje ei Excel-fil (.xlsx) frå dette skjemaet.',
    otherUnit: 'Arbeidsboka gjeld {value}, ikkje {expected}.',
    otherRound: 'Arbeidsboka gjeld runden {value}, ikkje {expected}.',
    key: 'Ukjend linje «{value}»: ikkje endre den skjulte kolonnen A.',
    number: '«{value}» er ikkje eit tal.',
    range: '«{value}» er for stort.',
    yes: '«{value}»: skriv ja eller nei.',
    option: '«{value}» er ikkje ein av kodane i kolonne C.',
    text: 'Teksten har teikn som ikkje kan lagrast (NUL eller eit halvt teiknpar).',
    date: '«{value}» er ikkje ein dato (dd.mm.åååå).',
  },
  en: {
    unit: 'Unit',
    help: 'Fill in the white cells of column D. Yes/no: write yes or no. Choices: write the codes, several with semicolons.',
    yesNo: 'yes / no',
    specify: 'Specify',
    comments: 'Comments',
    notWorkbook: 'The file is not an Excel file (.xlsx) of this form.',
    otherUnit: 'The workbook is for {value}, not {expected}.',
    otherRound: 'The workbook is for round {value}, not {expected}.',
    key: 'Unknown line "{value}": do not change the hidden column A.',
    number: '"{value}" is not a number.',
    range: '"{value}" is too large.',
    yes: '"{value}": write yes or no.',
    option: '"{value}" is not one of the codes in column C.',
    text: 'The text holds characters that cannot be stored (NUL or half of a surrogate pair).',
    date: '"{value}" is not a date (dd.mm.yyyy).',
  },
} as const;

export interface AnswersWorkbook {
  readonly form: ResolvedForm;
  readonly roundId: string;
  readonly unit: { readonly code: string; readonly name: string };
  readonly answers: Answers;
}

/** What a path asks, in words for column B and C. */
function describe(info: PathInfo, language: Language): [string, string] {
  const item = info.item;
  const question = `${item.number ? `${item.number} ` : ''}${item.labels[language]}`;
  if (item.kind === 'grid') {
    const row = item.rows.find((r) => r.code === info.row)?.labels[language] ?? '';
    if (info.role === 'flag')
      return [`${question}: ${row}`, `${item.row_flag?.labels[language] ?? ''} (${WORDS[language].yesNo})`];
    return [`${question}: ${row}`, item.columns.find((c) => c.code === info.column)?.labels[language] ?? ''];
  }
  if (info.role === 'other') return [question, WORDS[language].specify];
  if (item.kind === 'yes_no') return [question, WORDS[language].yesNo];
  if (item.kind === 'single_choice' || item.kind === 'multiple_choice')
    return [question, item.options.map((o) => `${o.code} = ${o.labels[language]}`).join('; ')];
  return [question, ''];
}

const shown = (value: AnswerValue | undefined): string | number | null => {
  if (value === undefined || value === null) return null;
  if (typeof value === 'boolean') return value ? 'ja' : 'nei';
  if (Array.isArray(value)) return value.join('; ');
  return value as string | number;
};

export async function writeAnswersWorkbook(book: AnswersWorkbook, language: Language): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  await addAnswersSheet(workbook, SHEET, book, language);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** One unit's form as a sheet of a workbook (the single form's, or one of a list's). */
async function addAnswersSheet(
  workbook: ExcelJS.Workbook,
  name: string,
  book: AnswersWorkbook,
  language: Language,
): Promise<void> {
  const w = WORDS[language];
  const sheet = workbook.addWorksheet(name);
  sheet.columns = [{ width: 4, hidden: true }, { width: 60 }, { width: 40 }, { width: 18 }];
  const line = (key: string, values: (string | number | null)[], input = false, bold = false) => {
    const row = sheet.addRow([key, ...values]);
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cell.protection = { locked: !input || col < 4 };
      cell.fill = input && col === 4 ? INPUT_FILL : LOCKED_FILL;
      if (bold) cell.font = { bold: true };
    });
    return row;
  };
  line(`unit:${book.unit.code}`, [book.form.title[language]], false, true);
  line(`round:${book.roundId}`, [`${w.unit}: ${book.unit.code} ${book.unit.name}`, String(book.form.year)]);
  line('', [w.help]);
  const paths = answerPaths(book.form);
  for (const section of book.form.sections) {
    line('', []);
    line('', [`${section.number ? `${section.number} ` : ''}${section.labels[language]}`], false, true);
    for (const item of section.items)
      for (const info of paths.values())
        if (info.item === item)
          line(info.path, [...describe(info, language), shown(book.answers[info.path])], true);
  }
  line('', []);
  line(COMMENTS, [w.comments, '', shown(book.answers[COMMENTS])], true).getCell(4).alignment = {
    wrapText: true,
  };
  await sheet.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true });
}

const cellText = (value: ExcelJS.CellValue): string => {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object' && 'richText' in value) return value.richText.map((r) => r.text).join('');
  if (typeof value === 'object' && 'result' in value) return cellText(value.result);
  if (typeof value === 'object' && 'text' in value) return value.text;
  if (typeof value === 'object') return '';
  return String(value).trim();
};

/**
 * Reads an uploaded workbook back into answers, or says cell by cell what is wrong (nothing is half read).
 * The answers are then validated as the form's own are: this only reads what each cell holds.
 */
export async function readAnswersWorkbook(
  data: Buffer,
  expected: { readonly form: ResolvedForm; readonly roundId: string; readonly unit: string },
  language: Language,
): Promise<{ answers: Answers } | { errors: CellError[] }> {
  const w = WORDS[language];
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    return { errors: [{ cell: '', message: w.notWorkbook }] };
  }
  const sheet = workbook.getWorksheet(SHEET);
  if (!sheet) return { errors: [{ cell: '', message: w.notWorkbook }] };
  return readAnswersSheet(sheet, expected, language);
}

/** The unit and round a sheet says it holds (its first lines, column A). */
function sheetUnit(sheet: ExcelJS.Worksheet): { unit?: string; round?: string } {
  const found: { unit?: string; round?: string } = {};
  for (let n = 1; n <= 3; n++) {
    const key = cellText(sheet.getRow(n).getCell(1).value);
    if (key.startsWith('unit:')) found.unit = key.slice(5);
    if (key.startsWith('round:')) found.round = key.slice(6);
  }
  return found;
}

function readAnswersSheet(
  sheet: ExcelJS.Worksheet,
  expected: { readonly form: ResolvedForm; readonly roundId: string; readonly unit: string },
  language: Language,
): { answers: Answers } | { errors: CellError[] } {
  const w = WORDS[language];
  const say = (template: string, value: string, wanted = '') =>
    template.replace('{value}', value.slice(0, 100)).replace('{expected}', wanted);
  const paths = answerPaths(expected.form);
  const answers: Record<string, AnswerValue> = {};
  const errors: CellError[] = [];
  // Set inside the row callback, so an object (the compiler does not follow assignments into it).
  const seen = { unit: false };
  sheet.eachRow((row, number) => {
    const key = cellText(row.getCell(1).value);
    const cell = row.getCell(4);
    const raw = cell.value;
    const text = cellText(raw);
    const fail = (message: string) => errors.push({ cell: cell.address, message });
    if (key === '') return;
    if (key.startsWith('unit:')) {
      seen.unit = true;
      if (key.slice(5) !== expected.unit)
        errors.push({ cell: `A${number}`, message: say(w.otherUnit, key.slice(5), expected.unit) });
      return;
    }
    if (key.startsWith('round:')) {
      if (key.slice(6) !== expected.roundId)
        errors.push({ cell: `A${number}`, message: say(w.otherRound, key.slice(6), expected.roundId) });
      return;
    }
    if (key === COMMENTS) {
      if (!isStorableText(text)) fail(w.text);
      else if (text !== '') answers[COMMENTS] = text;
      return;
    }
    const info = paths.get(key);
    if (!info) {
      errors.push({ cell: `A${number}`, message: say(w.key, key) });
      return;
    }
    if (text === '') return;
    const item = info.item;
    const kind =
      info.role === 'flag'
        ? 'yes_no'
        : info.role === 'other'
          ? 'text'
          : item.kind === 'grid'
            ? item.cell.kind
            : item.kind;
    switch (kind) {
      case 'amount':
      case 'integer':
      case 'decimal':
      case 'percentage': {
        const value = typeof raw === 'number' ? raw : parseNorwegian(text);
        if (value === null) return;
        if (Number.isNaN(value)) return fail(say(w.number, text));
        if (!(Math.abs(value) <= MAX_AMOUNT)) return fail(say(w.range, text));
        answers[key] = value;
        return;
      }
      case 'yes_no': {
        const word = text.toLowerCase();
        if (['ja', 'yes', 'x', 'true'].includes(word)) answers[key] = true;
        else if (['nei', 'no', 'false'].includes(word)) answers[key] = false;
        else fail(say(w.yes, text));
        return;
      }
      case 'single_choice':
      case 'multiple_choice': {
        if (item.kind !== 'single_choice' && item.kind !== 'multiple_choice') return;
        const codes = text
          .split(/[;,]/)
          .map((c) => c.trim())
          .filter((c) => c !== '');
        const unknown = codes.find((c) => !item.options.some((o) => o.code === c));
        if (unknown !== undefined) return fail(say(w.option, unknown));
        answers[key] = item.kind === 'single_choice' ? (codes[0] ?? null) : codes;
        return;
      }
      case 'date': {
        const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text) ?? null;
        const norwegian = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
        if (iso) answers[key] = text;
        else if (norwegian)
          answers[key] =
            `${norwegian[3]}-${norwegian[2]!.padStart(2, '0')}-${norwegian[1]!.padStart(2, '0')}`;
        else fail(say(w.date, text));
        return;
      }
      default:
        if (!isStorableText(text)) return fail(w.text);
        answers[key] = text;
    }
  });
  if (!seen.unit) errors.push({ cell: '', message: w.notWorkbook });
  return errors.length > 0 ? { errors } : { answers };
}

/** The units of a responsible's list as one workbook: a sheet per unit, named by its code, after an index. */
export async function writeUnitsWorkbook(
  books: readonly AnswersWorkbook[],
  language: Language,
): Promise<Buffer> {
  const w = UNITS_WORDS[language];
  const workbook = new ExcelJS.Workbook();
  const index = workbook.addWorksheet(w.index);
  index.columns = [{ width: 14 }, { width: 50 }, { width: 50 }];
  index.addRow([w.sheet, w.unit, w.form]).font = { bold: true };
  index.addRow([w.help]);
  for (const book of books) index.addRow([sheetName(book), book.unit.name, book.form.title[language]]);
  for (const book of books) await addAnswersSheet(workbook, sheetName(book), book, language);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A unit's sheet: its code, and the form's number where a list has the unit in two forms. */
const sheetName = (book: AnswersWorkbook) => `${book.unit.code}-${book.roundId.slice(-8)}`.slice(0, 31);

const UNITS_WORDS = {
  nb: {
    index: 'Enheter',
    sheet: 'Ark',
    unit: 'Enhet',
    form: 'Skjema',
    help: 'Ett ark per enhet. Fyll ut de hvite cellene i hvert ark og last opp hele arbeidsboken.',
    unknown: 'Arket «{value}» gjelder en enhet som ikke er på listen deres.',
  },
  nn: {
    index: 'Einingar',
    sheet: 'Ark',
    unit: 'Eining',
    form: 'Skjema',
    help: 'Eitt ark per eining. Fyll ut dei kvite cellene i kvart ark og last opp heile arbeidsboka.',
    unknown: 'Arket «{value}» gjeld ei eining som ikkje er på lista dykkar.',
  },
  en: {
    index: 'Units',
    sheet: 'Sheet',
    unit: 'Unit',
    form: 'Form',
    help: 'One sheet per unit. Fill in the white cells of each sheet and upload the whole workbook.',
    unknown: 'Sheet "{value}" is for a unit that is not on your list.',
  },
} as const;

/** A unit on the list, as the upload expects it. */
export interface ExpectedUnit {
  readonly form: ResolvedForm;
  readonly roundId: string;
  readonly unit: string;
}

/**
 * Reads a workbook of the list back: each unit's sheet into its answers, or every error with its sheet and
 * cell; a sheet of a unit not on the list is an error. Whole or not at all.
 */
export async function readUnitsWorkbook(
  data: Buffer,
  expected: readonly ExpectedUnit[],
  language: Language,
): Promise<{ units: { roundId: string; unit: string; answers: Answers }[] } | { errors: CellError[] }> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    return { errors: [{ cell: '', message: WORDS[language].notWorkbook }] };
  }
  const byKey = new Map(expected.map((e) => [`${e.roundId}/${e.unit}`, e]));
  const units: { roundId: string; unit: string; answers: Answers }[] = [];
  const errors: CellError[] = [];
  for (const sheet of workbook.worksheets) {
    const { unit, round } = sheetUnit(sheet);
    if (unit === undefined) continue; // the index, or a sheet of the user's own
    const wanted = byKey.get(`${round ?? ''}/${unit}`);
    if (!wanted) {
      errors.push({
        cell: `${sheet.name}!A1`,
        message: UNITS_WORDS[language].unknown.replace('{value}', sheet.name),
      });
      continue;
    }
    const read = readAnswersSheet(sheet, wanted, language);
    if ('errors' in read) errors.push(...read.errors.map((e) => ({ ...e, cell: `${sheet.name}!${e.cell}` })));
    else units.push({ roundId: wanted.roundId, unit: wanted.unit, answers: read.answers });
  }
  if (errors.length === 0 && units.length === 0)
    errors.push({ cell: '', message: WORDS[language].notWorkbook });
  return errors.length > 0 ? { errors } : { units };
}
