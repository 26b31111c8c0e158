import { join } from 'node:path';
import { ratesJson, responseRates } from '../domain/collection/response-rates.ts';
import { readInputText } from '../files/input-file.ts';
import { readListedUnits, readSubmissions } from '../files/rates-csv.ts';
import { UsageError } from './usage-error.ts';

/**
 * `kostra rates --data DIR [--checkpoint DATE ...]`: the response rates per form at each checkpoint, from
 * DIR/units.csv and DIR/submissions.csv, as JSON (the contract other tools read; docs/FORMS.md, "Response rates").
 */
export async function ratesCommand(options: {
  data?: string | undefined;
  checkpoint?: string[] | undefined;
}): Promise<void> {
  if (!options.data) throw new UsageError('rates needs --data DIR (with units.csv and submissions.csv)');
  const unitsFile = join(options.data, 'units.csv');
  const submissionsFile = join(options.data, 'submissions.csv');
  const rates = responseRates(
    readListedUnits(await readInputText(unitsFile), unitsFile),
    readSubmissions(await readInputText(submissionsFile), submissionsFile),
    options.checkpoint,
  );
  console.log(JSON.stringify({ forms: rates.map(ratesJson) }, null, 2));
}
