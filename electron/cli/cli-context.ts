import type { ChannelName, ChannelOutput } from '../shared/contract';
import type { OpenedApp } from '../adapters/app/open-app';

export class UsageError extends Error {}
export class CommandError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

export interface CliContext {
  app: OpenedApp;
  args: string[];
  flags: Record<string, string | boolean>;
  print: (text: string) => void;
  /** Calls a channel through the same dispatch as the UI; a failure becomes a CommandError. */
  call: <C extends ChannelName>(channel: C, input?: unknown) => Promise<ChannelOutput<C>>;
}

export interface Command {
  name: string;
  summary: string;
  usage: string;
  /** Whether the command changes the library (then it needs the folder's lock). */
  writes?: (flags: Record<string, string | boolean>) => boolean;
  run: (context: CliContext) => Promise<void>;
}
