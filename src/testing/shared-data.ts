import { join } from 'node:path';

/**
 * The real and synthetic data the tests read (../shared/data/README.md): beside the checkout, or where
 * `KOSTRA_SHARED_DATA` says (`.ci/run` sets it for a clone made elsewhere).
 */
export const SHARED_DATA =
  process.env.KOSTRA_SHARED_DATA ?? new URL('../../../shared/data/', import.meta.url).pathname;

/** A file or folder of the shared data, by its path below it. */
export const sharedData = (path: string) => join(SHARED_DATA, path);

/** Kongsvinger's accounts for 2019, as sent (real). */
export const KONGSVINGER = sharedData('regnskap/0A_V2019_K4_R040200.dat');

/** The pilot round, whose counts reproduce SSB Notater 2022/25 exactly. */
export const PILOT = `${sharedData('pilot-f254-2022')}/`;
