type Intersect<U> = (U extends unknown ? (value: U) => void : never) extends (value: infer I) => void ? I : never;

/**
 * Joins groups of channel handlers into one table, refusing a channel named by two groups: with
 * object spread the last group would silently win and the first's handler would never run.
 */
export const joinHandlerGroups = <G extends object[]>(...groups: G): Intersect<G[number]> => {
  const joined: Record<string, unknown> = {};
  for (const group of groups) {
    for (const [channel, handler] of Object.entries(group)) {
      if (Object.hasOwn(joined, channel)) throw new Error(`The channel ${channel} has two handlers.`);
      joined[channel] = handler;
    }
  }
  return joined as Intersect<G[number]>;
};
