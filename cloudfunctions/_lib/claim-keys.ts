/** The wrong-claim counter of one record (issue 8 §11), named by the record's random id. */
export const claimRecordKey = (nominationId: string): string => `attempt:claim:record:${nominationId}`;
