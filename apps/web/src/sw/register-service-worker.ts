/** Registers /sw.js in production builds; the dev server serves modules the shell cache would go stale on. */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !("serviceWorker" in navigator)) return;
  window.addEventListener("load", () => {
    navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch(() => {
      // Without a service worker the app works as a plain web page: nothing to tell anyone.
    });
  });
}
