/** The wrong-claim counter of one record (issue 8 §11), named by the record the ID number points at. */
export const claimRecordKey = (nominationKey: string): string => `attempt:claim:record:${nominationKey}`;
