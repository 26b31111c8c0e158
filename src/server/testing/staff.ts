import type { FastifyInstance } from 'fastify';
import type { Db } from '../../store/database.ts';
import { addStatistician } from '../../app/staff-users.ts';

/** The statistician most server tests act as. */
export const KARI = { username: 'kari', password: 'riktig hest batteri' } as const;

export async function addKari(db: Db): Promise<void> {
  await addStatistician(db, {
    username: KARI.username,
    displayName: 'Kari',
    role: 'statistician',
    password: KARI.password,
  });
}

/** Signs in through the API, as a browser would, and returns the staff cookie to send back. */
export async function staffCookie(
  app: FastifyInstance,
  user: { username: string; password: string } = KARI,
): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/staff/session', payload: user });
  const cookie = res.cookies[0];
  if (!cookie) throw new Error(`sign-in as ${user.username} failed: ${res.statusCode}`);
  return `${cookie.name}=${cookie.value}`;
}
