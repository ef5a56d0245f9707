import { createBrowserRouter } from 'react-router';
import { NotFoundPage } from './shell/NotFoundPage';
import { SignedIn } from './shell/SignedIn';
import { Landing } from './shell/Landing';

/**
 * Every page but the shell loads when first visited, so the first page a person opens (often
 * a link from a mail) downloads only what it shows. A new page is one more entry here and,
 * when it belongs in the navigation, one in shell/nav.ts.
 */
export const router = createBrowserRouter([
  { path: '/setup/:token', lazy: async () => ({ Component: (await import('./pages/sign-in/SetupPage')).SetupPage }) },
  { path: '/login', lazy: async () => ({ Component: (await import('./pages/sign-in/LoginPage')).LoginPage }) },
  {
    path: '/login/second-factor',
    lazy: async () => ({ Component: (await import('./pages/sign-in/LoginPage')).SecondFactorPage }),
  },
  {
    path: '/forgot-password',
    lazy: async () => ({ Component: (await import('./pages/sign-in/PasswordResetPages')).ForgotPasswordPage }),
  },
  {
    path: '/reset-password/:token',
    lazy: async () => ({ Component: (await import('./pages/sign-in/PasswordResetPages')).ResetPasswordPage }),
  },
  {
    path: '/invitations/:token',
    lazy: async () => ({ Component: (await import('./pages/sign-in/InvitationPage')).InvitationPage }),
  },
  {
    path: '/two-factor/enrol',
    lazy: async () => ({ Component: (await import('./pages/sign-in/EnrolTwoFactorPage')).EnrolTwoFactorPage }),
  },
  {
    path: '/confirm-email/:token',
    lazy: async () => ({ Component: (await import('./pages/my-settings/ConfirmEmailPage')).ConfirmEmailPage }),
  },
  {
    path: '/change-password',
    lazy: async () => ({ Component: (await import('./pages/sign-in/ChangePasswordPage')).ChangePasswordPage }),
  },
  {
    path: '/',
    Component: SignedIn,
    children: [
      { index: true, Component: Landing },
      { path: 'users', lazy: async () => ({ Component: (await import('./pages/users/UsersPage')).UsersPage }) },
      { path: 'teams', lazy: async () => ({ Component: (await import('./pages/teams/TeamsPage')).TeamsPage }) },
      { path: 'roles', lazy: async () => ({ Component: (await import('./pages/roles/RolesPage')).RolesPage }) },
      {
        path: 'environments',
        lazy: async () => ({ Component: (await import('./pages/environments/EnvironmentsPage')).EnvironmentsPage }),
      },
      { path: 'tokens', lazy: async () => ({ Component: (await import('./pages/tokens/TokensPage')).TokensPage }) },
      {
        path: 'security',
        lazy: async () => ({ Component: (await import('./pages/security/SecurityPage')).SecurityPage }),
      },
      {
        path: 'accounts',
        lazy: async () => ({ Component: (await import('./pages/accounts/AccountsPage')).AccountsPage }),
      },
      {
        path: 'settings',
        lazy: async () => ({ Component: (await import('./pages/my-settings/MySettingsPage')).MySettingsPage }),
      },
    ],
  },
  { path: '*', Component: NotFoundPage },
]);
