import { Modal, type ModalProps } from '../app/Modal';

/** A modal sheet in the Library's look (see app/Modal.tsx). */
export const Sheet = (props: ModalProps & { size?: 'small' | 'medium' | 'large' }) => <Modal look="sheet" {...props} />;
