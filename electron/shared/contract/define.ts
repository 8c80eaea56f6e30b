import type { z } from 'zod';

export interface ChannelDefinition<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
}

export const defineChannel = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O): ChannelDefinition<I, O> => ({
  input,
  output,
});
