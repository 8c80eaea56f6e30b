import { Modal, type ModalProps } from './Modal';

/** A modal in the report screens' look (see ui/Modal.tsx). */
export const Dialog = (props: ModalProps) => <Modal look="report" {...props} />;
