import type { Role } from "@bridgeway/domain";
import { lazy, Suspense, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Route, Routes } from "react-router";
import { NotFoundPage } from "../pages/not-found-page";
import { RequireRole, RootRedirect, SignedInLayout } from "../pages/route-guards";
import { SignInPage } from "../pages/sign-in-page";
import { AuthGate } from "../sign-in/auth-context";
import { SignOutRedirect } from "../sign-in/sign-out-redirect";
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

// Pages beyond the homes load when first opened, so they never weigh on the first visit.
const CohortsPage = lazy(() =>
  import("../cohorts/cohorts-page").then((m) => ({ default: m.CohortsPage })),
);
const NewCohortPage = lazy(() =>
  import("../cohorts/new-cohort-page").then((m) => ({ default: m.NewCohortPage })),
);
const CohortPage = lazy(() =>
  import("../cohorts/cohort-page").then((m) => ({ default: m.CohortPage })),
);
const FacilitatorsPage = lazy(() =>
  import("../people/facilitators-page").then((m) => ({ default: m.FacilitatorsPage })),
);
const ParticipantsPage = lazy(() =>
  import("../people/participants-page").then((m) => ({ default: m.ParticipantsPage })),
);
const SessionPage = lazy(() =>
  import("../sessions/session-page").then((m) => ({ default: m.SessionPage })),
);
// The live room (video, WebRTC, LiveKit) loads only when someone opens a session's room.
const RoomPage = lazy(() => import("../room/room-page").then((m) => ({ default: m.RoomPage })));
const BookSessionPage = lazy(() =>
  import("../sessions/book-session-page").then((m) => ({ default: m.BookSessionPage })),
);
const CalendarPage = lazy(() =>
  import("../calendar/calendar-page").then((m) => ({ default: m.CalendarPage })),
);
// Chat, forums and alerts carry socket.io and their own styles: loaded when first opened.
const ChatPage = lazy(() => import("../chat/chat-page").then((m) => ({ default: m.ChatPage })));
const ChatRoomPage = lazy(() =>
  import("../chat/chat-room-page").then((m) => ({ default: m.ChatRoomPage })),
);
const ForumsPage = lazy(() =>
  import("../forums/forums-page").then((m) => ({ default: m.ForumsPage })),
);
const BoardPage = lazy(() =>
  import("../forums/board-page").then((m) => ({ default: m.BoardPage })),
);
const ThreadPage = lazy(() =>
  import("../forums/thread-page").then((m) => ({ default: m.ThreadPage })),
);
// Families: a participant's family and consent, and the public page of an invitation link.
const MyFamilyPage = lazy(() =>
  import("../families/family-page").then((m) => ({ default: m.MyFamilyPage })),
);
const ParticipantFamilyPage = lazy(() =>
  import("../families/family-page").then((m) => ({ default: m.ParticipantFamilyPage })),
);
const AcceptInvitationPage = lazy(() =>
  import("../families/accept-invitation-page").then((m) => ({
    default: m.AcceptInvitationPage,
  })),
);
// Accounts: choosing a password from an emailed link, forgetting it, changing it.
const SetPasswordPage = lazy(() =>
  import("../account/set-password-page").then((m) => ({ default: m.SetPasswordPage })),
);
const ForgotPasswordPage = lazy(() =>
  import("../account/forgot-password-page").then((m) => ({ default: m.ForgotPasswordPage })),
);
const AccountPage = lazy(() =>
  import("../account/account-page").then((m) => ({ default: m.AccountPage })),
);
const AlertsPage = lazy(() =>
  import("../alerts/alerts-page").then((m) => ({ default: m.AlertsPage })),
);
// The clinical record: check-ins, plans and charts, and the cohort attendance grid.
const CheckInsPage = lazy(() =>
  import("../clinical/check-ins-page").then((m) => ({ default: m.CheckInsPage })),
);
const CheckInPage = lazy(() =>
  import("../clinical/check-in-page").then((m) => ({ default: m.CheckInPage })),
);
const MySafetyPlanPage = lazy(() =>
  import("../clinical/my-safety-plan-page").then((m) => ({ default: m.MySafetyPlanPage })),
);
const MyTreatmentPlanPage = lazy(() =>
  import("../clinical/my-treatment-plan-page").then((m) => ({ default: m.MyTreatmentPlanPage })),
);
const MyAftercarePage = lazy(() =>
  import("../clinical/my-aftercare-page").then((m) => ({ default: m.MyAftercarePage })),
);
const ChartPage = lazy(() =>
  import("../clinical/chart-page").then((m) => ({ default: m.ChartPage })),
);
const AttendancePage = lazy(() =>
  import("../attendance/attendance-page").then((m) => ({ default: m.AttendancePage })),
);
const AuditPage = lazy(() => import("../audit/audit-page").then((m) => ({ default: m.AuditPage })));

const STAFF = ["ADMIN", "FACILITATOR"] as const satisfies readonly Role[];
const EVERYONE = [
  "ADMIN",
  "FACILITATOR",
  "PARTICIPANT",
  "FAMILY",
] as const satisfies readonly Role[];
/** Chat: the cohort and its clinicians; family members have none. */
const COHORT_MEMBERS = ["ADMIN", "FACILITATOR", "PARTICIPANT"] as const satisfies readonly Role[];
/** Forums: the cohort and its clinicians, and family members for their family board only. */
const FORUM_MEMBERS = EVERYONE;

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

