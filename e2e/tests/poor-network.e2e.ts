import { BASE_URL, E2E_PORT } from "../support/environment";
import { test } from "../support/live";
import { netnsSkipReason } from "../support/netns";
import {
  blackout,
  lossAndDelay,
  slowUplink,
  withShapedParticipant,
  type ShapedApp,
} from "../support/poor-network";

// Direct mode: Jordan, in a network namespace behind a shaped link, and Dana on this machine.
const directApp = (sessionId: string) => (): Promise<ShapedApp> =>
  Promise.resolve({ url: BASE_URL, sessionId });

test("a participant on a poor network keeps video under loss and delay, and is told when their connection is slow", async ({
  groupSessionId,
  signInAs,
}) => {
  const reason = netnsSkipReason();
  if (reason) console.log(reason);
  test.skip(reason !== null, reason ?? "");
  // Two shaped phases of 20 s or so each, on a loaded machine: bounded.
  test.setTimeout(300_000);

  await withShapedParticipant(
    { mode: "direct", signInAs, ports: [E2E_PORT], app: directApp(groupSessionId) },
    async (shaped) => {
      await lossAndDelay(shaped);
      await slowUplink(shaped);
    },
  );
});

test("a participant's session heals by itself within 5 s of a 10-second blackout ending", async ({
  groupSessionId,
  signInAs,
}) => {
  const reason = netnsSkipReason();
  if (reason) console.log(reason);
  test.skip(reason !== null, reason ?? "");
  test.setTimeout(300_000);

  await withShapedParticipant(
    { mode: "direct", signInAs, ports: [E2E_PORT], app: directApp(groupSessionId) },
    blackout,
  );
});
