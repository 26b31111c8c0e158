/** Where a unit stands in a round, as the staff pages say it (the same words as the status list's export). */
export { STATUS_LABEL as STATUS_TEXT } from '../../domain/collection/status-list.ts';
