/**
 * Pages before sign-in: sign-in and its messages, forgot/set password, accepting a family
 * invitation. English is the source: the Spanish file must have exactly these keys.
 */
export const signIn = {
  title: "Sign in to Bridgeway",
  email: "Email",
  password: "Password",
  showPassword: "Show password",
  submit: "Sign in",
  submitting: "Signing in…",
  forgot: "<forgot>Forgot your password?</forgot> We will email you a link to choose a new one.",
  demoClinic:
    "Demo clinic: its accounts sign in with a password alone. Real clinics ask their staff for a code from an authenticator app as well.",
  codeTitle: "Enter your sign-in code",
  signedOut: {
    "signed-out": "You have signed out.",
    idle: "You were signed out after 30 minutes without activity, to protect your privacy.",
    "time-limit":
      "You were signed out because your session reached its 12-hour limit. Sign in again to continue.",
    expired: "Your session ended. Sign in again to continue.",
  },
  problems: {
    checkFields: "Check the fields marked below.",
    emailRequired: "Email is required.",
    emailTooLong: "Email is too long.",
    passwordRequired: "Password is required.",
    passwordTooLong: "Password is too long.",
    invalidCredentials: "That email and password don't match an account. Check them and try again.",
    rateLimited:
      "Too many sign-in attempts. To protect your account, signing in is paused. {{wait}}",
    waitFewMinutes: "Wait a few minutes, then try again.",
    waitMinute: "Wait a minute, then try again.",
    waitMinutes: "Wait about {{count}} minutes, then try again.",
  },
  mfa: {
    enrolTitle: "Set up your authenticator app",
    enrolNotice:
      "Your clinic requires a second step when staff sign in. Set it up now to continue.",
    enrolDone: "Continue to Bridgeway",
    notNow: "Not now: sign out",
    code: "Code from your authenticator app",
    codeHint: "6 digits. Lost your phone? Type one of your recovery codes instead.",
    codeProblem: "Enter the 6 digits your app shows, or a recovery code.",
    checking: "Checking…",
    continue: "Continue",
    cancel: "Cancel and sign in again",
  },
};
