/**
 * Words after a control's visible label for screen readers only, so that "Join" or "Step down"
 * repeated down a page each say what they act on ("Join Group therapy at 6:00 PM"). The space
 * sits outside the hidden span: names are computed from trimmed element text.
 */
export function HiddenContext({ children }: { children: string }) {
  return (
    <>
      {" "}
      <span className="visually-hidden">{children}</span>
    </>
  );
}
