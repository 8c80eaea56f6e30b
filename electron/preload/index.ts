import { contextBridge, ipcRenderer } from 'electron';
import { PRELOAD_CHANNELS } from './channels';

const allowed = new Set(PRELOAD_CHANNELS);

contextBridge.exposeInMainWorld('api', {
  invoke: (channel: string, input: unknown): Promise<unknown> => {
    if (!allowed.has(channel)) {
      return Promise.resolve({ ok: false, error: { code: 'UNKNOWN_CHANNEL', message: `There is no channel named ${channel}.` } });
    }
    return ipcRenderer.invoke(channel, input);
  },
});
