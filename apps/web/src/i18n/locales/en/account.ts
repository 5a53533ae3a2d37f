/**
 * The account page as participants and family members see it, and the public password pages
 * (forgot password, choosing a password from an email link). English is the source: the Spanish
 * file must have exactly these keys.
 */
export const account = {
  title: "Your account",
  /** Around the email, in <strong>. */
  signInAsBefore: "You sign in to {{organization}} as ",
  signInAsAfter: ".",
  change: {
    title: "Change your password",
    intro: "Changing it signs you out on every other device and browser.",
    current: "Current password",
    new: "New password",
    newHint: "At least {{min}} characters; common passwords are refused.",
    again: "Type the new password again",
    submit: "Change password",
    pending: "Changing your password…",
    done: "Your password is changed. You were signed out everywhere else; this device stays signed in.",
  },
  showPasswords: "Show passwords",
  problems: {
    typeAgain: "Type the password again.",
    notSame: "The two passwords are not the same.",
    sameAsCurrent: "Choose a password different from your current one.",
    newPassword: "Use at least {{min}} characters.",
    currentPassword: "Enter your current password.",
    email: "Enter your email address.",
  },
  sessions: {
    title: "Where you are signed in",
    loading: "Loading your sessions…",
    error: "We couldn't load your sessions",
    thisBrowser: " (this browser)",
    when: "{{place}} · signed in {{signedIn}}, last active {{lastActive}}",
    signOut: "Sign it out",
    browserOn: "{{browser}} on {{os}}",
    browserOnOs: "A browser on {{os}}",
    unknownBrowser: "An unknown browser",
    localNetwork: "This device's network",
    unknownNetwork: "Unknown network",
    network: "Network {{range}}",
  },
  forgot: {
    title: "Forgot your password?",
    intro:
      "Enter the email you sign in with. We will send a link to choose a new password; it works once, for 30 minutes.",
    email: "Email",
    submit: "Send me a link",
    pending: "Sending…",
    sent: "If that email belongs to a Bridgeway account, we sent it a link to choose a new password. The link works once, for 30 minutes.",
    back: "Back to sign in",
  },
  link: {
    pageTitle: "Your Bridgeway password",
    checking: "Checking your link…",
    checkError: "We couldn't check your link",
    signIn: "Sign in",
    newLink: "Get a new link",
    incompleteTitle: "This link is incomplete",
    incompleteMessage:
      "Open the link again from your email, all of it. If it still does not work, ask for a new one.",
    usedTitle: "This link was already used",
    usedMessage:
      "Each link works once. If you chose your password with it, sign in. Otherwise ask for a new link.",
    expiredTitle: "This link has expired",
    expiredMessage:
      "Invitation links work for 7 days and reset links for 30 minutes. Ask for a new one.",
    deactivatedTitle: "This account is deactivated",
    deactivatedMessage: "Ask your clinic if you should still have access to Bridgeway.",
    invalidTitle: "This link does not work",
    invalidMessage: "Open the newest link from your email, or ask for a new one.",
  },
  choose: {
    invitationTitle: "Choose your password",
    resetTitle: "Choose a new password",
    /** Around the email, in <strong>. */
    introBefore: "Hello {{name}}. You will sign in to {{clinic}} with ",
    introAfter: " and this password. No one else, your clinic included, will know it.",
    password: "Password",
    passwordHint:
      "At least {{min}} characters. A few words you will remember work well; common passwords are refused.",
    again: "Type the password again",
    submit: "Save password and sign in",
    pending: "Saving your password…",
  },
  mfa: {
    title: "Authenticator app (two-step sign-in)",
    loading: "Loading your sign-in settings…",
    loadError: "Your sign-in settings could not be loaded",
    /** "On." in <strong>, then the rest. */
    on: "On.",
    onDetail:
      "Each sign-in asks for a code from your app. {{count}} of your recovery codes are left.",
    required: "Your clinic requires it for your role, so it stays on.",
    turnOff: "Turn off the authenticator app",
    turningOff: "Turning it off…",
    turnedOff: "Your authenticator app is turned off. You sign in with your password alone.",
    off: "Off. With an authenticator app, someone who learns your password still cannot sign in as you.",
    done: "Done",
    setUpDone: "Your authenticator app is set up. Each sign-in now asks for a code.",
    intro:
      "You need an authenticator app on your phone, such as Google Authenticator, Microsoft Authenticator, 1Password or Aegis. Each time you sign in, you type the 6-digit code it shows.",
    start: "Set up an authenticator app",
    starting: "Starting…",
    stepScan: "In your authenticator app, add an account and scan this QR code.",
    stepType: "Type the 6-digit code the app shows for Bridgeway below.",
    qrAlt: "QR code for your authenticator app. If you cannot scan it, type the key shown below.",
    cannotScan: "Cannot scan it? Type this key into the app instead:",
    codeLabel: "6-digit code from your app",
    codeProblem: "Enter the 6 digits your app shows.",
    confirm: "Confirm the code",
    confirming: "Checking the code…",
    codesTitle: "Your authenticator app is set up. Save your recovery codes",
    codesIntro:
      "If you lose your phone, each of these codes signs you in once instead of an app code. Write them down or keep them in a password manager: they are shown only now.",
    codesLabel: "Recovery codes",
  },
};