/** A signed-in page for some roles, its code loaded on demand. */
function Page({ role, children }: { role: Role | readonly Role[]; children: ReactNode }) {
  const { t } = useTranslation("shell");
  return (
    <RequireRole role={role}>
      <PageErrorBoundary>
        <Suspense fallback={<LoadingState label={t("loadingPage")} />}>{children}</Suspense>
      </PageErrorBoundary>
    </RequireRole>
  );
}

function RoleHome({ role }: { role: Role }) {
  return (
    <Page role={role}>
      <HomeFor role={role} />
    </Page>
  );
}

/** A public page, its code loaded on demand. */
function PublicPage({ children }: { children: ReactNode }) {
  const { t } = useTranslation("shell");
  return (
    <PageErrorBoundary>
      <Suspense fallback={<LoadingState label={t("loading")} />}>{children}</Suspense>
    </PageErrorBoundary>
  );
}

export function AppRoutes() {
  return (
    <AuthGate>
      <SignOutRedirect />
      <Routes>
        <Route path="/" element={<RootRedirect />} />
        <Route path="/sign-in" element={<SignInPage />} />
        <Route
          path="/family/accept"
          element={
            <PublicPage>
              <AcceptInvitationPage />
            </PublicPage>
          }
        />
        <Route
          path="/account/password"
          element={
            <PublicPage>
              <SetPasswordPage />
            </PublicPage>
          }
        />
        <Route
          path="/forgot-password"
          element={
            <PublicPage>
              <ForgotPasswordPage />
            </PublicPage>
          }
        />
        <Route element={<SignedInLayout />}>
          <Route
            path="/account"
            element={
              <Page role={EVERYONE}>
                <AccountPage />
              </Page>
            }
          />
          <Route path="/participant" element={<RoleHome role="PARTICIPANT" />} />
          <Route path="/facilitator" element={<RoleHome role="FACILITATOR" />} />
          <Route path="/family" element={<RoleHome role="FAMILY" />} />
          <Route path="/admin" element={<RoleHome role="ADMIN" />} />
          <Route
            path="/cohorts"
            element={
              <Page role={STAFF}>
                <CohortsPage />
              </Page>
            }
          />
          <Route
            path="/cohorts/new"
            element={
              <Page role="ADMIN">
                <NewCohortPage />
              </Page>
            }
          />
          <Route
            path="/cohorts/:cohortId"
            element={
              <Page role={STAFF}>
                <CohortPage />
              </Page>
            }
          />
          <Route
            path="/facilitators"
            element={
              <Page role={STAFF}>
                <FacilitatorsPage />
              </Page>
            }
          />
          <Route
            path="/participants"
            element={
              <Page role="ADMIN">
                <ParticipantsPage />
              </Page>
            }
          />
          <Route
            path="/admin/audit"
            element={
              <Page role="ADMIN">
                <AuditPage />
              </Page>
            }
          />
          <Route
            path="/sessions/new"
            element={
              <Page role={STAFF}>
                <BookSessionPage />
              </Page>
            }
          />
          <Route
            path="/sessions/:sessionId/room"
            element={
              <Page role={EVERYONE}>
                <RoomPage />
              </Page>
            }
          />
          <Route
            path="/sessions/:sessionId"
            element={
              <Page role={EVERYONE}>
                <SessionPage />
              </Page>
            }
          />
          <Route
            path="/calendar"
            element={
              <Page role={EVERYONE}>
                <CalendarPage />
              </Page>
            }
          />
          <Route
            path="/chat"
            element={
              <Page role={COHORT_MEMBERS}>
                <ChatPage />
              </Page>
            }
          />
          <Route
            path="/chat/:roomKey"
            element={
              <Page role={COHORT_MEMBERS}>
                <ChatRoomPage />
              </Page>
            }
          />
          <Route
            path="/forums"
            element={
              <Page role={FORUM_MEMBERS}>
                <ForumsPage />
              </Page>
            }
          />
          <Route
            path="/forums/boards/:kind/:boardId"
            element={
              <Page role={FORUM_MEMBERS}>
                <BoardPage />
              </Page>
            }
          />
          <Route
            path="/forums/threads/:threadId"
            element={
              <Page role={FORUM_MEMBERS}>
                <ThreadPage />
              </Page>
            }
          />
          <Route
            path="/my-family"
            element={
              <Page role="PARTICIPANT">
                <MyFamilyPage />
              </Page>
            }
          />
          <Route
            path="/participants/:participantId/family"
            element={
              <Page role={STAFF}>
                <ParticipantFamilyPage />
              </Page>
            }
          />
          <Route
            path="/alerts"
            element={
              <Page role="FACILITATOR">
                <AlertsPage />
              </Page>
            }
          />
          <Route
            path="/participant/check-ins"
            element={
              <Page role="PARTICIPANT">
                <CheckInsPage />
              </Page>
            }
          />
          <Route
            path="/participant/check-ins/:assignmentId"
            element={
              <Page role="PARTICIPANT">
                <CheckInPage />
              </Page>
            }
          />
          <Route
            path="/participant/safety"
            element={
              <Page role="PARTICIPANT">
                <MySafetyPlanPage />
              </Page>
            }
          />
          <Route
            path="/participant/treatment-plan"
            element={
              <Page role="PARTICIPANT">
                <MyTreatmentPlanPage />
              </Page>
            }
          />
          <Route
            path="/participant/aftercare"
            element={
              <Page role="PARTICIPANT">
                <MyAftercarePage />
              </Page>
            }
          />
          <Route
            path="/participants/:participantId/chart"
            element={
              <Page role="FACILITATOR">
                <ChartPage />
              </Page>
            }
          />
          <Route
            path="/cohorts/:cohortId/attendance"
            element={
              <Page role={STAFF}>
                <AttendancePage />
              </Page>
            }
          />
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
