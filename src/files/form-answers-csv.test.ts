import { expect, test } from 'vitest';
import { resolveForm } from '../domain/forms/resolve.ts';
import { loadFormLibrary } from './form-definitions.ts';
import { formAnswersCsv } from './form-answers-csv.ts';

test("a round's answers as one long CSV, a line per unit and answer, in the form's order", async () => {
  const library = await loadFormLibrary();
  const form = resolveForm(
    library.forms.find((f) => f.id === 'kostra-skjema-4')!,
    2021,
    library.lists,
  );
  const csv = formAnswersCsv(form, [
    {
      unit: '4640',
      name: 'Sogndal',
      answers: {
        g6_beboere_dogn: 12,
        g2_system: true,
        g2_malgrupper: ['ELDRE', 'ANNET'],
        comments: 'Sjekket, "ok".',
      },
    },
    {
      unit: '030105',
      name: 'Bydel Frogner',
      answers: { g2_system: false, g6_herav_utviklingshemming: null },
    },
  ]);
  expect(csv.split('\r\n')).toEqual([
    'unit,name,path,value',
    '030105,Bydel Frogner,g2_system,false',
    '4640,Sogndal,g2_system,true',
    '4640,Sogndal,g2_malgrupper,ELDRE;ANNET',
    '4640,Sogndal,g6_beboere_dogn,12',
    '4640,Sogndal,comments,"Sjekket, ""ok""."',
    '',
  ]);
});
