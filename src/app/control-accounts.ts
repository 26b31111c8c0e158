import { DomainError } from '../domain/errors.ts';
import { AccountsControl } from '../domain/accounts/control.ts';
import { definitionsFor, FunctionArtSums, keyFiguresOf } from '../domain/accounts/key-figures.ts';
import { parseRecord, type Declared } from '../domain/accounts/record.ts';
import { firstLine, readAccountChunks } from '../files/accounts-file.ts';
import { loadChartOfAccounts, loadControlRules, loadKeyFigureDefinitions } from '../files/accounts-data.ts';

export type { AccountsResult, FunctionFigures } from '../domain/accounts/accounts-result.ts';
import type { AccountsResult } from '../domain/accounts/accounts-result.ts';

/** The chart, the controls and the key-figure definitions, read once per process (many files in a row). */
let accountsData:
  | Promise<
      [
        Awaited<ReturnType<typeof loadChartOfAccounts>>,
        Awaited<ReturnType<typeof loadControlRules>>,
        Awaited<ReturnType<typeof loadKeyFigureDefinitions>>,
      ]
    >
  | undefined;

/**
 * Controls an accounting file against what was declared and computes its key figures, in one pass over
 * the file as it streams (a path), or over an upload in memory (a buffer).
 */
export async function controlAccountsFile(
  source: string | Buffer,
  declared: Declared,
  options: {
    /** How much of a file is read at a time (4 MiB unless told). */
    chunkBytes?: number;
    /** The functions whose key figures are wanted (every function of the file unless told). */
    functions?: readonly string[];
  } = {},
): Promise<AccountsResult> {
  const [chart, rules, definitions] = await (accountsData ??= Promise.all([
    loadChartOfAccounts(),
    loadControlRules(),
    loadKeyFigureDefinitions(),
  ]));
  const sums = new FunctionArtSums(options.functions);
  const control = new AccountsControl(rules, declared, chart.codeList(declared.year), sums);
  try {
    if (typeof source === 'string')
      await readAccountChunks(
        source,
        {
          buffer: (which, size) => control.chunkBuffer(which, size),
          prepareRead: (size) => control.prepareRead(size),
          consume: (bytes, start, end, last) => control.acceptChunk(bytes, start, end, last),
        },
        options.chunkBytes,
      );
    else control.acceptChunk(source, 0, source.length, true);
  } catch (error) {
    // A fault of the file's, said with its name.
    if (error instanceof DomainError && error.where.length === 0)
      throw new DomainError(error.message, [typeof source === 'string' ? source : 'opplastet fil'], {
        cause: error,
      });
    throw error;
  }
  const valid = definitionsFor(definitions, declared.year);
  // The sums for the key figures are complete once the control has finished.
  const report = control.finish();
  return {
    file: typeof source === 'string' ? source : 'opplastet fil',
    report,
    functions: [...sums.byFunction.keys()].sort().map((code) => ({
      function: code,
      name: chart.data.functions[code]?.name,
      figures: keyFiguresOf(sums.byFunction.get(code), valid),
    })),
  };
}

/** Skjema, year, quarter and region as a file's first record gives them. */
export function declaredByFile(path: string): Declared {
  const text = firstLine(path);
  if (text === undefined) throw new DomainError('the file is empty', [path]);
  const head = parseRecord(text, 1);
  if (!/^\d{4}$/.test(head.year)) throw new DomainError(`"${head.year}" is no year`, [path, 'line 1']);
  if (!/^\d{6}$/.test(head.region)) throw new DomainError(`"${head.region}" is no region`, [path, 'line 1']);
  return { skjema: head.skjema, year: Number(head.year), quarter: head.quarter, region: head.region };
}
