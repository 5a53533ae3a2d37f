import { useServices } from "../app/services-context";

/**
 * For export links: a download is a navigation, which cannot answer "confirm it is you" itself,
 * so the page asks first (when the last confirmation is over 5 minutes old), then downloads.
 */
export function useConfirmedDownload(): (href: string) => Promise<void> {
  const { mfaApi, reauthPrompt } = useServices();
  return async (href: string) => {
    const state = await mfaApi.reauthenticationState();
    if (!state.fresh && !(await reauthPrompt.ask())) return;
    window.location.assign(href);
  };
}
