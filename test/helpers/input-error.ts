import { InputError } from '../../src/model/result.js';

/** The InputError that `run` throws; anything else thrown, or nothing, fails the test. */
export function inputError(run: () => unknown): InputError {
  try {
    run();
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError');
}

/** The same for a promise: the InputError it rejects with. */
export async function rejectedInputError(run: () => Promise<unknown>): Promise<InputError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError');
}
