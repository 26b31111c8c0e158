/** A survey round's pages: the overview first, then one page per task. */
export const ROUND_TASKS = [
  ['', 'Oversikt'],
  ['svar', 'Svar'],
  ['kontroll', 'Kontroll'],
  ['utsending', 'Utsending'],
  ['utvalg', 'Utvalg'],
  ['publisering', 'Publisering'],
  ['innstillinger', 'Innstillinger'],
  ['rapport', 'Rapport'],
] as const;
export type RoundTask = (typeof ROUND_TASKS)[number][0];

export const taskHref = (roundId: string, task: RoundTask) => `#/rounds/${roundId}${task ? `/${task}` : ''}`;

/** The round's pages as links; the one shown is marked as the current page. */
export function RoundNav({ roundId, current }: { roundId: string; current: RoundTask | 'municipality' }) {
  return (
    <nav aria-label="Oppgaver i undersøkelsen" className="round-tasks">
      <ul>
        {ROUND_TASKS.map(([task, label]) => (
          <li key={task}>
            <a href={taskHref(roundId, task)} aria-current={current === task ? 'page' : undefined}>
              {label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
