import { render } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MemoryRouter, useLocation } from "react-router";
import { onTestFinished } from "vitest";
import type { AuthStatus } from "../api/auth-api";
import { App } from "../app/app";
import { createAppServices } from "../app/services";
import { AUTH_QUERY_KEY } from "../sign-in/sign-in-controller";
import { createLocalOnlySync } from "../sign-in/sign-in-sync";

function LocationProbe() {
  const { pathname } = useLocation();
  return (
    <div hidden data-testid="location">
      {pathname}
    </div>
  );
}

/**
 * Renders the whole app at `path` over the fake API set up with `stubApi`. `auth` skips the
 * first `/api/auth/me` by saying up front who is signed in.
 */
export function renderApp(path: string, options: { auth?: AuthStatus } = {}) {
  const services = createAppServices({ sync: createLocalOnlySync(), retry: false });
  if (options.auth) services.queryClient.setQueryData(AUTH_QUERY_KEY, options.auth);
  onTestFinished(() => services.dispose());
  const user = userEvent.setup();
  const view = render(
    <MemoryRouter initialEntries={[path]}>
      <App services={services} />
      <LocationProbe />
    </MemoryRouter>,
  );
  const location = () => view.getByTestId("location").textContent;
  return { ...view, services, user, location };
}
