import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/model/result.js';
import { readJson } from '../../src/readers/json/index.js';

describe('InputError.describe', () => {
  it('is one line even when the message or the file name holds line breaks or control characters', () => {
    expect(new InputError('a\nb.txt', 'line 2', 'bad "\r\n\u0000" here', 'input.malformed').describe()).toBe(
      'a\\nb.txt:line 2: bad "\\r\\n\\x00" here',
    );
  });

  it("is one line for the JSON parser's message, which quotes the input (found by the property test)", () => {
    let error: unknown;
    try {
      readJson(Uint8Array.from([10, 0]), 'x.json');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).describe()).not.toMatch(/[\n\r\u0000]/u);
    expect((error as InputError).describe()).toMatch(/^x\.json: not a JSON file: /);
  });
});
