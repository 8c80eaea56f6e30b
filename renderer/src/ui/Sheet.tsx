import { Modal, type ModalProps } from './Modal';

/** A modal sheet in the Library's look (see ui/Modal.tsx). */
export const Sheet = (props: ModalProps & { size?: 'small' | 'medium' | 'large' }) => <Modal look="sheet" {...props} />;
