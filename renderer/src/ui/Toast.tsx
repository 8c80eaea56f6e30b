import { Notice, type NoticeMessage } from './Notice';

export type ToastMessage = NoticeMessage;

/** A notice in the report screens' look, dismissed by itself (see ui/Notice.tsx). */
export const Toast = ({ toast, onDismiss }: { toast: ToastMessage | null; onDismiss: () => void }) => (
  <Notice notice={toast} onDismiss={onDismiss} look="report" autoDismiss />
);
