import type { AccountsResult } from '../domain/accounts/accounts-result.ts';
import { arithmetic } from '../domain/accounts/key-figures.ts';
import { formatNorwegian } from '../domain/number-format.ts';

const escape = (text: string) =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

const SEVERITY = { FATAL: 'Kritisk feil', ERROR: 'Feil', WARNING: 'Advarsel', INFO: 'Informasjon' } as const;

/**
 * The control of an accounting file as one readable page (Norwegian): every finding with its rule, severity,
 * message and the lines it concerns, then the key figures of the chosen functions with their arithmetic.
 */
export function accountsHtml(result: AccountsResult, functions: readonly string[]): string {
  const { report } = result;
  const d = report.declared;
  const findings = report.findings
    .map(
      (f) =>
        `<tr><th scope="row">${escape(f.rule)}</th><td>${escape(f.title)}</td><td class="severity-${f.severity.toLowerCase()}">${SEVERITY[f.severity]}</td><td>${escape(f.message)}</td><td class="num">${f.count || ''}</td><td>${f.lines.slice(0, 20).join(', ')}${f.lines.length > 20 ? ' …' : ''}</td></tr>`,
    )
    .join('\n');
  const figures = result.functions
    .filter((f) => functions.includes(f.function))
    .map(
      (f) => `<section><h2>Funksjon ${escape(f.function)}${f.name ? ` ${escape(f.name)}` : ''}</h2>
<table><caption>Nøkkeltall i 1000 kr, med utregning (fortegn som i fila: inntekter negative)</caption>
<thead><tr><th scope="col">Begrep</th><th scope="col" class="num">Beløp</th><th scope="col">Utregning</th></tr></thead>
<tbody>${f.figures
        .map(
          (k) =>
            `<tr><th scope="row">${escape(k.code)} ${escape(k.label)}</th><td class="num">${formatNorwegian(k.value)}</td><td>${escape(
              arithmetic(k, formatNorwegian),
            )} = ${formatNorwegian(k.value)}<br><small>${escape(k.explanation)}</small></td></tr>`,
        )
        .join('\n')}</tbody></table></section>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="nb"><head><meta charset="utf-8"><title>Kontroll av ${escape(result.file)}</title>
<style>body{font-family:Arial,Helvetica,sans-serif;margin:2rem;color:#162327}table{border-collapse:collapse;margin-bottom:2rem}th,td{border:1px solid #a3aeb1;padding:.3rem .5rem;text-align:left;vertical-align:top}.num{text-align:right}.severity-error,.severity-fatal{color:#a11}.severity-warning{color:#7a4d00}caption{text-align:left;font-weight:bold;padding:.3rem 0}</style>
</head><body><main>
<h1>Kontroll av regnskapsfil</h1>
<p>${escape(result.file)}: skjema ${escape(d.skjema)}, år ${d.year}, ${d.quarter.trim() ? `kvartal ${escape(d.quarter)}` : 'årsregnskap'}, region ${escape(d.region)}; ${report.records} records.</p>
<p><strong>${report.highest === null ? 'Ingen funn: fila kan sendes.' : report.highest === 'ERROR' || report.highest === 'FATAL' ? 'Fila har feil som må rettes før den sendes.' : 'Fila kan sendes, men se advarslene.'}</strong></p>
<table><caption>Funn (${report.findings.length})</caption><thead><tr><th scope="col">Kontroll</th><th scope="col">Tittel</th><th scope="col">Alvorlighet</th><th scope="col">Melding</th><th scope="col" class="num">Antall</th><th scope="col">Linjer</th></tr></thead>
<tbody>${findings}</tbody></table>
${figures}
</main></body></html>
`;
}
