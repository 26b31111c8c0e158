/**
 * The page an invitation link opens: it says whose form the link opens and signs in only when the person
 * presses the button (a POST from this page). A link followed from another site, or by a mail scanner,
 * signs nobody in. Plain HTML, no script, in bokmål with English beside it.
 */
export function signInPage(
  token: string,
  holder: { readonly municipality: string; readonly name: string; readonly roundId: string } | undefined,
): string {
  const body = holder
    ? `<h1>Logg inn i KOSTRA-skjemaet</h1>
<p>Lenken åpner skjemaet til <strong>${escape(holder.name)} (${escape(holder.municipality)})</strong> i undersøkelsen ${escape(holder.roundId)}.</p>
<p lang="en">This link opens the form of ${escape(holder.name)} (${escape(holder.municipality)}).</p>
<form method="post" action="/s/${encodeURIComponent(token)}"><button type="submit">Logg inn / Sign in</button></form>`
    : `<h1>Lenken er ikke gyldig</h1>
<p>Lenken er ukjent eller trukket tilbake, eller skjemaet er stengt. Bruk lenken i den siste e-posten fra SSB, eller kontakt SSB.</p>
<p lang="en">The link is unknown or revoked, or the form is closed. Use the link in SSB's latest e-mail, or contact SSB.</p>`;
  return `<!doctype html>
<html lang="nb">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>KOSTRA – logg inn</title></head>
<body><main>
${body}
</main></body>
</html>
`;
}

const escape = (text: string) => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
