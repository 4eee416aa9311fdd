import { rowCountMismatch, scanShapeIssue, type ScanKind } from '../../miniprogram/core/filing';

describe('the stamped table’s shape (R4.5): one PDF, or photos one a page', () => {
  it.each<[ScanKind, number, number, 'files' | 'pageCount' | null]>([
    ['pdf', 1, 1, null],
    ['pdf', 1, 200, null], // a PDF's pages are as the uploader counts them
    ['pdf', 2, 2, 'files'],
    ['photos', 1, 1, null],
    ['photos', 3, 3, null],
    ['photos', 9, 9, null],
    ['photos', 3, 2, 'pageCount'],
    ['photos', 2, 3, 'pageCount'],
  ])('%s of %i file(s), %i page(s) → %s', (kind, files, pages, issue) => {
    expect(scanShapeIssue(kind, files, pages)).toBe(issue);
  });

  it.each([
    [1, 1, false],
    [2, 1, true],
    [0, 1, true],
  ])('%i confirmed rows against %i filed → mismatch %s', (confirmed, filed, mismatch) => {
    expect(rowCountMismatch(confirmed, filed)).toBe(mismatch);
  });
});
