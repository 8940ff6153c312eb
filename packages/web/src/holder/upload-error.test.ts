import { describe, expect, it } from 'vitest';
import { ApiError } from '@openehds/client';
import { tidyUploadError } from './upload-error';

describe('tidyUploadError', () => {
  const tmp = '/tmp/node/uploads/2d50b120-355a/notes.txt';
  it('names the file, not the temporary upload path, and drops issues that repeat the message', () => {
    const error = new ApiError(400, {
      detail: `cannot ingest ${tmp}: ${tmp} is in no format the node reads; nothing was loaded`,
      issues: [
        { path: tmp, message: `${tmp} is in no format the node reads` },
        { file: tmp, line: 3, message: 'broken line' },
      ],
    });
    const tidy = tidyUploadError(error, 'notes.txt') as ApiError;
    expect(tidy).toBeInstanceOf(ApiError);
    expect(tidy.status).toBe(400);
    expect(tidy.detail).toBe(
      'cannot ingest notes.txt: notes.txt is in no format the node reads; nothing was loaded',
    );
    expect(tidy.issues).toEqual([{ file: 'notes.txt', line: 3, message: 'broken line' }]);
  });
  it('leaves other errors alone', () => {
    const plain = new Error('network');
    expect(tidyUploadError(plain, 'a.json')).toBe(plain);
  });
});
