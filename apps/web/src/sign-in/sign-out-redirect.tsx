import { useEffect, useRef } from "react";
import { useLocation, useNavigate } from "react-router";
import { useAuthStatus } from "./auth-context";

/**
 * Public pages that stay put: sign-in itself, and an invitation link, where someone signed in as
 * another person signs out to accept it.
 */
const STAY_ON_SIGN_OUT = ["/sign-in", "/family/accept"];

/**
 * However a sign-in ends (sign-out, idle logoff, the 12-hour limit, another tab), the person
 * lands on the sign-in page, which says why. Pages outside the signed-in guard need this too.
 */
export function SignOutRedirect() {
  const status = useAuthStatus();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const wasSignedIn = useRef(status.status === "signed-in");

  useEffect(() => {
    const signedIn = status.status === "signed-in";
    if (wasSignedIn.current && !signedIn && !STAY_ON_SIGN_OUT.includes(pathname)) {
      void navigate("/sign-in", { replace: true });
    }
    wasSignedIn.current = signedIn;
  }, [status, pathname, navigate]);

  return null;
}
