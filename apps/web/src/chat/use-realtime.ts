import { useEffect, useState, useSyncExternalStore } from "react";
import { crisisSupport } from "../alerts/crisis-support";
import { useServices } from "../app/services-context";
import { closeSocket } from "../realtime/socket";
import { useSignedIn } from "../sign-in/auth-context";
import { socketChatTransport, type ChatTransport } from "./chat-transport";
import { ConnectionTracker, type ConnectionState } from "./connection";

/** Whose sign-in the shared socket was opened with: it is never reused for someone else. */
let socketOwner: string | null = null;

function claimSocket(userId: string): void {
  // The socket authenticated with the cookie of whoever opened it; if sign-out could not reach
  // the server, it may still be open as them when the next person signs in on this page.
  if (socketOwner !== null && socketOwner !== userId) closeSocket();
  socketOwner = userId;
}

/**
 * The page's shared socket for chat and forums: opens it, follows its connection (a refused
 * sign-in signs the person out here), and for participants listens for the server's
 * crisis support, which can follow anything they write.
 */
export function useRealtime(): { transport: ChatTransport; connection: ConnectionState } {
  const { signIn } = useServices();
  const { user } = useSignedIn();
  const [transport] = useState(() => {
    claimSocket(user.id);
    return socketChatTransport();
  });
  const [tracker] = useState(
    () => new ConnectionTracker(transport, () => signIn.handleSignInEnded()),
  );
  useEffect(() => tracker.start(), [tracker]);
  const connection = useSyncExternalStore(tracker.subscribe, tracker.getState);

  const participantId = user.role === "PARTICIPANT" ? user.id : null;
  useEffect(() => {
    if (participantId === null) return;
    return transport.on("crisis:support", (payload) => crisisSupport.show(participantId, payload));
  }, [transport, participantId]);

  return { transport, connection };
}
