import type { SurveyResponse } from './response.ts';

/** A municipality invited to a survey round, with what the round knows of it. */
export interface Invitation {
  readonly municipality: string;
  readonly name: string;
  /** Size group code at the time of the round: ASSS, 20000+, 10000-19999, 5000-9999, <5000. */
  readonly sizeGroup: string;
  /** Member of KS' ASSS network at the time of the round. */
  readonly asss: boolean;
  /** Selection criteria it was invited under; it counts under each. */
  readonly criteria: readonly string[];
  readonly attendedMeeting: boolean;
  readonly meetingParticipants: number;
  readonly populationApprox: number | null;
  /** The prefilled KOSTRA total of the function by measure code, in the round's unit. */
  readonly prefilled: Readonly<Record<string, number | null>>;
}

/** One collection of a survey: who was invited and what they answered. */
export interface SurveyRound {
  readonly id: string;
  readonly definitionId: string;
  readonly referenceYear: number;
  readonly unit: string;
  /**
   * The accounts functions the round splits, as the chart of accounts has the survey's function in the
   * reference year (254; from 2024 257 and 258). Absent: the survey's own function.
   */
  readonly functions?: readonly string[];
  readonly invitations: readonly Invitation[];
  readonly responses: readonly SurveyResponse[];
}
