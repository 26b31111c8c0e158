import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDemoKeyFigures } from '../app/demo-key-figures.ts';
import { ensureDemoRound } from '../app/demo-round.ts';
import { sendDueReminders } from '../app/scheduled-reminders.ts';
import { configuredDatabase, readConfig } from '../config.ts';
import { openDatabase } from '../store/database.ts';
import { cookieSecret } from '../store/settings.ts';
import { addStatistician } from '../app/staff-users.ts';
import { buildApp } from './app.ts';

/**
 * `npm start`: the server on the embedded database (or DATABASE_URL), with the pilot as demo round and a
 * few respondent links printed to try it.
 */
const config = readConfig();
const db = await openDatabase(configuredDatabase(config));
const tokens = await ensureDemoRound(db, new Date());
// Synthetic accounts of three years, their key figures published, for «Sammenlign» (a few seconds, once).
if (await ensureDemoKeyFigures(db, new Date()))
  console.log('Demo key figures published from synthetic accounts.');
const staff = await db.selectFrom('statistician').select('username').execute();
if (staff.length === 0 && config.KOSTRA_ADMIN_PASSWORD) {
  await addStatistician(db, {
    username: 'admin',
    displayName: 'Administrator',
    role: 'admin',
    password: config.KOSTRA_ADMIN_PASSWORD,
  });
  staff.push({ username: 'admin' });
}
const webRoot = fileURLToPath(new URL('../web/', import.meta.url));
const app = await buildApp({
  db,
  cookieSecret: await cookieSecret(db),
  // One JSON line per request and per failure, each with the request's id (which a problem body carries).
  logger: { level: process.env.LOG_LEVEL ?? 'info' },
  publicUrl: config.PUBLIC_URL,
  trustProxy: config.TRUST_PROXY,
  webRoot: existsSync(webRoot) ? webRoot : undefined,
  ...(config.SMTP_URL
    ? {
        mail: {
          smtpUrl: config.SMTP_URL,
          from: config.MAIL_FROM,
          baseUrl: config.PUBLIC_URL ?? `http://${config.HOST}:${config.PORT}`,
        },
      }
    : {}),
});
// Scheduled reminders: checked every minute while the server runs with a mail server.
const mail = config.SMTP_URL;
const reminderTimer = mail
  ? setInterval(() => {
      void sendDueReminders(
        db,
        {
          smtpUrl: mail,
          from: config.MAIL_FROM,
          baseUrl: config.PUBLIC_URL ?? `http://${config.HOST}:${config.PORT}`,
        },
        new Date(),
      ).catch((error: unknown) => console.error('reminders:', error));
    }, 60_000).unref()
  : undefined;
const shutdown = async () => {
  clearInterval(reminderTimer);
  await app.close();
  await db.destroy();
  process.exit(0);
};
process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());
await app.listen({ port: config.PORT, host: config.HOST });

const base = `http://${config.HOST === '0.0.0.0' ? 'localhost' : config.HOST}:${config.PORT}`;
const names = new Map(
  (
    await db
      .selectFrom('invitation')
      .select(['municipality', 'name'])
      .where('round_id', '=', 'f254-pilot-2022')
      .execute()
  ).map((i) => [i.municipality, i.name]),
);
console.log(
  `kostra is running at ${base} (${config.DATABASE_URL ? 'PostgreSQL' : `PGlite in ${config.KOSTRA_DATA_DIR}`})`,
);
console.log('\nDemo round f254-pilot-2022. Sign in as a respondent with one of these links:');
for (const code of ['0301', '5406', '3403', '5041'].filter((c) => names.has(c))) {
  const token = tokens.find((t) => t.municipality === code)?.token;
  if (token) console.log(`  ${code} ${names.get(code) ?? ''}: ${base}/s/${token}`);
}
if (config.DATABASE_URL) {
  console.log('\nAll links: npm run kostra -- tokens --survey f254-pilot-2022');
} else {
  // PGlite is one process's database: no second process may open its folder while the server runs.
  const file = join(config.KOSTRA_DATA_DIR, 'respondent-links.txt');
  const lines = tokens.map(
    (t) => `${t.municipality} ${names.get(t.municipality) ?? ''}: ${base}/s/${t.token}\n`,
  );
  await writeFile(file, lines.join(''));
  console.log(`\nAll ${tokens.length} links: ${file}`);
}
console.log(
  staff.length > 0
    ? `\nStatisticians sign in at ${base}/staff (users: ${staff.map((u) => u.username).join(', ')}).`
    : `\nStatisticians sign in at ${base}/staff. There is no user yet: start with KOSTRA_ADMIN_PASSWORD=<12 or more characters> to make "admin", or stop the server and run KOSTRA_PASSWORD=… npm run kostra -- user add --username NAME --name "FULL NAME".`,
);
console.log(
  `\nPublished tables: ${base}/tabeller (PxWeb API: ${base}/api/v2/tables); compare municipalities: ${base}/sammenlign.`,
);
console.log(`A municipality checks its accounting file at ${base}/regnskap.`);
