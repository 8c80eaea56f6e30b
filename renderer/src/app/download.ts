/**
 * Hands a Blob to the browser as a download: a Blob URL behind a hidden <a download>, no network.
 * Electron shows its save dialog for it.
 */
export const downloadBlob = (blob: Blob, fileName: string): void => {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoke after the browser has taken the file.
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
};
