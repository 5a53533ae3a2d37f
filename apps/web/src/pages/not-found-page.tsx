import { homePathForRole } from "@bridgeway/domain";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { SignedInProvider, useAuthStatus } from "../sign-in/auth-context";
import { AppShell } from "../shell/app-shell";
import { PageHeading } from "../shell/page-heading";
import { PublicLayout } from "../shell/public-layout";

function NotFoundContent({ homePath, homeLabel }: { homePath: string; homeLabel: string }) {
  const { t } = useTranslation("shell");
  return (
    <div className="not-found">
      <PageHeading>{t("notFound.title")}</PageHeading>
      <p>{t("notFound.text")}</p>
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
  const { t } = useTranslation("shell");
  const status = useAuthStatus();
  if (status.status === "signed-in") {
    return (
      <SignedInProvider auth={status.auth}>
        <AppShell>
          <NotFoundContent
            homePath={homePathForRole(status.auth.user.role)}
            homeLabel={t("notFound.goHome")}
          />
        </AppShell>
      </SignedInProvider>
    );
  }
  return (
    <PublicLayout>
      <NotFoundContent homePath="/sign-in" homeLabel={t("notFound.goToSignIn")} />
    </PublicLayout>
  );
}
