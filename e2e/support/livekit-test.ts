import { test as liveTest } from "./live";
import {
  LIVEKIT_APP_PORT,
  livekitSkipReason,
  startLivekit,
  startLivekitApp,
  type Running,
} from "./livekit";

export type LivekitStack = { livekit: Running; app: Running };

/**
 * The live-room fixtures, against a real livekit-server and a Bridgeway server in LiveKit mode
 * (the project's baseURL). Both start once per worker, after it has its video turn; without the
 * binary every test is skipped with the reason.
 */
export const test = liveTest.extend<{ livekit: LivekitStack }, { livekitStack: LivekitStack }>({
  livekitStack: [
    async ({ videoTurn }, use) => {
      if (!videoTurn) throw new Error("the LiveKit stack starts only in this worker's video turn");
      if (livekitSkipReason()) {
        await use({ livekit: none, app: none });
        return;
      }
      const livekit = await startLivekit({
        webhookUrl: `http://127.0.0.1:${LIVEKIT_APP_PORT}/api/livekit/webhook`,
      });
      const app = await startLivekitApp({}).catch(async (error: unknown) => {
        await livekit.stop();
        throw error;
      });
      await use({ livekit, app });
      await app.stop();
      await livekit.stop();
    },
    { scope: "worker", timeout: 120_000 },
  ],
  livekit: [
    async ({ livekitStack }, use) => {
      const reason = livekitSkipReason();
      test.skip(reason !== null, reason ?? "");
      await use(livekitStack);
    },
    { auto: true },
  ],
});

const none: Running = { pid: 0, stop: () => Promise.resolve() };
