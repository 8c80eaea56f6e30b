import { z } from 'zod';
import { contract, isChannelName, type ChannelName, type ChannelOutput, type Contract } from '../shared/contract';
import { fail, ok, type Result } from '../shared/result';
import { isDossierError } from './errors';

export type Handlers = {
  [C in ChannelName]: (input: z.output<Contract[C]['input']>) => Promise<ChannelOutput<C>> | ChannelOutput<C>;
};

export type Dispatch = (channel: string, input: unknown) => Promise<Result<unknown>>;

const describeIssues = (error: z.ZodError): string =>
  error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.length ? issue.path.join('.') : 'input'}: ${issue.message}`)
    .join('; ');

/**
 * The one entry point every host (IPC, HTTP, CLI, tests) goes through: the channel must be
 * declared, the input is parsed against its schema, and every failure becomes an error code.
 */
export const createDispatch = (handlers: Handlers, onInternalError: (error: unknown) => void = () => {}): Dispatch => {
  return async (channel, input) => {
    if (typeof channel !== 'string' || !isChannelName(channel)) {
      return fail('UNKNOWN_CHANNEL', `There is no channel named ${JSON.stringify(String(channel)).slice(0, 100)}.`);
    }
    const definition = contract[channel];
    const parsed = definition.input.safeParse(input);
    if (!parsed.success) return fail('INVALID_INPUT', `Invalid input for ${channel}: ${describeIssues(parsed.error)}`);
    try {
      const handler = handlers[channel] as (input: unknown) => unknown;
      const value = await handler(parsed.data);
      // Outputs are parsed too, so a handler can never leak fields the contract does not declare.
      const output = definition.output.safeParse(value);
      if (!output.success) {
        onInternalError(new Error(`${channel} returned an invalid value: ${describeIssues(output.error)}`));
        return fail('INTERNAL', 'Dossier produced an unexpected result. Your data was not changed.');
      }
      return ok(output.data);
    } catch (error) {
      if (isDossierError(error)) return fail(error.code, error.message);
      // A handler that validates what it builds from the input (a merged update, an import)
      // reports the input as invalid, not as an internal failure.
      if (error instanceof z.ZodError) return fail('INVALID_INPUT', `Invalid input for ${channel}: ${describeIssues(error)}`);
      onInternalError(error);
      return fail('INTERNAL', 'Something went wrong inside Dossier. Your data was not changed.');
    }
  };
};
