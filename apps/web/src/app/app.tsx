import type { Role } from "@bridgeway/domain";
import { lazy, Suspense } from "react";
import { Route, Routes } from "react-router";
import { NotFoundPage } from "../pages/not-found-page";
import { RequireRole, RootRedirect, SignedInLayout } from "../pages/route-guards";
import { SignInPage } from "../pages/sign-in-page";
import { AuthGate } from "../session/auth-context";
import { SignOutRedirect } from "../session/sign-out-redirect";
import { PageErrorBoundary } from "../shell/page-error-boundary";
import { LoadingState } from "../shell/status-states";
import type { AppServices } from "./services";
import { ServicesProvider } from "./services-context";

// Each role's home is its own chunk: a person downloads only the one they will see.
const ParticipantHome = lazy(() =>
  import("../homes/participant-home").then((m) => ({ default: m.ParticipantHome })),
);
const FacilitatorHome = lazy(() =>
  import("../homes/facilitator-home").then((m) => ({ default: m.FacilitatorHome })),
);
const FamilyHome = lazy(() =>
  import("../homes/family-home").then((m) => ({ default: m.FamilyHome })),
);
const AdminHome = lazy(() => import("../homes/admin-home").then((m) => ({ default: m.AdminHome })));

function HomeFor({ role }: { role: Role }) {
  switch (role) {
    case "PARTICIPANT":
      return <ParticipantHome />;
    case "FACILITATOR":
      return <FacilitatorHome />;
    case "FAMILY":
      return <FamilyHome />;
    case "ADMIN":
      return <AdminHome />;
  }
}

function RoleHome({ role }: { role: Role }) {
  return (
    <RequireRole role={role}>
      <PageErrorBoundary>
        <Suspense fallback={<LoadingState label="Loading your page…" />}>
          <HomeFor role={role} />
        </Suspense>
      </PageErrorBoundary>
    </RequireRole>
  );
}

export function AppRoutes() {
  return (
    <AuthGate>
      <SignOutRedirect />
      <Routes>
        <Route path="/" element={<RootRedirect />} />
        <Route path="/sign-in" element={<SignInPage />} />
        <Route element={<SignedInLayout />}>
          <Route path="/participant" element={<RoleHome role="PARTICIPANT" />} />
          <Route path="/facilitator" element={<RoleHome role="FACILITATOR" />} />
          <Route path="/family" element={<RoleHome role="FAMILY" />} />
          <Route path="/admin" element={<RoleHome role="ADMIN" />} />
        </Route>
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </AuthGate>
  );
}

/** The whole app, given its services; the router is supplied by the caller. */
export function App({ services }: { services: AppServices }) {
  return (
    <ServicesProvider services={services}>
      <AppRoutes />
    </ServicesProvider>
  );
}
