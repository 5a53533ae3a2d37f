import { apiSignedIn } from "../support/api";
import { DEMO } from "../support/helpers";
import { cancelSession, moveGroupMeetingToNow, test } from "../support/live";
import { livekitSkipReason, ownStackAppPort, startOwnLivekitStack } from "../support/livekit";
import { netnsSkipReason, type Netns } from "../support/netns";
import {
  blackout,
  lossAndDelay,
  slowUplink,
  withShapedParticipant,
  type ShapedApp,
} from "../support/poor-network";

/** This test's own ports (see startOwnLivekitStack), apart from the other LiveKit tests'. */
const BASE = 27_000;
const RTC_BASE = 18_000;

type Requests = Parameters<typeof apiSignedIn>[0];

/**
 * LiveKit mode on a poor network: a livekit-server of this test's own that listens on, and offers
 * media at, the shaped link's host end, so that Jordan's browser (in the namespace) reaches it
 * only through the link; Dana's browser reaches the same address on this machine.
 */
const livekitApp =
  (requests: Requests) =>
  async (ns: Netns): Promise<ShapedApp> => {
    const stack = await startOwnLivekitStack({
      base: BASE,
      rtcBase: RTC_BASE,
      publicIp: ns.hostIp,
    });
    try {
      const api = await apiSignedIn(requests, stack.appUrl, DEMO.facilitator);
      const sessionId = await moveGroupMeetingToNow(api.api);
      return {
        url: stack.appUrl,
        sessionId,
        async stop() {
          await cancelSession(api.api, sessionId).catch(() => undefined);
          await api.dispose();
          await stack.stop();
        },
      };
    } catch (error) {
      await stack.stop();
      throw error;
    }
  };

test.beforeEach(() => {
  const reason = livekitSkipReason() ?? netnsSkipReason();
  if (reason) console.log(reason);
  test.skip(reason !== null, reason ?? "");
  test.setTimeout(360_000);
});

test("in LiveKit mode, a participant on a poor network keeps video under loss and delay, is told when the link is slow, and heals by itself within 5 s of a blackout", async ({
  playwright,
  signInAs,
}) => {
  await withShapedParticipant(
    {
      mode: "LiveKit",
      signInAs,
      ports: [ownStackAppPort(BASE)],
      app: livekitApp(playwright.request),
    },
    async (shaped) => {
      await lossAndDelay(shaped);
      await slowUplink(shaped);
      await blackout(shaped);
    },
  );
});
