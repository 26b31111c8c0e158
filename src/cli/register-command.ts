import { writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import {
  correctionsCsv,
  importRegister,
  roundRegisterCorrections,
  syntheticRegisterFile,
} from '../app/register.ts';
import { configuredDatabase } from '../config.ts';
import { readInputText } from '../files/input-file.ts';
import { openDatabase } from '../store/database.ts';
import { registerExtracts } from '../store/register.ts';
import { UsageError, wholeOption } from './usage-error.ts';

const USAGE =
  'register takes generate --valid-on DATE --seed N --out FILE [--institutions N] [--home-care N] [--fixed CODE:N:N], ' +
  'import FILE --valid-on DATE, list, or corrections --round ROUND [--out FILE]';

/**
 * `kostra register …`: the register of units. `generate` writes a synthetic extract (seeded: the same seed,
 * the same file); `import` stores an Enhetsregisteret-shaped file for the day it describes, whole or not at
 * all; `list` shows the extracts; `corrections` writes a round's change list for the register.
 */
export async function registerCommand(args: readonly string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: [...args],
    options: {
      'valid-on': { type: 'string' },
      seed: { type: 'string' },
      out: { type: 'string' },
      institutions: { type: 'string' },
      'home-care': { type: 'string' },
      fixed: { type: 'string', multiple: true },
      round: { type: 'string' },
    },
    allowPositionals: true,
    strict: true,
  });
  const [sub, target] = positionals;
  if (sub === 'generate') {
    const validOn = values['valid-on'];
    if (!validOn || !values.out)
      throw new UsageError(`register generate needs --valid-on DATE and --out FILE`);
    const fixed = Object.fromEntries(
      (values.fixed ?? []).map((f) => {
        const [, code, institutions, homeCare] = /^(\d{4}):(\d+):(\d+)$/.exec(f) ?? [];
        if (!code) throw new UsageError(`--fixed ${f} is not CODE:INSTITUTIONS:HOME_CARE (4601:20:180)`);
        return [code, { institutions: Number(institutions), homeCare: Number(homeCare) }];
      }),
    );
    const text = await syntheticRegisterFile({
      seed: wholeOption(values.seed, '--seed'),
      institutions: wholeOption(values.institutions, '--institutions', 1303),
      homeCare: wholeOption(values['home-care'], '--home-care', 3881),
      fixed,
      validOn,
    });
    await writeFile(values.out, text);
    console.log(
      `${values.out}: a synthetic register extract of ${validOn} (${text.split('\n').length - 2} units)`,
    );
    return;
  }
  if (sub !== 'import' && sub !== 'list' && sub !== 'corrections') throw new UsageError(USAGE);
  const db = await openDatabase(configuredDatabase());
  try {
    if (sub === 'import') {
      const validOn = values['valid-on'];
      if (!target || !validOn) throw new UsageError('register import needs FILE and --valid-on DATE');
      const stored = await importRegister(db, 'cli', {
        text: await readInputText(target),
        name: basename(target),
        validOn,
      });
      console.log(
        `register extract ${stored.id} of ${stored.validOn}: ${stored.units} units${stored.synthetic ? ' (synthetic)' : ''}`,
      );
      return;
    }
    if (sub === 'list') {
      for (const e of await registerExtracts(db))
        console.log(
          `${e.id}\t${e.validOn}\t${e.units} units\t${e.synthetic ? 'synthetic' : 'real'}\t${e.fileName}`,
        );
      return;
    }
    // corrections
    if (!values.round) throw new UsageError('register corrections needs --round ROUND');
    const corrections = await roundRegisterCorrections(db, values.round);
    const csv = correctionsCsv(corrections);
    if (values.out) {
      await writeFile(values.out, csv);
      console.log(`${values.round}: ${corrections.length} corrected details in ${values.out}`);
    } else process.stdout.write(csv);
  } finally {
    await db.destroy();
  }
}
