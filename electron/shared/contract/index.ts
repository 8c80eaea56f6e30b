import type { z } from 'zod';
import { appChannels } from './app';
import { libraryChannels } from './library';
import { reportChannels } from './reports';
import { chartChannels } from './charts';

/** Every channel the renderer may call, by area. Hosts serve exactly these and nothing else. */
export const contract = {
  ...appChannels,
  ...libraryChannels,
  ...reportChannels,
  ...chartChannels,
} as const;

export type Contract = typeof contract;
export type ChannelName = keyof Contract;
export type ChannelInput<C extends ChannelName> = z.input<Contract[C]['input']>;
export type ChannelOutput<C extends ChannelName> = z.output<Contract[C]['output']>;

export const channelNames = Object.keys(contract) as ChannelName[];

export const isChannelName = (name: string): name is ChannelName => Object.hasOwn(contract, name);
