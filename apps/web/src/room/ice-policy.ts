/**
 * Relay-only ICE, when set in this browser (`localStorage["bridgeway.iceTransportPolicy"] =
 * "relay"`): media then flows only through the TURN server, in either mode (LiveKit's TURN
 * servers in LiveKit mode). Tests use it to prove TURN works;
 * it also hides a person's own addresses from the others in the room.
 */
export const ICE_POLICY_KEY = "bridgeway.iceTransportPolicy";

export function iceTransportPolicy(): RTCIceTransportPolicy {
  try {
    return globalThis.localStorage.getItem(ICE_POLICY_KEY) === "relay" ? "relay" : "all";
  } catch {
    return "all";
  }
}
