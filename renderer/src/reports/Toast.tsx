import { Notice, type NoticeMessage } from '../app/Notice';

export type ToastMessage = NoticeMessage;

/** A notice in the report screens' look, dismissed by itself (see app/Notice.tsx). */
export const Toast = ({ toast, onDismiss }: { toast: ToastMessage | null; onDismiss: () => void }) => (
  <Notice notice={toast} onDismiss={onDismiss} look="report" autoDismiss />
);
