import { BASE_URL, E2E_PORT } from "../support/environment";
import { test } from "../support/live";
import { netnsSkipReason } from "../support/netns";
import {
  blackout,
  lossAndDelay,
  slowUplink,
  withShapedParticipant,
  type Shaped,
} from "../support/poor-network";

// Direct mode: Jordan, in a network namespace behind a shaped link, and Dana on this machine.
test.beforeEach(() => {
  const reason = netnsSkipReason();
  if (reason) console.log(reason);
  test.skip(reason !== null, reason ?? "");
  // Shaped phases of 20 s or so each, on a loaded machine: bounded.
  test.setTimeout(300_000);
});

const inDirectMode = (
  groupSessionId: string,
  signInAs: Parameters<typeof withShapedParticipant>[0]["signInAs"],
  body: (shaped: Shaped) => Promise<void>,
) =>
  withShapedParticipant(
    {
      mode: "direct",
      signInAs,
      ports: [E2E_PORT],
      app: () => Promise.resolve({ url: BASE_URL, sessionId: groupSessionId }),
    },
    body,
  );

test("a participant on a poor network keeps video under loss and delay, and is told when their connection is slow", async ({
  groupSessionId,
  signInAs,
}) => {
  await inDirectMode(groupSessionId, signInAs, async (shaped) => {
    await lossAndDelay(shaped);
    await slowUplink(shaped);
  });
});

// Its own connection: measured from a settled call, not from one still recovering from (b).
test("a participant's session heals by itself within 5 s of a 10-second blackout ending", async ({
  groupSessionId,
  signInAs,
}) => {
  await inDirectMode(groupSessionId, signInAs, blackout);
});
