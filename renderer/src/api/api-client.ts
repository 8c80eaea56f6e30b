import type { ChannelInput, ChannelName, ChannelOutput } from '../../../electron/shared/contract';
import type { Result } from '../../../electron/shared/result';

/** The renderer's only way to the core: window.api in Electron, HTTP in browser mode. */
export interface ApiClient {
  call<C extends ChannelName>(channel: C, ...input: undefined extends ChannelInput<C> ? [ChannelInput<C>?] : [ChannelInput<C>]): Promise<Result<ChannelOutput<C>>>;
}

interface PreloadBridge {
  invoke(channel: string, input: unknown): Promise<unknown>;
}

declare global {
  interface Window {
    api?: PreloadBridge;
  }
}

const unavailable = (message: string) => ({ ok: false as const, error: { code: 'HOST_UNAVAILABLE' as const, message } });

const createIpcClient = (bridge: PreloadBridge): ApiClient => ({
  call: async (channel, ...input) => (await bridge.invoke(channel, input[0])) as never,
});

/** Browser mode: the session is an HttpOnly cookie the launch link set; the page never sees it. */
const createHttpClient = (): ApiClient => ({
  call: async (channel, ...input) => {
    try {
      const response = await fetch(`./api/${encodeURIComponent(channel)}`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ input: input[0] }),
      });
      return (await response.json()) as never;
    } catch {
      return unavailable('Dossier\u2019s background process is not responding. Your last saved work is safe on disk; restart Dossier.') as never;
    }
  },
});

export const createApiClient = (): ApiClient => {
  if (window.api) return createIpcClient(window.api);
  return createHttpClient();
};
