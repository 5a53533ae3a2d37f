import { homePathForRole } from "@bridgeway/domain";
import { Link } from "react-router";
import { SignedInProvider, useAuthStatus } from "../session/auth-context";
import { AppShell } from "../shell/app-shell";
import { PageHeading } from "../shell/page-heading";
import { PublicLayout } from "../shell/public-layout";

function NotFoundContent({ homePath, homeLabel }: { homePath: string; homeLabel: string }) {
  return (
    <div className="not-found">
      <PageHeading>Page not found</PageHeading>
      <p>There is no page at this address. It may have moved, or the link may be mistyped.</p>
      <p>
        <Link className="button" to={homePath}>
          {homeLabel}
        </Link>
      </p>
    </div>
  );
}

/** Any address the app does not know, inside the signed-in frame when someone is signed in. */
export function NotFoundPage() {
  const status = useAuthStatus();
  if (status.status === "signed-in") {
    return (
      <SignedInProvider auth={status.auth}>
        <AppShell>
          <NotFoundContent
            homePath={homePathForRole(status.auth.user.role)}
            homeLabel="Go to your home page"
          />
        </AppShell>
      </SignedInProvider>
    );
  }
  return (
    <PublicLayout>
      <NotFoundContent homePath="/sign-in" homeLabel="Go to sign in" />
    </PublicLayout>
  );
}
