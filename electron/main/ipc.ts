import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import type { Dispatch } from '../core/dispatch';
import { RENDERER_URL } from './app-protocol';
import { channelNames } from '../shared/contract';
import { fail } from '../shared/result';


/** Only our own page, loaded from our own file, may call the core (VS Code validatedIpcMain). */
const isTrustedSender = (event: IpcMainInvokeEvent): boolean => {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  return frame.url.split('#')[0] === RENDERER_URL;
};

/** Registers one handler per declared channel, so nothing undeclared is ever served. */
export const registerIpcHandlers = (dispatch: Dispatch): void => {
  for (const channel of channelNames) {
    ipcMain.handle(channel, (event, input: unknown) => {
      if (!isTrustedSender(event)) return fail('FORBIDDEN', 'This caller may not use the Dossier API.');
      return dispatch(channel, input);
    });
  }
};
