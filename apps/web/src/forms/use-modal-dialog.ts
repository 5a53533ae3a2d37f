import { useLayoutEffect, useRef } from "react";

/**
 * Opens a `<dialog>` as modal while the component is shown: the page behind is inert, focus goes
 * into the dialog, and on closing it returns to where it was (if that is still on the page).
 */
export function useModalDialog() {
  const ref = useRef<HTMLDialogElement>(null);
  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const previouslyFocused = document.activeElement;
    dialog.showModal();
    return () => {
      dialog.close();
      if (previouslyFocused instanceof HTMLElement && previouslyFocused.isConnected)
        previouslyFocused.focus();
    };
  }, []);
  return ref;
}
