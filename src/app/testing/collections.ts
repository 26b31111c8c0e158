import type { SyntheticRegisterSpec } from '../../domain/register/synthetic-register.ts';
import type { Db } from '../../store/database.ts';
import { createCollection, type NewCollectionForm } from '../collections.ts';
import { importRegister, syntheticRegisterFile } from '../register.ts';

/**
 * A synthetic register extract of 31 December 2020 imported, and a collection of 2020 (`k2020`) opened on it
 * with the forms given, each open for a day from now unless a deadline is given: what the tests of
 * collections and many units start from.
 */
export async function seedCollection(
  db: Db,
  spec: Pick<SyntheticRegisterSpec, 'seed' | 'institutions' | 'homeCare' | 'fixed'>,
  forms: readonly NewCollectionForm[],
): Promise<void> {
  const text = await syntheticRegisterFile({ ...spec, validOn: '2020-12-31' });
  await importRegister(db, 'test', { text, name: 'synthetic.csv', validOn: '2020-12-31' });
  const open = new Date(Date.now() + 86_400_000);
  await createCollection(db, 'test', {
    id: 'k2020',
    year: 2020,
    name: 'KOSTRA 2020',
    forms: forms.map((f) => ({ ...f, deadline: f.deadline ?? open })),
  });
}
