import { ChartOfAccounts, parseChart, parseCodeFile, type CodeFile } from '../domain/accounts/chart.ts';
import { parseControlRules, type ControlRule } from '../domain/accounts/control-rules.ts';
import { parseKeyFigureDefinitions, type KeyFigureDefinition } from '../domain/accounts/key-figures.ts';
import { readJson } from './data-files.ts';

// Apart from the rest of the product's data: controlling an accounting file loads only what it needs.

/** The chart of accounts by year, with the code lists it names (`data/accounts/`). */
export function loadChartOfAccounts(): Promise<ChartOfAccounts> {
  return (chartOfAccounts ??= readChartOfAccounts());
}

let chartOfAccounts: Promise<ChartOfAccounts> | undefined;

async function readChartOfAccounts(): Promise<ChartOfAccounts> {
  const data = parseChart(
    await readJson('accounts/chart-of-accounts.json'),
    'data/accounts/chart-of-accounts.json',
  );
  const files = new Map<string, CodeFile>();
  for (const file of new Set(data.periods.map((p) => p.file)))
    files.set(file, parseCodeFile(await readJson(`accounts/${file}`), `data/accounts/${file}`));
  return new ChartOfAccounts(data, files);
}

/** SSB's controls of the accounts, as data (`data/accounts/controls.json`). */
export async function loadControlRules(): Promise<ControlRule[]> {
  return parseControlRules(await readJson('accounts/controls.json'), 'data/accounts/controls.json');
}

/** The art definitions of AGD10, AGD4, AGD16 and AGD2 by year (`data/accounts/key-figures.json`). */
export async function loadKeyFigureDefinitions(): Promise<KeyFigureDefinition[]> {
  return parseKeyFigureDefinitions(
    await readJson('accounts/key-figures.json'),
    'data/accounts/key-figures.json',
  );
}
