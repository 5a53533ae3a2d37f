import { cleanup, configure } from "@testing-library/react";
import { afterEach, vi } from "vitest";
import { loadLocale } from "../i18n/i18n";
import type * as SocketModule from "../realtime/socket";

// The app fetches Spanish the first time someone needs it; tests have it at hand, so switching
// to it takes effect at once.
await loadLocale("es");

// No test opens a real socket.io connection: a signed-in staff page starts the crisis-alert
// listener, which would otherwise dial jsdom's origin (localhost:3000), and a dev server
// running there would answer it. Tests that use the socket drive this fake.
vi.mock("../realtime/socket", async (importOriginal) => ({
  ...(await importOriginal<typeof SocketModule>()),
  ...(await import("../chat/fake-socket")).fakeSocketModule(),
}));

// A page's first render imports its lazily loaded module; with the server's tests running beside
// these on a two-core CI machine that alone can take longer than the default second, and under
// heavier load (a run with a load average of 13) waits of 6-16 s were seen. Slow is not broken.
configure({ asyncUtilTimeout: 15_000 });

// jsdom has <dialog> but not its modal API; this is enough to open and close one in tests.
if (typeof HTMLDialogElement.prototype.showModal !== "function") {
  HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
    this.setAttribute("open", "");
  };
  HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement) {
    this.removeAttribute("open");
  };
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});
