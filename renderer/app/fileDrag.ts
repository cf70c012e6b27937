// Whether a drag carries files from the file manager (not text or a link dragged inside the
// page): the window, the scoring screen, the roster and the exchange tab accept only those.
export type DragTypes = { readonly types: ArrayLike<string> } | null | undefined;

export const carriesFiles = (transfer: DragTypes): boolean =>
  transfer != null && Array.from(transfer.types).includes('Files');
