import { cpus } from 'node:os';
import { answerPaths, type AnswerValue } from '../src/domain/forms/answers.ts';
import { resolveForm } from '../src/domain/forms/resolve.ts';
import { validateAnswers } from '../src/domain/forms/validate.ts';
import { loadFormLibrary } from '../src/files/form-definitions.ts';

/**
 * Per autosave: the largest form of data/forms resolved for its year (from the definition, nothing cached)
 * and a full answer validated against it, RUNS times after a warm-up; each run timed on its own.
 * npm run bench:forms [-- RUNS]
 */
const RUNS = Number(process.argv[2] ?? 5000);
const library = await loadFormLibrary();

// The largest form: the year and definition with the most answerable paths.
const candidates = library.forms.flatMap((definition) => {
  const years = Array.from(
    { length: (definition.years.to ?? definition.years.from) - definition.years.from + 1 },
    (_, i) => definition.years.from + i,
  );
  return years.map((year) => ({ definition, year, form: resolveForm(definition, year, library.lists) }));
});
const largest = candidates.sort((a, b) => answerPaths(b.form).size - answerPaths(a.form).size)[0]!;
const paths = answerPaths(largest.form);

/** A value every question takes: whole, within bounds, the first option, yes (so every part opens). */
const answers: Record<string, AnswerValue> = { comments: 'Alt er med.' };
for (const info of paths.values()) {
  const item = info.item;
  if (info.role === 'flag') answers[info.path] = false;
  else if (info.role === 'other') answers[info.path] = 'annet';
  else if (item.kind === 'yes_no') answers[info.path] = true;
  else if (item.kind === 'single_choice') answers[info.path] = item.options[0]!.code;
  else if (item.kind === 'multiple_choice') answers[info.path] = item.options.map((o) => o.code).slice(0, 1);
  else if (item.kind === 'text') answers[info.path] = 'Fordelt etter innbyggertall';
  else if (item.kind === 'date') answers[info.path] = `${largest.year}-12-31`;
  else answers[info.path] = 1;
}

const once = () => {
  const form = resolveForm(largest.definition, largest.year, library.lists);
  return validateAnswers(form, answers, 'nb');
};
for (let i = 0; i < 500; i += 1) once();
const times: number[] = [];
let findings = 0;
for (let i = 0; i < RUNS; i += 1) {
  const started = performance.now();
  const result = once();
  times.push(performance.now() - started);
  findings = result.errors.length + result.warnings.length;
}
times.sort((a, b) => a - b);
const q = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]!.toFixed(3);
console.log(`${cpus().length} × ${cpus()[0]?.model ?? '?'}, Node ${process.version}`);
console.log(
  `${largest.definition.id} ${largest.year}: ${paths.size} answer paths, ${Object.keys(answers).length} answered, ${findings} findings`,
);
console.log(`| runs | p50 ms | p99 ms | max ms |`);
console.log(`| ---- | ------ | ------ | ------ |`);
console.log(`| ${RUNS} | ${q(0.5)} | ${q(0.99)} | ${times.at(-1)!.toFixed(3)} |`);
