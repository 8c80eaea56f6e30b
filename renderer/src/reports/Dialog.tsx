import { Modal, type ModalProps } from '../app/Modal';

/** A modal in the report screens' look (see app/Modal.tsx). */
export const Dialog = (props: ModalProps) => <Modal look="report" {...props} />;
