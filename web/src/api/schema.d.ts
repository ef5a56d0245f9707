// Generated from docs/openapi.json by `npm run api-types`: do not edit.

export interface paths {
    "/v1/privileges": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Privileges
         * @description Every privilege a role can give: whether it is held account-wide or per environment, and the account feature it needs, if any.
         *
         *     Token scope: `account:read` (any active member’s token).
         */
        get: operations["list_privileges"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/scopes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Scopes
         * @description The scopes an API token may be given. A scope with a `privilege` works only while the token’s owner holds that privilege; an `operator` scope only for super admins’ tokens.
         *
         *     Token scope: `account:read` (any active member’s token).
         */
        get: operations["list_scopes"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign In
         * @description Signs in with email and password and sets the session cookie (HttpOnly, SameSite=Lax, Secure when `PUBLIC_URL` is https). A wrong email and a wrong password get the same 401. With two-factor authentication on, the answer is `{"second_factor_required": true}` and a pending cookie instead. After too many failures for one email or from one address, 429 with `Retry-After` (seconds) until the lock ends, whether or not the email has an account.
         */
        post: operations["login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign Out
         * @description Ends the session of the cookie, if any, and clears the cookies. Always 204.
         */
        post: operations["logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/invitations/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Look Up An Invitation
         * @description What an invitation link is for. 410 when it was accepted, replaced by a newer one, or expired.
         */
        get: operations["get_invitation"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/invitations/{token}/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Accept An Invitation
         * @description Makes the membership active and signs you in (session cookie). Works once; 410 afterwards, and for a replaced or expired link. A password that breaks the policy gets a 422 naming every rule broken.
         */
        post: operations["accept_invitation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/setup/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Look Up The Setup Link
         * @description Whether a first-run setup link still works. While the store has no account, each start of `steward serve` logs one (`{PUBLIC_URL}/setup/{token}`). 404 for a token no link has; 410 once it was used, expired, or an account exists.
         */
        get: operations["get_setup_link"];
        put?: never;
        /**
         * Set Up Steward
         * @description Creates the first account, its environments and its first admin (a super admin, with this password), and signs them in (session cookie). Every setup link stops working. 409 when an account exists already; 410 for a used or expired link; a password that breaks the policy gets a 422 at `password`.
         */
        post: operations["complete_setup"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Who Am I
         * @description Your identity, your memberships, the account this session works in, and the CSRF token.
         *
         *     Needs a signed-in session (cookie); API tokens are refused.
         */
        get: operations["get_me"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change My Settings
         * @description Change your name, time zone, preferences, or the account this session works in; omitted fields stay as they are. A new name also renames you in each account where your user name was your old name (a name an admin gave you in one account stays). `current_account_id` must be an account where you are an active member allowed to sign in the way this session did (404 otherwise). Answers like `GET /v1/me`.
         *
         *     Needs a signed-in session (cookie); API tokens are refused.
         */
        patch: operations["patch_me"];
        trace?: never;
    };
    "/v1/me/email": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Change My Email
         * @description Mails a single-use link, valid 1 hour, to the new address (the console page `{PUBLIC_URL}/confirm-email/{token}`) and a notice to your current one; your email changes only when the link is opened. Needs your current password when you have one (422 when wrong). 409 when the address belongs to a user you can already see (an account where you hold `users:view`); for any other address the answer is 202 either way, so nobody learns from it who else signs in to Steward.
         *
         *     Needs a signed-in session (cookie); API tokens are refused.
         */
        post: operations["request_email_change"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/email/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Confirm My New Email
         * @description Completes an email change with the token of the link mailed to the new address; it works from any browser, signed in or not. Your email changes everywhere at once: sign-in and your user in every account. 404 for an unknown token, 410 once used, replaced by a newer request or expired, 409 when the address was taken in the meantime (nothing changes, and the link is not used up).
         */
        post: operations["confirm_email_change"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/onboarding": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get My Onboarding
         * @description Your onboarding steps in the account this session works in (403 when it works in none); switch accounts with `PATCH /v1/me`.
         *
         *     Needs a signed-in session (cookie); API tokens are refused.
         */
        get: operations["get_my_onboarding"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Mark My Onboarding Steps
         * @description Marks onboarding steps done (`true`) or not done (`false`) in the account this session works in. A step is named by its path, `group.step`; a step shaped `{status, update_time}` gets the time it was marked done. A path that names no step is a 422 and nothing changes.
         *
         *     Needs a signed-in session (cookie); API tokens are refused.
         */
        patch: operations["patch_my_onboarding"];
        trace?: never;
    };
    "/v1/me/alerts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get My Email Alerts
         * @description Which platform events are mailed to you in the account this session works in (403 when it works in none). Each account has its own choices: switch accounts with `PATCH /v1/me` to see another’s.
         *
         *     Needs a signed-in session (cookie); API tokens are refused.
         */
        get: operations["get_my_alerts"];
        /**
         * Set My Email Alerts
         * @description Replaces your alert choices in the account this session works in; all three are required. Mail goes only to active members who have accepted their invitation.
         *
         *     Needs a signed-in session (cookie); API tokens are refused.
         */
        put: operations["put_my_alerts"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/methods": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Sign-in Methods
         * @description The ways this server offers to sign in, for the login page to show. Whether a method works for a person also depends on their membership's `allow_login_*` flags.
         */
        get: operations["list_sign_in_methods"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/google/start": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Start Sign-in With Google
         * @description Sends the browser to Google (scope `openid email profile`, PKCE S256, state and nonce). The values to check on return travel in a sealed, HttpOnly cookie that lasts 10 minutes. When Google cannot be reached the browser goes to `/login?error=google_unavailable` instead.
         */
        get: operations["start_google_sign_in"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/google/callback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Finish Sign-in With Google
         * @description Where Google sends the browser back. A verified Google email that belongs to an active member whose membership allows Google sign-in gets the session cookie and goes to the console (or `return_to`); with two-factor authentication on, the pending cookie and `/login/second-factor`. Anything else goes to `/login?error=<code>`; no account is ever created here.
         */
        get: operations["finish_google_sign_in"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/two-factor": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start Two-Factor Enrolment
         * @description Creates a new TOTP secret for your authenticator app (scan `qr_svg` or type `secret`). It is not in force until `POST /v1/me/two-factor/confirm` receives a first code; calling this again before that replaces it. 409 when two-factor authentication is already on.
         *
         *     Needs a signed-in session (cookie); API tokens are refused.
         */
        post: operations["start_two_factor_enrolment"];
        /**
         * Turn Two-Factor Authentication Off
         * @description Needs a code from the app or an unused recovery code (422 at `body.code` otherwise); deletes the secret and the recovery codes. 409 when it is not on, or while an account you are an active member of requires it.
         *
         *     Needs a signed-in session (cookie); API tokens are refused.
         */
        delete: operations["disable_two_factor"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/two-factor/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Confirm Two-Factor Enrolment
         * @description Turns two-factor authentication on with a first code from the app, and answers ten single-use recovery codes, shown only this once. A wrong code is a 422 at `body.code`; 409 without an enrolment started, or when it is already on.
         *
         *     Needs a signed-in session (cookie); API tokens are refused.
         */
        post: operations["confirm_two_factor"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/login/second-factor": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign In: Second Step
         * @description Completes a sign-in that answered `{"second_factor_required": true}`: send, with its pending cookie (valid 5 minutes), either `code` from your authenticator app or `recovery_code`, not both (422). Each code works once. Sets the session cookie. 401 without a pending sign-in, and for a wrong code (the pending sign-in stays open for another try). Wrong codes count with wrong passwords: after too many, 429 with `Retry-After` until the lock ends; also 429 when this address sends too many requests.
         */
        post: operations["login_second_factor"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Change My Password
         * @description Needs your current password (422 at `current_password` when it is wrong; wrong ones count like failed sign-ins, and 429 answers while your email is locked); the new one must meet the password policy of every account you are in, and a 422 names every rule it breaks. Every other session of yours ends; this one stays. Recorded in the audit log of each account you are active in.
         *
         *     Needs a signed-in session (cookie); API tokens are refused.
         */
        post: operations["change_my_password"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/password/forgot": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Forgot Password
         * @description Mails a link to `{PUBLIC_URL}/reset-password/{token}` that resets the password once, within 1 hour; asking again ends the links sent before. Always 202 with the same body, after about the same work, so the answer never tells whether the email has an identity.
         */
        post: operations["forgot_password"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/password/reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reset Password
         * @description Sets a new password with the token of a reset link, checked like any new password (422 naming every rule broken; the link stays usable then). Signs the person out everywhere. 404 for a token no link has; 410 for a link already used, replaced by a newer request, or older than 1 hour.
         */
        post: operations["reset_password"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List My Sessions
         * @description Every browser you are signed in with, oldest first; `current` marks this one.
         *
         *     Needs a signed-in session (cookie); API tokens are refused.
         */
        get: operations["list_my_sessions"];
        put?: never;
        post?: never;
        /**
         * End My Other Sessions
         * @description Signs out every browser but this one.
         *
         *     Needs a signed-in session (cookie); API tokens are refused.
         */
        delete: operations["end_my_other_sessions"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/sessions/{session_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * End One Of My Sessions
         * @description Signs that browser out. Ending the current session signs this one out.
         *
         *     Needs a signed-in session (cookie); API tokens are refused.
         */
        delete: operations["end_my_session"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/accounts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Accounts
         * @description Super admins see every account; anyone else the accounts where they are an active member. Sorted by name (byte order), then id.
         *
         *     Token scope: `account:read` (any active member’s token).
         */
        get: operations["list_accounts"];
        put?: never;
        /**
         * Create Account
         * @description Create an account with its environments (`Production` when none are named). With `admin_email`, that person is invited as the first admin and mailed a link, in the same transaction. Super admins only.
         *
         *     Token scope: `account:manage` (the token’s owner must be a super admin).
         */
        post: operations["create_account"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/accounts/{account_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get Account
         * @description The account, its features and its environments. Super admins may name any account.
         *
         *     Token scope: `account:read` (any active member’s token).
         */
        get: operations["get_account"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Rename Account
         * @description Rename the account. Super admins only.
         *
         *     Token scope: `account:manage` (the token’s owner must be a super admin).
         */
        patch: operations["rename_account"];
        trace?: never;
    };
    "/v1/accounts/{account_id}/features": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get Account Features
         * @description The account's features, each on or off. Readable by the account's admins and by super admins.
         *
         *     Token scope: `settings:read` (the token’s owner must hold `settings:manage`).
         */
        get: operations["get_account_features"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Patch Account Features
         * @description Switch features on (`true`) or off (`false`); features not named keep their state. A privilege of a feature switched off stays in custom roles but is held by nobody until the feature is on again. Super admins only.
         *
         *     Token scope: `account:manage` (the token’s owner must be a super admin).
         */
        patch: operations["patch_account_features"];
        trace?: never;
    };
    "/v1/accounts/{account_id}/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Users
         * @description List users
         *
         *     Token scope: `user:list` (the token’s owner must hold `users:view`).
         */
        get: operations["list_users"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/accounts/{account_id}/users/teams": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Attach Detach Users
         * @description Attach or detach users from a team. Every id must exist in the account, or nothing changes (422 naming them).
         *
         *     Token scope: `user:edit` (the token’s owner must hold `users:manage`).
         */
        patch: operations["attach_detach_users"];
        trace?: never;
    };
    "/v1/accounts/{account_id}/users/invite": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Invite User
         * @description Invite a new user: creates the membership (status `invited`) and mails a single-use link valid for 72 hours. No password is created or mailed. An existing member answers 409 unless `is_re_invite` is true.
         *
         *     Token scope: `user:edit` (the token’s owner must hold `users:manage`).
         */
        post: operations["invite_user"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/accounts/{account_id}/users/re_invite": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Re Invite User
         * @description Re Invite user: mails a new link; the previous one stops working.
         *
         *     Token scope: `user:edit` (the token’s owner must hold `users:manage`).
         */
        post: operations["re_invite_user"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/accounts/{account_id}/users/{user_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get User
         * @description Get user by id
         *
         *     Token scope: `user:list` (the token’s owner must hold `users:view`).
         */
        get: operations["get_user"];
        put?: never;
        post?: never;
        /**
         * Delete User From Account
         * @description Delete user from specific account: the membership only; the person keeps their other accounts.
         *
         *     Token scope: `user:edit` (the token’s owner must hold `users:manage`).
         */
        delete: operations["delete_user_from_account"];
        options?: never;
        head?: never;
        /**
         * Patch User
         * @description Update a user. Omitted or null fields stay as they are; `environments` replaces the whole map. Users whose source is `active_directory` are owned by the directory: 409.
         *
         *     Token scope: `user:edit` (the token’s owner must hold `users:manage`).
         */
        patch: operations["patch_user"];
        trace?: never;
    };
    "/v1/accounts/{account_id}/users/{user_id}/permissions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get User Permissions
         * @description Get user permissions: per environment, the union of the user's own role and their teams' roles. Admins hold everything.
         *
         *     Token scope: `user:list` (the token’s owner must hold `users:view`).
         */
        get: operations["get_user_permissions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/accounts/{account_id}/users/{user_id}/source": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Update User Source
         * @description Update user source
         *
         *     Token scope: `user:edit` (the token’s owner must hold `users:manage`).
         */
        patch: operations["update_user_source"];
        trace?: never;
    };
    "/v1/accounts/{account_id}/users/{user_id}/active": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Patch Active User
         * @description Patch user active. The last active admin cannot be deactivated (409).
         *
         *     Token scope: `user:edit` (the token’s owner must hold `users:manage`).
         */
        patch: operations["patch_active_user"];
        trace?: never;
    };
    "/v1/accounts/{account_id}/environments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Environments
         * @description Every environment of the account, oldest first.
         *
         *     Token scope: `account:read` (any active member’s token).
         */
        get: operations["list_environments"];
        put?: never;
        /**
         * Create Environment
         * @description Create an environment. Names are unique in the account, compared case-insensitively: a taken name answers 409.
         *
         *     Token scope: `environment:edit` (the token’s owner must hold `environments:manage`).
         */
        post: operations["create_environment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/accounts/{account_id}/environments/{env_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get Environment
         * @description Get an environment by id.
         *
         *     Token scope: `account:read` (any active member’s token).
         */
        get: operations["get_environment"];
        put?: never;
        post?: never;
        /**
         * Delete Environment
         * @description Delete an environment. Every user and team loses its role there, in the same transaction; the answer says how many were touched. The account keeps at least one environment: deleting the last answers 409.
         *
         *     Token scope: `environment:edit` (the token’s owner must hold `environments:manage`).
         */
        delete: operations["delete_environment"];
        options?: never;
        head?: never;
        /**
         * Rename Environment
         * @description Rename an environment. The new name must not be taken by another environment of the account (409).
         *
         *     Token scope: `environment:edit` (the token’s owner must hold `environments:manage`).
         */
        patch: operations["rename_environment"];
        trace?: never;
    };
    "/v1/accounts/{account_id}/roles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Roles
         * @description Every role usable in the account: the built-in roles first, then custom roles, oldest first.
         *
         *     Token scope: `account:read` (any active member’s token).
         */
        get: operations["list_roles"];
        put?: never;
        /**
         * Create Role
         * @description Create a custom role from privileges of `GET /v1/privileges`. A privilege that does not exist, or whose feature the account lacks, answers 422; a key already used in the account, or a built-in key, answers 409.
         *
         *     Token scope: `role:edit` (the token’s owner must hold `roles:manage`).
         */
        post: operations["create_role"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/accounts/{account_id}/roles/{role_key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get Role
         * @description Get a built-in or custom role by key.
         *
         *     Token scope: `account:read` (any active member’s token).
         */
        get: operations["get_role"];
        put?: never;
        post?: never;
        /**
         * Delete Role
         * @description Delete a custom role. While users or teams hold it the answer is 409, naming them, unless `reassign_to` names another role of the account: then every holder moves to it first, in the same transaction. Built-in roles cannot be deleted: 409.
         *
         *     Token scope: `role:edit` (the token’s owner must hold `roles:manage`).
         */
        delete: operations["delete_role"];
        options?: never;
        head?: never;
        /**
         * Update Role
         * @description Change a custom role’s name, description or privileges (which replace the whole list). Its holders’ permissions change with the next request. Built-in roles cannot change: 409.
         *
         *     Token scope: `role:edit` (the token’s owner must hold `roles:manage`).
         */
        patch: operations["update_role"];
        trace?: never;
    };
    "/v1/accounts/{account_id}/teams": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Teams
         * @description List the account's teams, by name.
         *
         *     Token scope: `team:list` (the token’s owner must hold `users:view`).
         */
        get: operations["list_teams"];
        put?: never;
        /**
         * Create Team
         * @description Create a team. The name is unique in the account, case-insensitively (409). `environments` gives every member a role per environment, on top of their own.
         *
         *     Token scope: `team:edit` (the token’s owner must hold `teams:manage`).
         */
        post: operations["create_team"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/accounts/{account_id}/teams/{team_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get Team
         * @description Get a team by id.
         *
         *     Token scope: `team:list` (the token’s owner must hold `users:view`).
         */
        get: operations["get_team"];
        put?: never;
        post?: never;
        /**
         * Delete Team
         * @description Delete a team. Its members stay in the account and lose the roles it gave them at once.
         *
         *     Token scope: `team:edit` (the token’s owner must hold `teams:manage`).
         */
        delete: operations["delete_team"];
        options?: never;
        head?: never;
        /**
         * Patch Team
         * @description Update a team. Omitted fields stay as they are; `environments` replaces the whole map, and its members hold the new roles at once.
         *
         *     Token scope: `team:edit` (the token’s owner must hold `teams:manage`).
         */
        patch: operations["patch_team"];
        trace?: never;
    };
    "/v1/accounts/{account_id}/teams/{team_id}/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Team Users
         * @description List the team's members: the same pages, filters, sorting and user objects as List Users with `team_id`.
         *
         *     Token scope: `team:list` (the token’s owner must hold `users:view`).
         */
        get: operations["list_team_users"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/accounts/{account_id}/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List API Tokens
         * @description List API tokens, newest first: the caller’s own, or every token of the account when the caller’s owner holds `tokens:manage` (admins do). Never the secrets.
         *
         *     Token scope: `token:list` (any active member’s token).
         */
        get: operations["list_api_tokens"];
        put?: never;
        /**
         * Create API Token
         * @description Create an API token owned by the caller. Its scopes must be ones the calling token holds, so a token never mints a more powerful one (403). The secret is in `token`, shown in this answer only. Whatever its scopes, a token never does more than its owner may do at the time of the call.
         *
         *     Token scope: `token:edit` (any active member’s token).
         */
        post: operations["create_api_token"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/accounts/{account_id}/tokens/{token_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Revoke API Token
         * @description Revoke an API token: it stops working at once, on every server. The caller’s own tokens always; others’ only when the caller’s owner holds `tokens:manage` (otherwise 404, as if absent).
         *
         *     Token scope: `token:edit` (any active member’s token).
         */
        delete: operations["revoke_api_token"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/accounts/{account_id}/settings/security": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get Security Settings
         * @description The account’s security rules. An account that never changed them has the defaults.
         *
         *     Token scope: `settings:read` (the token’s owner must hold `settings:manage`).
         */
        get: operations["get_security_settings"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Patch Security Settings
         * @description Change the account’s security rules; omitted fields (and omitted `password_policy` rules) stay as they are. Session rules apply to sessions already open from their next request. `trusted_ips` replaces the list (trimmed, lower-cased, without repeats). When it is not empty, API tokens work only from those addresses (403 elsewhere, on every server within a second). A list that leaves out the address of this request is refused (422), so the change cannot lock its caller out.
         *
         *     Token scope: `settings:edit` (the token’s owner must hold `settings:manage`).
         */
        patch: operations["patch_security_settings"];
        trace?: never;
    };
    "/v1/accounts/{account_id}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Publish Platform Event
         * @description The platform reports a runtime-status or execution-status event, or a notification for users: one mail is queued for each active, accepted member of the account subscribed to that kind of alert, in the same transaction as the audit record. 202 with how many were queued (0 when nobody subscribed).
         *
         *     Token scope: `events:write` (the token’s owner must hold `users:manage`).
         */
        post: operations["publish_event"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/accounts/{account_id}/users/{user_id}/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List A Member’s Sessions
         * @description The member’s signed-in sessions working in this account, oldest first.
         *
         *     Token scope: `user:edit` (the token’s owner must hold `users:manage`).
         */
        get: operations["list_user_sessions"];
        put?: never;
        post?: never;
        /**
         * End A Member’s Sessions
         * @description Signs the member out of every session working in this account; their next request there answers 401. Audited.
         *
         *     Token scope: `user:edit` (the token’s owner must hold `users:manage`).
         */
        delete: operations["end_user_sessions"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: never;
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    list_privileges: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** @description The privilege key */
                            key: string;
                            /** @description What it allows */
                            description: string;
                            /**
                             * @description `account`: held account-wide; `environment`: held per environment through a role
                             * @enum {unknown}
                             */
                            level: "account" | "environment";
                            /** @description The account feature it needs; custom roles may include it only when the account has that feature */
                            feature: ("advanced_environment_access" | "data_collection" | "rss_feeds" | "api_metrics") | null;
                            /** @description Held by account admins only: no custom role may include it */
                            admin_only: boolean;
                        }[];
                    };
                };
            };
            /** @description No credentials, or credentials that are not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Authenticated, but not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
        };
    };
    list_scopes: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** @description The scope, as given in `scopes` when creating a token */
                            key: string;
                            description: string;
                            /** @description The account privilege the token’s owner must hold for the scope to work; null: any member */
                            privilege: string | null;
                            /** @description Only super admins’ tokens may use it */
                            operator: boolean;
                        }[];
                    };
                };
            };
            /** @description No credentials, or credentials that are not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Authenticated, but not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
        };
    };
    login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The email you were invited with */
                    email: string;
                    password: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description true: the password was right and two-factor authentication is on; send a code to `POST /v1/auth/login/second-factor` within 5 minutes (a short-lived pending cookie is set). false: signed in, the session cookie is set */
                        second_factor_required: boolean;
                        /** @description Your identity id (once signed in) */
                        user_id?: string;
                        /** @description The account the session works in (once signed in) */
                        account_id?: string;
                    };
                };
            };
            /** @description No credentials, or credentials that are not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Authenticated, but not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            /** @description Where the problem is: the request part, then the field path */
                            loc: (string | number)[];
                            msg: string;
                            type: string;
                        }[];
                    };
                };
            };
            /** @description Too many attempts; retry later */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
        };
    };
    logout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Signed out */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    get_invitation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The token of the invitation link */
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        account_name: string;
                        /** @description The email invited */
                        email: string;
                        /** @description Who invited; null when Steward did (bootstrap, SCIM) */
                        invited_by_name: string | null;
                        /** @description When the link stops working (UTC, `YYYY-MM-DDTHH:MM:SS.ffffff`) */
                        expires_at: string;
                        /** @description true: choose a password to accept; false: you have one already, enter it to accept */
                        needs_password: boolean;
                    };
                };
            };
            /** @description Not found, or not in this account */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description The link was used or has expired */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            /** @description Where the problem is: the request part, then the field path */
                            loc: (string | number)[];
                            msg: string;
                            type: string;
                        }[];
                    };
                };
            };
        };
    };
    accept_invitation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The token of the invitation link */
                token: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Your name, as the account will show it */
                    user_name: string;
                    /** @description A new password when `needs_password` is true (checked against the password policy); otherwise your current one */
                    password?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        account_id: string;
                        user_id: string;
                        /** @description Whether a session cookie was set; false when the membership allows only Google or SSO sign-in */
                        signed_in: boolean;
                    };
                };
            };
            /** @description Not found, or not in this account */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description The link was used or has expired */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            /** @description Where the problem is: the request part, then the field path */
                            loc: (string | number)[];
                            msg: string;
                            type: string;
                        }[];
                    };
                };
            };
            /** @description Too many attempts; retry later */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
        };
    };
    get_setup_link: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The token of the setup link Steward logged at start */
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description When the link stops working (a restart logs a new one) (UTC, `YYYY-MM-DDTHH:MM:SS.ffffff`) */
                        expires_at: string;
                    };
                };
            };
            /** @description Not found, or not in this account */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description The link was used or has expired */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            /** @description Where the problem is: the request part, then the field path */
                            loc: (string | number)[];
                            msg: string;
                            type: string;
                        }[];
                    };
                };
            };
        };
    };
    complete_setup: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The token of the setup link Steward logged at start */
                token: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The first account’s name */
                    account_name: string;
                    /** @description The environments to create in it, unique ignoring case, such as `["Production", "Staging"]` */
                    environment_names: string[];
                    /** @description Your email: you become the account’s first admin */
                    admin_email: string;
                    /** @description Your name */
                    admin_name: string;
                    /** @description Your password: at least 12 characters, not your email nor a commonly used password */
                    password: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The new account */
                        account_id: string;
                        /** @description You, its first admin (a super admin) */
                        user_id: string;
                    };
                };
            };
            /** @description Not found, or not in this account */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description The link was used or has expired */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            /** @description Where the problem is: the request part, then the field path */
                            loc: (string | number)[];
                            msg: string;
                            type: string;
                        }[];
                    };
                };
            };
        };
    };
    get_me: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Your identity id: the same `user_id` in every account */
                        user_id: string;
                        email: string;
                        name: string;
                        is_super_admin: boolean;
                        /** @description An IANA time zone name */
                        time_zone: string;
                        /** Preferences */
                        preferences: {
                            /**
                             * @description The console page opened after signing in
                             * @enum {unknown}
                             */
                            landing_page: "users" | "teams" | "roles" | "environments" | "tokens" | "security" | "settings";
                            /** @description Show console features that are still in beta */
                            beta_features: boolean;
                        };
                        two_factor_enabled: boolean;
                        /** @description Unused two-factor recovery codes; turn two-factor authentication off and on again for new ones */
                        recovery_codes_left: number;
                        /** @description An account you work in requires 2FA and you have none: enrol before anything else */
                        must_enrol_two_factor: boolean;
                        /** @description Your password is older than an account you work in allows: change it at `POST /v1/me/password` before anything else */
                        must_change_password: boolean;
                        password_changed_at: string | null;
                        memberships: {
                            account_id: string;
                            account_name: string;
                            is_admin: boolean;
                            /** @description false: an admin deactivated you there */
                            is_active: boolean;
                            /** @description `invited`: the invitation is not accepted yet */
                            status: "invited" | "active";
                        }[];
                        /** @description The account this session works in */
                        current_account: {
                            account_id: string;
                            account_name: string;
                            is_admin: boolean;
                            /** @description false: an admin deactivated you there */
                            is_active: boolean;
                            /** @description `invited`: the invitation is not accepted yet */
                            status: "invited" | "active";
                        } | null;
                        /** @description The account-wide privileges you hold in the current account (`users:manage`, …); empty without one */
                        account_privileges: string[];
                        /** @description Send it as the `X-CSRF-Token` header with every change made with this session cookie */
                        csrf_token: string;
                    };
                };
            };
            /** @description No credentials, or credentials that are not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Authenticated, but not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
        };
    };
    patch_me: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Your name (trimmed). Your user name in each account changes with it, unless an admin gave you another one there */
                    name?: string;
                    /** @description An IANA time zone name, such as `Europe/Paris`, or `UTC` */
                    time_zone?: string;
                    /** @description Omitted preferences stay as they are */
                    preferences?: {
                        /**
                         * @description The console page opened after signing in
                         * @enum {unknown}
                         */
                        landing_page?: "users" | "teams" | "roles" | "environments" | "tokens" | "security" | "settings";
                        /** @description Show console features that are still in beta */
                        beta_features?: boolean;
                    };
                    /** @description The account this session works in from now on: one where you are an active member */
                    current_account_id?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Your identity id: the same `user_id` in every account */
                        user_id: string;
                        email: string;
                        name: string;
                        is_super_admin: boolean;
                        /** @description An IANA time zone name */
                        time_zone: string;
                        /** Preferences */
                        preferences: {
                            /**
                             * @description The console page opened after signing in
                             * @enum {unknown}
                             */
                            landing_page: "users" | "teams" | "roles" | "environments" | "tokens" | "security" | "settings";
                            /** @description Show console features that are still in beta */
                            beta_features: boolean;
                        };
                        two_factor_enabled: boolean;
                        /** @description Unused two-factor recovery codes; turn two-factor authentication off and on again for new ones */
                        recovery_codes_left: number;
                        /** @description An account you work in requires 2FA and you have none: enrol before anything else */
                        must_enrol_two_factor: boolean;
                        /** @description Your password is older than an account you work in allows: change it at `POST /v1/me/password` before anything else */
                        must_change_password: boolean;
                        password_changed_at: string | null;
                        memberships: {
                            account_id: string;
                            account_name: string;
                            is_admin: boolean;
                            /** @description false: an admin deactivated you there */
                            is_active: boolean;
                            /** @description `invited`: the invitation is not accepted yet */
                            status: "invited" | "active";
                        }[];
                        /** @description The account this session works in */
                        current_account: {
                            account_id: string;
                            account_name: string;
                            is_admin: boolean;
                            /** @description false: an admin deactivated you there */
                            is_active: boolean;
                            /** @description `invited`: the invitation is not accepted yet */
                            status: "invited" | "active";
                        } | null;
                        /** @description The account-wide privileges you hold in the current account (`users:manage`, …); empty without one */
                        account_privileges: string[];
                        /** @description Send it as the `X-CSRF-Token` header with every change made with this session cookie */
                        csrf_token: string;
                    };
                };
            };
            /** @description No credentials, or credentials that are not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Authenticated, but not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Not found, or not in this account */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            /** @description Where the problem is: the request part, then the field path */
                            loc: (string | number)[];
                            msg: string;
                            type: string;
                        }[];
                    };
                };
            };
        };
    };
    request_email_change: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The address to sign in with from now on */
                    new_email: string;
                    /** @description Your password; needed when you have one (not when you sign in only with Google or SSO) */
                    current_password?: string;
                };
            };
        };
        responses: {
            /** @description The link is on its way to the new address */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No credentials, or credentials that are not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Authenticated, but not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            /** @description Where the problem is: the request part, then the field path */
                            loc: (string | number)[];
                            msg: string;
                            type: string;
                        }[];
                    };
                };
            };
            /** @description Too many attempts; retry later */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
        };
    };
    confirm_email_change: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The token of the link mailed to the new address */
                    token: string;
                };
            };
        };
        responses: {
            /** @description Your email has changed */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not found, or not in this account */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description The link was used or has expired */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            /** @description Where the problem is: the request part, then the field path */
                            loc: (string | number)[];
                            msg: string;
                            type: string;
                        }[];
                    };
                };
            };
        };
    };
    get_my_onboarding: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The account this session works in */
                        account_id: string;
                        /** @description Your onboarding steps there, in the shape of the Users API `onboarding` field */
                        onboarding: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description No credentials, or credentials that are not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Authenticated, but not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
        };
    };
    patch_my_onboarding: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Steps by path `group.step` (e.g. `data_connections_step.onboarding_add_connection`): `true` marks it done, `false` not done */
                    steps: {
                        [key: string]: boolean;
                    };
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The account this session works in */
                        account_id: string;
                        /** @description Your onboarding steps there, in the shape of the Users API `onboarding` field */
                        onboarding: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description No credentials, or credentials that are not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Authenticated, but not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            /** @description Where the problem is: the request part, then the field path */
                            loc: (string | number)[];
                            msg: string;
                            type: string;
                        }[];
                    };
                };
            };
        };
    };
    get_my_alerts: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The account this session works in: the choices are for it alone */
                        account_id: string;
                        /** @description Mail me runtime status events (`runtime_status`) */
                        runtime_status: boolean;
                        /** @description Mail me process execution status events (`execution_status`) */
                        execution_status: boolean;
                        /** @description Mail me user notifications (`user_notification`) */
                        user_notifications: boolean;
                        /** @description When you last chose; null: never, so no alert is on */
                        updated_at: string | null;
                    };
                };
            };
            /** @description No credentials, or credentials that are not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Authenticated, but not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
        };
    };
    put_my_alerts: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Mail me runtime status events (`runtime_status`) */
                    runtime_status: boolean;
                    /** @description Mail me process execution status events (`execution_status`) */
                    execution_status: boolean;
                    /** @description Mail me user notifications (`user_notification`) */
                    user_notifications: boolean;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The account this session works in: the choices are for it alone */
                        account_id: string;
                        /** @description Mail me runtime status events (`runtime_status`) */
                        runtime_status: boolean;
                        /** @description Mail me process execution status events (`execution_status`) */
                        execution_status: boolean;
                        /** @description Mail me user notifications (`user_notification`) */
                        user_notifications: boolean;
                        /** @description When you last chose; null: never, so no alert is on */
                        updated_at: string | null;
                    };
                };
            };
            /** @description No credentials, or credentials that are not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Authenticated, but not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            /** @description Where the problem is: the request part, then the field path */
                            loc: (string | number)[];
                            msg: string;
                            type: string;
                        }[];
                    };
                };
            };
        };
    };
    list_sign_in_methods: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Email and password: always offered */
                        password: boolean;
                        /** @description Sign in with Google: offered when this server has a Google OAuth client configured */
                        google: boolean;
                    };
                };
            };
        };
    };
    start_google_sign_in: {
        parameters: {
            query?: {
                /** @description A path of the console to land on once signed in, such as `/accounts`; other sites are refused */
                return_to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Redirect (`Location`): Google's authorization page, or the console's login page with an error */
            302: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not found, or not in this account */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            /** @description Where the problem is: the request part, then the field path */
                            loc: (string | number)[];
                            msg: string;
                            type: string;
                        }[];
                    };
                };
            };
        };
    };
    finish_google_sign_in: {
        parameters: {
            query?: {
                /** @description The authorization code */
                code?: string;
                /** @description Echoes the state Steward sent */
                state?: string;
                /** @description The issuer that answers (RFC 9207) */
                iss?: string;
                /** @description Set when the provider refused */
                error?: string;
                error_description?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Redirect (`Location`): the console, its second-factor page, or its login page with an error */
            302: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not found, or not in this account */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            /** @description Where the problem is: the request part, then the field path */
                            loc: (string | number)[];
                            msg: string;
                            type: string;
                        }[];
                    };
                };
            };
        };
    };
    start_two_factor_enrolment: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The new secret in base32, for an app that cannot scan the QR code */
                        secret: string;
                        /** @description `otpauth://totp/…` (SHA1, 6 digits, 30 seconds, issuer Steward); the QR code holds it */
                        otpauth_uri: string;
                        /** @description The QR code of `otpauth_uri`, as an SVG document */
                        qr_svg: string;
                    };
                };
            };
            /** @description No credentials, or credentials that are not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Authenticated, but not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
        };
    };
    disable_two_factor: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description A code from your authenticator app, or one of your unused recovery codes */
                    code: string;
                };
            };
        };
        responses: {
            /** @description Turned off */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No credentials, or credentials that are not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Authenticated, but not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            /** @description Where the problem is: the request part, then the field path */
                            loc: (string | number)[];
                            msg: string;
                            type: string;
                        }[];
                    };
                };
            };
        };
    };
    confirm_two_factor: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The 6-digit code your authenticator app shows for the new secret */
                    code: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Ten single-use codes (`xxxxx-xxxxx`) for when the authenticator app is lost. Shown only now: keep them safe */
                        recovery_codes: string[];
                    };
                };
            };
            /** @description No credentials, or credentials that are not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Authenticated, but not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            /** @description Where the problem is: the request part, then the field path */
                            loc: (string | number)[];
                            msg: string;
                            type: string;
                        }[];
                    };
                };
            };
        };
    };
    login_second_factor: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The 6-digit code your authenticator app shows */
                    code?: string;
                    /** @description One of your unused recovery codes, instead of `code` (case, spaces and dashes do not matter) */
                    recovery_code?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description true: the password was right and two-factor authentication is on; send a code to `POST /v1/auth/login/second-factor` within 5 minutes (a short-lived pending cookie is set). false: signed in, the session cookie is set */
                        second_factor_required: boolean;
                        /** @description Your identity id (once signed in) */
                        user_id?: string;
                        /** @description The account the session works in (once signed in) */
                        account_id?: string;
                    };
                };
            };
            /** @description No credentials, or credentials that are not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            /** @description Where the problem is: the request part, then the field path */
                            loc: (string | number)[];
                            msg: string;
                            type: string;
                        }[];
                    };
                };
            };
            /** @description Too many attempts; retry later */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
        };
    };
    change_my_password: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Your password now */
                    current_password: string;
                    /** @description The password to use from now on: at least 12 characters (or the longer minimum of an account you are in), at most 256, any characters; not your email nor a commonly used password, plus any stricter rule of your accounts (see `password_policy` in the security settings) */
                    new_password: string;
                };
            };
        };
        responses: {
            /** @description Changed */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No credentials, or credentials that are not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Authenticated, but not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            /** @description Where the problem is: the request part, then the field path */
                            loc: (string | number)[];
                            msg: string;
                            type: string;
                        }[];
                    };
                };
            };
            /** @description Too many attempts; retry later */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
        };
    };
    forgot_password: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The email you sign in with */
                    email: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The same words whether or not the email has an identity */
                        detail: string;
                    };
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            /** @description Where the problem is: the request part, then the field path */
                            loc: (string | number)[];
                            msg: string;
                            type: string;
                        }[];
                    };
                };
            };
            /** @description Too many attempts; retry later */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
        };
    };
    reset_password: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The token of the mailed link (after `/reset-password/`) */
                    token: string;
                    /** @description Your new password: at least 12 characters (or the longer minimum of an account you are in), at most 256, any characters; not your email nor a commonly used password, plus any stricter rule of your accounts (see `password_policy` in the security settings) */
                    password: string;
                };
            };
        };
        responses: {
            /** @description Password set */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not found, or not in this account */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description The link was used or has expired */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            /** @description Where the problem is: the request part, then the field path */
                            loc: (string | number)[];
                            msg: string;
                            type: string;
                        }[];
                    };
                };
            };
            /** @description Too many attempts; retry later */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
        };
    };
    list_my_sessions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            session_id: string;
                            /** @description How the person signed in */
                            method: "password" | "google" | "sso";
                            /** @description The account the session works in */
                            account_id: string | null;
                            /** @description When the person signed in (UTC, `YYYY-MM-DDTHH:MM:SS.ffffff`) */
                            created_at: string;
                            /** @description The last request, to the minute (UTC, `YYYY-MM-DDTHH:MM:SS.ffffff`) */
                            last_seen_at: string;
                            /** @description When the session ends whatever its activity (UTC, `YYYY-MM-DDTHH:MM:SS.ffffff`) */
                            expires_at: string;
                            /** @description The address it signed in from */
                            client_ip: string | null;
                            user_agent: string | null;
                            /** @description Whether this is the session making the request */
                            current: boolean;
                        }[];
                    };
                };
            };
            /** @description No credentials, or credentials that are not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Authenticated, but not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
        };
    };
    end_my_other_sessions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description How many sessions ended */
                        ended_sessions: number;
                    };
                };
            };
            /** @description No credentials, or credentials that are not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Authenticated, but not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
        };
    };
    end_my_session: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The session id */
                session_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ended */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No credentials, or credentials that are not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Authenticated, but not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Not found, or not in this account */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            /** @description Where the problem is: the request part, then the field path */
                            loc: (string | number)[];
                            msg: string;
                            type: string;
                        }[];
                    };
                };
            };
        };
    };
    list_accounts: {
        parameters: {
            query: {
                page: number;
                items_per_page: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The next page URL */
                        next_page: string | null;
                        /** @description The previous page URL */
                        previous_page: string | null;
                        /** @description The page number */
                        page: number;
                        /** @description The current page size */
                        current_page_size: number;
                        /** @description The total number of accounts listed */
                        total_items: number;
                        items: {
                            /** @description The account id */
                            account_id: string;
                            /** @description The account name */
                            name: string;
                            /**
                             * AccountFeatures
                             * @description Every feature of the catalog: switched on or off
                             */
                            features: {
                                /** @description Advanced Environment access: who may enter each environment (adds two privileges) */
                                advanced_environment_access: boolean;
                                /** @description Data collection */
                                data_collection: boolean;
                                /** @description RSS feeds */
                                rss_feeds: boolean;
                                /** @description API metrics */
                                api_metrics: boolean;
                            };
                            /** @description The account’s environments, by name ignoring case */
                            environments: {
                                /** @description The environment id */
                                environment_id: string;
                                /** @description The environment name */
                                name: string;
                            }[];
                            /** @description When the account was created (UTC, `YYYY-MM-DDTHH:MM:SS.ffffff`) */
                            created_at: string;
                            /** @description When the account last changed (UTC, `YYYY-MM-DDTHH:MM:SS.ffffff`) */
                            updated_at: string;
                        }[];
                    };
                };
            };
            /** @description No credentials, or credentials that are not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Authenticated, but not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            /** @description Where the problem is: the request part, then the field path */
                            loc: (string | number)[];
                            msg: string;
                            type: string;
                        }[];
                    };
                };
            };
        };
    };
    create_account: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The account name; surrounding spaces are dropped */
                    name: string;
                    /** @description The environments to create, unique ignoring case; default `["Production"]` */
                    environments?: string[];
                    /** @description Invited as the account’s first admin (an invitation mail) */
                    admin_email?: string;
                    /** @description The first admin’s name; only with `admin_email`; default: the address before the @ */
                    admin_name?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The account id */
                        account_id: string;
                        /** @description The account name */
                        name: string;
                        /**
                         * AccountFeatures
                         * @description Every feature of the catalog: switched on or off
                         */
                        features: {
                            /** @description Advanced Environment access: who may enter each environment (adds two privileges) */
                            advanced_environment_access: boolean;
                            /** @description Data collection */
                            data_collection: boolean;
                            /** @description RSS feeds */
                            rss_feeds: boolean;
                            /** @description API metrics */
                            api_metrics: boolean;
                        };
                        /** @description The account’s environments, by name ignoring case */
                        environments: {
                            /** @description The environment id */
                            environment_id: string;
                            /** @description The environment name */
                            name: string;
                        }[];
                        /** @description When the account was created (UTC, `YYYY-MM-DDTHH:MM:SS.ffffff`) */
                        created_at: string;
                        /** @description When the account last changed (UTC, `YYYY-MM-DDTHH:MM:SS.ffffff`) */
                        updated_at: string;
                        /** @description The invited first admin’s user id; `null` when no `admin_email` was given */
                        admin_user_id: string | null;
                    };
                };
            };
            /** @description No credentials, or credentials that are not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Authenticated, but not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            /** @description Where the problem is: the request part, then the field path */
                            loc: (string | number)[];
                            msg: string;
                            type: string;
                        }[];
                    };
                };
            };
        };
    };
    get_account: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The account id */
                account_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The account id */
                        account_id: string;
                        /** @description The account name */
                        name: string;
                        /**
                         * AccountFeatures
                         * @description Every feature of the catalog: switched on or off
                         */
                        features: {
                            /** @description Advanced Environment access: who may enter each environment (adds two privileges) */
                            advanced_environment_access: boolean;
                            /** @description Data collection */
                            data_collection: boolean;
                            /** @description RSS feeds */
                            rss_feeds: boolean;
                            /** @description API metrics */
                            api_metrics: boolean;
                        };
                        /** @description The account’s environments, by name ignoring case */
                        environments: {
                            /** @description The environment id */
                            environment_id: string;
                            /** @description The environment name */
                            name: string;
                        }[];
                        /** @description When the account was created (UTC, `YYYY-MM-DDTHH:MM:SS.ffffff`) */
                        created_at: string;
                        /** @description When the account last changed (UTC, `YYYY-MM-DDTHH:MM:SS.ffffff`) */
                        updated_at: string;
                    };
                };
            };
            /** @description No credentials, or credentials that are not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Authenticated, but not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Not found, or not in this account */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            /** @description Where the problem is: the request part, then the field path */
                            loc: (string | number)[];
                            msg: string;
                            type: string;
                        }[];
                    };
                };
            };
        };
    };
    rename_account: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The account id */
                account_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The account name; surrounding spaces are dropped */
                    name: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The account id */
                        account_id: string;
                        /** @description The account name */
                        name: string;
                        /**
                         * AccountFeatures
                         * @description Every feature of the catalog: switched on or off
                         */
                        features: {
                            /** @description Advanced Environment access: who may enter each environment (adds two privileges) */
                            advanced_environment_access: boolean;
                            /** @description Data collection */
                            data_collection: boolean;
                            /** @description RSS feeds */
                            rss_feeds: boolean;
                            /** @description API metrics */
                            api_metrics: boolean;
                        };
                        /** @description The account’s environments, by name ignoring case */
                        environments: {
                            /** @description The environment id */
                            environment_id: string;
                            /** @description The environment name */
                            name: string;
                        }[];
                        /** @description When the account was created (UTC, `YYYY-MM-DDTHH:MM:SS.ffffff`) */
                        created_at: string;
                        /** @description When the account last changed (UTC, `YYYY-MM-DDTHH:MM:SS.ffffff`) */
                        updated_at: string;
                    };
                };
            };
            /** @description No credentials, or credentials that are not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Authenticated, but not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Not found, or not in this account */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            /** @description Where the problem is: the request part, then the field path */
                            loc: (string | number)[];
                            msg: string;
                            type: string;
                        }[];
                    };
                };
            };
        };
    };
    get_account_features: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The account id */
                account_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every feature of the catalog: switched on or off */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Advanced Environment access: who may enter each environment (adds two privileges) */
                        advanced_environment_access: boolean;
                        /** @description Data collection */
                        data_collection: boolean;
                        /** @description RSS feeds */
                        rss_feeds: boolean;
                        /** @description API metrics */
                        api_metrics: boolean;
                    };
                };
            };
            /** @description No credentials, or credentials that are not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Authenticated, but not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Not found, or not in this account */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            /** @description Where the problem is: the request part, then the field path */
                            loc: (string | number)[];
                            msg: string;
                            type: string;
                        }[];
                    };
                };
            };
        };
    };
    patch_account_features: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The account id */
                account_id: string;
            };
            cookie?: never;
        };
        /** @description The features to switch: `true` on, `false` off; features not named keep their state */
        requestBody: {
            content: {
                "application/json": {
                    /** @description Advanced Environment access: who may enter each environment (adds two privileges) */
                    advanced_environment_access?: boolean;
                    /** @description Data collection */
                    data_collection?: boolean;
                    /** @description RSS feeds */
                    rss_feeds?: boolean;
                    /** @description API metrics */
                    api_metrics?: boolean;
                };
            };
        };
        responses: {
            /** @description Every feature of the catalog: switched on or off */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Advanced Environment access: who may enter each environment (adds two privileges) */
                        advanced_environment_access: boolean;
                        /** @description Data collection */
                        data_collection: boolean;
                        /** @description RSS feeds */
                        rss_feeds: boolean;
                        /** @description API metrics */
                        api_metrics: boolean;
                    };
                };
            };
            /** @description No credentials, or credentials that are not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Authenticated, but not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Not found, or not in this account */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            /** @description Where the problem is: the request part, then the field path */
                            loc: (string | number)[];
                            msg: string;
                            type: string;
                        }[];
                    };
                };
            };
        };
    };
    list_users: {
        parameters: {
            query: {
                /** @description Query parameter for filtering by email */
                email?: string;
                /** @description Query parameter for filtering name in email or user name */
                name?: string;
                /** @description Query parameter for filtering by team id (repeatable: a user in any of them) */
                team_id?: string[];
                page: number;
                items_per_page: number;
                /** @description User sort properties in the UI. */
                sort_by: "user_name" | "created_at" | "last_login" | "user_email" | "invited_by" | "is_admin" | "source";
                /** @description Sorting can be either asc or desc, used in the api-service */
                sort_order: "desc" | "asc";
            };
            header?: never;
            path: {
                /** @description The account id */
                account_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The next page URL */
                        next_page: string | null;
                        /** @description The previous page URL */
                        previous_page: string | null;
                        /**
                         * @description The page number
                         * @default 1
                         */
                        page: number;
                        /** @description The current page size */
                        current_page_size: number;
                        /**
                         * @description The total number of entities fetched
                         * @default 0
                         */
                        total_items: number;
                        /** @description The account id */
                        account_id: string;
                        items: {
                            /** @description The user id */
                            user_id: string;
                            /** @description The email of the user */
                            user_email: string;
                            /** @description The user name */
                            user_name: string;
                            /** @description The user environments and permission */
                            environments: {
                                [key: string]: {
                                    role: string;
                                };
                            };
                            /** @description A flag that indicates whether the flag is admin */
                            is_admin: boolean;
                            /** @description The user status: `invited` until the invitation is accepted, then `active` */
                            status: string;
                            /** @description The user creation date */
                            created_at: string | null;
                            /** @description The user's last login date */
                            last_login: string | null;
                            /** @description The user last update date */
                            updated_at: string | null;
                            /**
                             * @description The user's groups (team ids)
                             * @default []
                             */
                            groups: string[];
                            /** @description The user source */
                            source: string;
                            /** @description The user who invited this user */
                            invited_by: string | null;
                            /**
                             * @description Indicates if the user is active
                             * @default true
                             */
                            is_active: boolean | null;
                            onboarding: {
                                know_rivery_step: {
                                    onboarding_river_types: {
                                        status: boolean;
                                        update_time: string | null;
                                    } | null;
                                    onboarding_rivery_introduction: {
                                        status: boolean;
                                        update_time: string | null;
                                    } | null;
                                } | null;
                                data_connections_step: {
                                    onboarding_add_connection: boolean | null;
                                } | null;
                                data_pipeline_step: {
                                    onboarding_create_s2t: boolean | null;
                                    onboarding_view_activities: boolean | null;
                                } | null;
                                transform_and_orchestrate_step: {
                                    [key: string]: unknown;
                                } | null;
                                pre_built_solutions_step: {
                                    [key: string]: unknown;
                                } | null;
                                invite_member_step: {
                                    [key: string]: unknown;
                                } | null;
                            } | null;
                        }[];
                    };
                };
            };
            /** @description No credentials, or credentials that are not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Authenticated, but not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Not found, or not in this account */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            /** @description Where the problem is: the request part, then the field path */
                            loc: (string | number)[];
                            msg: string;
                            type: string;
                        }[];
                    };
                };
            };
        };
    };
    attach_detach_users: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The account id */
                account_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * AttachDetachUserToTeamEnum
                     * @description Operation if to detach or attache user to a team
                     * @enum {unknown}
                     */
                    operation: "attach" | "detach";
                    /** @description The team id */
                    team_id: string;
                    /** @description List of user ids */
                    user_ids: string[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        account_id: string;
                        team_id: string;
                        operation: string;
                        /** @description The users asked for */
                        user_ids: string[];
                        /** @description The users whose membership of the team changed (already attached or not a member: unchanged) */
                        changed_user_ids: string[];
                    };
                };
            };
            /** @description No credentials, or credentials that are not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Authenticated, but not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Not found, or not in this account */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            /** @description Where the problem is: the request part, then the field path */
                            loc: (string | number)[];
                            msg: string;
                            type: string;
                        }[];
                    };
                };
            };
        };
    };
    invite_user: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The account id */
                account_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The user name */
                    user_name: string;
                    /** @description The user email */
                    user_email: string;
                    /** @description Roles per environment: `{environment_id: {"role": role_key}}` */
                    environments: {
                        [key: string]: {
                            /** @description The role key, e.g. developer */
                            role: string;
                        };
                    };
                    /** @description Indicates if the user is allowed to login with password */
                    allow_login_password: boolean;
                    /**
                     * @description Indicates if the user is a admin
                     * @default false
                     */
                    is_admin?: boolean | null;
                    /**
                     * @description Indicates if the user is allowed to login with google
                     * @default false
                     */
                    allow_login_google?: boolean | null;
                    /**
                     * @description Indicates if the user is allowed to login with sso
                     * @default false
                     */
                    allow_login_sso?: boolean | null;
                    /**
                     * @description Indicates if the invitation is a re invite
                     * @default false
                     */
                    is_re_invite?: boolean | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The user id */
                        user_id: string;
                        /** @description The email of the user */
                        user_email: string;
                        /** @description The user name */
                        user_name: string;
                        /** @description The user environments and permission */
                        environments: {
                            [key: string]: {
                                role: string;
                            };
                        };
                        /** @description A flag that indicates whether the flag is admin */
                        is_admin: boolean;
                        /** @description The user status: `invited` until the invitation is accepted, then `active` */
                        status: string;
                        /** @description The user creation date */
                        created_at: string | null;
                        /** @description The user's last login date */
                        last_login: string | null;
                        /** @description The user last update date */
                        updated_at: string | null;
                        /**
                         * @description The user's groups (team ids)
                         * @default []
                         */
                        groups: string[];
                        /** @description The user source */
                        source: string;
                        /** @description The user who invited this user */
                        invited_by: string | null;
                        /**
                         * @description Indicates if the user is active
                         * @default true
                         */
                        is_active: boolean | null;
                        onboarding: {
                            know_rivery_step: {
                                onboarding_river_types: {
                                    status: boolean;
                                    update_time: string | null;
                                } | null;
                                onboarding_rivery_introduction: {
                                    status: boolean;
                                    update_time: string | null;
                                } | null;
                            } | null;
                            data_connections_step: {
                                onboarding_add_connection: boolean | null;
                            } | null;
                            data_pipeline_step: {
                                onboarding_create_s2t: boolean | null;
                                onboarding_view_activities: boolean | null;
                            } | null;
                            transform_and_orchestrate_step: {
                                [key: string]: unknown;
                            } | null;
                            pre_built_solutions_step: {
                                [key: string]: unknown;
                            } | null;
                            invite_member_step: {
                                [key: string]: unknown;
                            } | null;
                        } | null;
                        /** @description Indicates if the user is a super admin */
                        is_super_admin: boolean;
                        /** @description Indicates if the user is allowed to login with password */
                        allow_login_password: boolean;
                        /** @description Indicates if the user is allowed to login with google */
                        allow_login_google: boolean;
                        /** @description Indicates if the user is allowed to login with SSO */
                        allow_login_sso: boolean;
                    };
                };
            };
            /** @description No credentials, or credentials that are not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Authenticated, but not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Not found, or not in this account */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            /** @description Where the problem is: the request part, then the field path */
                            loc: (string | number)[];
                            msg: string;
                            type: string;
                        }[];
                    };
                };
            };
        };
    };
    re_invite_user: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The account id */
                account_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The user email */
                    user_email: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The user id */
                        user_id: string;
                        /** @description The email of the user */
                        user_email: string;
                        /** @description The user name */
                        user_name: string;
                        /** @description The user environments and permission */
                        environments: {
                            [key: string]: {
                                role: string;
                            };
                        };
                        /** @description A flag that indicates whether the flag is admin */
                        is_admin: boolean;
                        /** @description The user status: `invited` until the invitation is accepted, then `active` */
                        status: string;
                        /** @description The user creation date */
                        created_at: string | null;
                        /** @description The user's last login date */
                        last_login: string | null;
                        /** @description The user last update date */
                        updated_at: string | null;
                        /**
                         * @description The user's groups (team ids)
                         * @default []
                         */
                        groups: string[];
                        /** @description The user source */
                        source: string;
                        /** @description The user who invited this user */
                        invited_by: string | null;
                        /**
                         * @description Indicates if the user is active
                         * @default true
                         */
                        is_active: boolean | null;
                        onboarding: {
                            know_rivery_step: {
                                onboarding_river_types: {
                                    status: boolean;
                                    update_time: string | null;
                                } | null;
                                onboarding_rivery_introduction: {
                                    status: boolean;
                                    update_time: string | null;
                                } | null;
                            } | null;
                            data_connections_step: {
                                onboarding_add_connection: boolean | null;
                            } | null;
                            data_pipeline_step: {
                                onboarding_create_s2t: boolean | null;
                                onboarding_view_activities: boolean | null;
                            } | null;
                            transform_and_orchestrate_step: {
                                [key: string]: unknown;
                            } | null;
                            pre_built_solutions_step: {
                                [key: string]: unknown;
                            } | null;
                            invite_member_step: {
                                [key: string]: unknown;
                            } | null;
                        } | null;
                        /** @description Indicates if the user is a super admin */
                        is_super_admin: boolean;
                        /** @description Indicates if the user is allowed to login with password */
                        allow_login_password: boolean;
                        /** @description Indicates if the user is allowed to login with google */
                        allow_login_google: boolean;
                        /** @description Indicates if the user is allowed to login with SSO */
                        allow_login_sso: boolean;
                    };
                };
            };
            /** @description No credentials, or credentials that are not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Authenticated, but not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Not found, or not in this account */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            /** @description Where the problem is: the request part, then the field path */
                            loc: (string | number)[];
                            msg: string;
                            type: string;
                        }[];
                    };
                };
            };
        };
    };
    get_user: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The account id */
                account_id: string;
                /** @description The user id */
                user_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The user id */
                        user_id: string;
                        /** @description The email of the user */
                        user_email: string;
                        /** @description The user name */
                        user_name: string;
                        /** @description The user environments and permission */
                        environments: {
                            [key: string]: {
                                role: string;
                            };
                        };
                        /** @description A flag that indicates whether the flag is admin */
                        is_admin: boolean;
                        /** @description The user status: `invited` until the invitation is accepted, then `active` */
                        status: string;
                        /** @description The user creation date */
                        created_at: string | null;
                        /** @description The user's last login date */
                        last_login: string | null;
                        /** @description The user last update date */
                        updated_at: string | null;
                        /**
                         * @description The user's groups (team ids)
                         * @default []
                         */
                        groups: string[];
                        /** @description The user source */
                        source: string;
                        /** @description The user who invited this user */
                        invited_by: string | null;
                        /**
                         * @description Indicates if the user is active
                         * @default true
                         */
                        is_active: boolean | null;
                        onboarding: {
                            know_rivery_step: {
                                onboarding_river_types: {
                                    status: boolean;
                                    update_time: string | null;
                                } | null;
                                onboarding_rivery_introduction: {
                                    status: boolean;
                                    update_time: string | null;
                                } | null;
                            } | null;
                            data_connections_step: {
                                onboarding_add_connection: boolean | null;
                            } | null;
                            data_pipeline_step: {
                                onboarding_create_s2t: boolean | null;
                                onboarding_view_activities: boolean | null;
                            } | null;
                            transform_and_orchestrate_step: {
                                [key: string]: unknown;
                            } | null;
                            pre_built_solutions_step: {
                                [key: string]: unknown;
                            } | null;
                            invite_member_step: {
                                [key: string]: unknown;
                            } | null;
                        } | null;
                        /** @description Indicates if the user is a super admin */
                        is_super_admin: boolean;
                        /** @description Indicates if the user is allowed to login with password */
                        allow_login_password: boolean;
                        /** @description Indicates if the user is allowed to login with google */
                        allow_login_google: boolean;
                        /** @description Indicates if the user is allowed to login with SSO */
                        allow_login_sso: boolean;
                    };
                };
            };
            /** @description No credentials, or credentials that are not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Authenticated, but not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Not found, or not in this account */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            /** @description Where the problem is: the request part, then the field path */
                            loc: (string | number)[];
                            msg: string;
                            type: string;
                        }[];
                    };
                };
            };
        };
    };
    delete_user_from_account: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The account id */
                account_id: string;
                /** @description The user id */
                user_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        account_id: string;
                        user_id: string;
                        /** @description Always true: the membership is gone; the identity stays */
                        deleted: boolean;
                    };
                };
            };
            /** @description No credentials, or credentials that are not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Authenticated, but not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Not found, or not in this account */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            /** @description Where the problem is: the request part, then the field path */
                            loc: (string | number)[];
                            msg: string;
                            type: string;
                        }[];
                    };
                };
            };
        };
    };
    patch_user: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The account id */
                account_id: string;
                /** @description The user id */
                user_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The user name */
                    user_name?: string | null;
                    /** @description Environment dictionary that includes roles per environment (replaces the whole map) */
                    environments?: {
                        [key: string]: {
                            /** @description The role key, e.g. developer */
                            role: string;
                        };
                    } | null;
                    /** @description Indicate if the user admin */
                    is_admin?: boolean | null;
                    /** @description Indicate if allow to the user login with google */
                    allow_login_google?: boolean | null;
                    /** @description Indicate if allow to the user login with password */
                    allow_login_password?: boolean | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The user id */
                        user_id: string;
                        /** @description The email of the user */
                        user_email: string;
                        /** @description The user name */
                        user_name: string;
                        /** @description The user environments and permission */
                        environments: {
                            [key: string]: {
                                role: string;
                            };
                        };
                        /** @description A flag that indicates whether the flag is admin */
                        is_admin: boolean;
                        /** @description The user status: `invited` until the invitation is accepted, then `active` */
                        status: string;
                        /** @description The user creation date */
                        created_at: string | null;
                        /** @description The user's last login date */
                        last_login: string | null;
                        /** @description The user last update date */
                        updated_at: string | null;
                        /**
                         * @description The user's groups (team ids)
                         * @default []
                         */
                        groups: string[];
                        /** @description The user source */
                        source: string;
                        /** @description The user who invited this user */
                        invited_by: string | null;
                        /**
                         * @description Indicates if the user is active
                         * @default true
                         */
                        is_active: boolean | null;
                        onboarding: {
                            know_rivery_step: {
                                onboarding_river_types: {
                                    status: boolean;
                                    update_time: string | null;
                                } | null;
                                onboarding_rivery_introduction: {
                                    status: boolean;
                                    update_time: string | null;
                                } | null;
                            } | null;
                            data_connections_step: {
                                onboarding_add_connection: boolean | null;
                            } | null;
                            data_pipeline_step: {
                                onboarding_create_s2t: boolean | null;
                                onboarding_view_activities: boolean | null;
                            } | null;
                            transform_and_orchestrate_step: {
                                [key: string]: unknown;
                            } | null;
                            pre_built_solutions_step: {
                                [key: string]: unknown;
                            } | null;
                            invite_member_step: {
                                [key: string]: unknown;
                            } | null;
                        } | null;
                        /** @description Indicates if the user is a super admin */
                        is_super_admin: boolean;
                        /** @description Indicates if the user is allowed to login with password */
                        allow_login_password: boolean;
                        /** @description Indicates if the user is allowed to login with google */
                        allow_login_google: boolean;
                        /** @description Indicates if the user is allowed to login with SSO */
                        allow_login_sso: boolean;
                    };
                };
            };
            /** @description No credentials, or credentials that are not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Authenticated, but not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Not found, or not in this account */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            /** @description Where the problem is: the request part, then the field path */
                            loc: (string | number)[];
                            msg: string;
                            type: string;
                        }[];
                    };
                };
            };
        };
    };
    get_user_permissions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The account id */
                account_id: string;
                /** @description The user id */
                user_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Effective access per environment id; environments the user cannot enter are absent */
                        environments: {
                            [key: string]: {
                                /** @description The user's own role here, else the first of their teams' */
                                role: string | null;
                                /** @description Every role in effect here: own and through teams */
                                roles: string[];
                                /** @description The union of those roles’ privileges */
                                privileges: string[];
                            };
                        };
                        /** @description Account-wide privileges (admins) */
                        account_privileges: string[];
                    };
                };
            };
            /** @description No credentials, or credentials that are not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Authenticated, but not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Not found, or not in this account */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            /** @description Where the problem is: the request part, then the field path */
                            loc: (string | number)[];
                            msg: string;
                            type: string;
                        }[];
                    };
                };
            };
        };
    };
    update_user_source: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The account id */
                account_id: string;
                /** @description The user id */
                user_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * GroupOrUserSourceEnum
                     * @description The desired source of the user. For example, if the user should managed by active directory then the source should be active_directory
                     * @enum {unknown}
                     */
                    source: "rivery" | "active_directory";
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The user id */
                        user_id: string;
                        /** @description The email of the user */
                        user_email: string;
                        /** @description The user name */
                        user_name: string;
                        /** @description The user environments and permission */
                        environments: {
                            [key: string]: {
                                role: string;
                            };
                        };
                        /** @description A flag that indicates whether the flag is admin */
                        is_admin: boolean;
                        /** @description The user status: `invited` until the invitation is accepted, then `active` */
                        status: string;
                        /** @description The user creation date */
                        created_at: string | null;
                        /** @description The user's last login date */
                        last_login: string | null;
                        /** @description The user last update date */
                        updated_at: string | null;
                        /**
                         * @description The user's groups (team ids)
                         * @default []
                         */
                        groups: string[];
                        /** @description The user source */
                        source: string;
                        /** @description The user who invited this user */
                        invited_by: string | null;
                        /**
                         * @description Indicates if the user is active
                         * @default true
                         */
                        is_active: boolean | null;
                        onboarding: {
                            know_rivery_step: {
                                onboarding_river_types: {
                                    status: boolean;
                                    update_time: string | null;
                                } | null;
                                onboarding_rivery_introduction: {
                                    status: boolean;
                                    update_time: string | null;
                                } | null;
                            } | null;
                            data_connections_step: {
                                onboarding_add_connection: boolean | null;
                            } | null;
                            data_pipeline_step: {
                                onboarding_create_s2t: boolean | null;
                                onboarding_view_activities: boolean | null;
                            } | null;
                            transform_and_orchestrate_step: {
                                [key: string]: unknown;
                            } | null;
                            pre_built_solutions_step: {
                                [key: string]: unknown;
                            } | null;
                            invite_member_step: {
                                [key: string]: unknown;
                            } | null;
                        } | null;
                        /** @description Indicates if the user is a super admin */
                        is_super_admin: boolean;
                        /** @description Indicates if the user is allowed to login with password */
                        allow_login_password: boolean;
                        /** @description Indicates if the user is allowed to login with google */
                        allow_login_google: boolean;
                        /** @description Indicates if the user is allowed to login with SSO */
                        allow_login_sso: boolean;
                    };
                };
            };
            /** @description No credentials, or credentials that are not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Authenticated, but not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Not found, or not in this account */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            /** @description Where the problem is: the request part, then the field path */
                            loc: (string | number)[];
                            msg: string;
                            type: string;
                        }[];
                    };
                };
            };
        };
    };
    patch_active_user: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The account id */
                account_id: string;
                /** @description The user id */
                user_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The user is active flag */
                    is_active: boolean;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The user id */
                        user_id: string;
                        /** @description The email of the user */
                        user_email: string;
                        /** @description The user name */
                        user_name: string;
                        /** @description The user environments and permission */
                        environments: {
                            [key: string]: {
                                role: string;
                            };
                        };
                        /** @description A flag that indicates whether the flag is admin */
                        is_admin: boolean;
                        /** @description The user status: `invited` until the invitation is accepted, then `active` */
                        status: string;
                        /** @description The user creation date */
                        created_at: string | null;
                        /** @description The user's last login date */
                        last_login: string | null;
                        /** @description The user last update date */
                        updated_at: string | null;
                        /**
                         * @description The user's groups (team ids)
                         * @default []
                         */
                        groups: string[];
                        /** @description The user source */
                        source: string;
                        /** @description The user who invited this user */
                        invited_by: string | null;
                        /**
                         * @description Indicates if the user is active
                         * @default true
                         */
                        is_active: boolean | null;
                        onboarding: {
                            know_rivery_step: {
                                onboarding_river_types: {
                                    status: boolean;
                                    update_time: string | null;
                                } | null;
                                onboarding_rivery_introduction: {
                                    status: boolean;
                                    update_time: string | null;
                                } | null;
                            } | null;
                            data_connections_step: {
                                onboarding_add_connection: boolean | null;
                            } | null;
                            data_pipeline_step: {
                                onboarding_create_s2t: boolean | null;
                                onboarding_view_activities: boolean | null;
                            } | null;
                            transform_and_orchestrate_step: {
                                [key: string]: unknown;
                            } | null;
                            pre_built_solutions_step: {
                                [key: string]: unknown;
                            } | null;
                            invite_member_step: {
                                [key: string]: unknown;
                            } | null;
                        } | null;
                        /** @description Indicates if the user is a super admin */
                        is_super_admin: boolean;
                        /** @description Indicates if the user is allowed to login with password */
                        allow_login_password: boolean;
                        /** @description Indicates if the user is allowed to login with google */
                        allow_login_google: boolean;
                        /** @description Indicates if the user is allowed to login with SSO */
                        allow_login_sso: boolean;
                    };
                };
            };
            /** @description No credentials, or credentials that are not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Authenticated, but not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Not found, or not in this account */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            /** @description Where the problem is: the request part, then the field path */
                            loc: (string | number)[];
                            msg: string;
                            type: string;
                        }[];
                    };
                };
            };
        };
    };
    list_environments: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The account id */
                account_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The account id */
                        account_id: string;
                        /** @description Every environment of the account, oldest first */
                        items: {
                            /** @description The environment id */
                            environment_id: string;
                            /** @description The environment name */
                            name: string;
                            /** @description When the environment was created (UTC, `YYYY-MM-DDTHH:MM:SS.ffffff`) */
                            created_at: string;
                            /** @description When the environment was last renamed (UTC, `YYYY-MM-DDTHH:MM:SS.ffffff`) */
                            updated_at: string;
                        }[];
                    };
                };
            };
            /** @description No credentials, or credentials that are not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Authenticated, but not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Not found, or not in this account */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
        };
    };
    create_environment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The account id */
                account_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The environment name, unique in the account (compared case-insensitively) */
                    name: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The environment id */
                        environment_id: string;
                        /** @description The environment name */
                        name: string;
                        /** @description When the environment was created (UTC, `YYYY-MM-DDTHH:MM:SS.ffffff`) */
                        created_at: string;
                        /** @description When the environment was last renamed (UTC, `YYYY-MM-DDTHH:MM:SS.ffffff`) */
                        updated_at: string;
                    };
                };
            };
            /** @description No credentials, or credentials that are not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Authenticated, but not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Not found, or not in this account */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            /** @description Where the problem is: the request part, then the field path */
                            loc: (string | number)[];
                            msg: string;
                            type: string;
                        }[];
                    };
                };
            };
        };
    };
    get_environment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The account id */
                account_id: string;
                /** @description The environment id */
                env_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The environment id */
                        environment_id: string;
                        /** @description The environment name */
                        name: string;
                        /** @description When the environment was created (UTC, `YYYY-MM-DDTHH:MM:SS.ffffff`) */
                        created_at: string;
                        /** @description When the environment was last renamed (UTC, `YYYY-MM-DDTHH:MM:SS.ffffff`) */
                        updated_at: string;
                    };
                };
            };
            /** @description No credentials, or credentials that are not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Authenticated, but not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Not found, or not in this account */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            /** @description Where the problem is: the request part, then the field path */
                            loc: (string | number)[];
                            msg: string;
                            type: string;
                        }[];
                    };
                };
            };
        };
    };
    delete_environment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The account id */
                account_id: string;
                /** @description The environment id */
                env_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The deleted environment id */
                        environment_id: string;
                        /** @description Users who had a role in the environment and lost it */
                        users_updated: number;
                        /** @description Teams that had a role in the environment and lost it */
                        teams_updated: number;
                    };
                };
            };
            /** @description No credentials, or credentials that are not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Authenticated, but not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Not found, or not in this account */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            /** @description Where the problem is: the request part, then the field path */
                            loc: (string | number)[];
                            msg: string;
                            type: string;
                        }[];
                    };
                };
            };
        };
    };
    rename_environment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The account id */
                account_id: string;
                /** @description The environment id */
                env_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The environment name, unique in the account (compared case-insensitively) */
                    name: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The environment id */
                        environment_id: string;
                        /** @description The environment name */
                        name: string;
                        /** @description When the environment was created (UTC, `YYYY-MM-DDTHH:MM:SS.ffffff`) */
                        created_at: string;
                        /** @description When the environment was last renamed (UTC, `YYYY-MM-DDTHH:MM:SS.ffffff`) */
                        updated_at: string;
                    };
                };
            };
            /** @description No credentials, or credentials that are not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Authenticated, but not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Not found, or not in this account */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            /** @description Where the problem is: the request part, then the field path */
                            loc: (string | number)[];
                            msg: string;
                            type: string;
                        }[];
                    };
                };
            };
        };
    };
    list_roles: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The account id */
                account_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The account id */
                        account_id: string;
                        /** @description Built-in roles first, then custom roles oldest first */
                        items: {
                            /** @description The role key, as given in `environments` maps */
                            key: string;
                            /** @description The role name */
                            name: string;
                            /** @description What the role is for */
                            description: string;
                            /** @description The privileges the role gives */
                            privileges: string[];
                            /** @description Built-in roles are the same in every account and cannot change */
                            built_in: boolean;
                            /** @description When the role was created (UTC, `YYYY-MM-DDTHH:MM:SS.ffffff`); null for built-in roles */
                            created_at: string | null;
                            /** @description When the role was last changed (UTC, `YYYY-MM-DDTHH:MM:SS.ffffff`); null for built-in roles */
                            updated_at: string | null;
                        }[];
                    };
                };
            };
            /** @description No credentials, or credentials that are not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Authenticated, but not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Not found, or not in this account */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
        };
    };
    create_role: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The account id */
                account_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The role key: lower-case letters, digits and `_`, unique in the account */
                    key: string;
                    /** @description The role name */
                    name: string;
                    /** @description What the role is for */
                    description?: string;
                    /** @description Privilege keys from `GET /v1/privileges` */
                    privileges: string[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The role key, as given in `environments` maps */
                        key: string;
                        /** @description The role name */
                        name: string;
                        /** @description What the role is for */
                        description: string;
                        /** @description The privileges the role gives */
                        privileges: string[];
                        /** @description Built-in roles are the same in every account and cannot change */
                        built_in: boolean;
                        /** @description When the role was created (UTC, `YYYY-MM-DDTHH:MM:SS.ffffff`); null for built-in roles */
                        created_at: string | null;
                        /** @description When the role was last changed (UTC, `YYYY-MM-DDTHH:MM:SS.ffffff`); null for built-in roles */
                        updated_at: string | null;
                    };
                };
            };
            /** @description No credentials, or credentials that are not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Authenticated, but not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Not found, or not in this account */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            /** @description Where the problem is: the request part, then the field path */
                            loc: (string | number)[];
                            msg: string;
                            type: string;
                        }[];
                    };
                };
            };
        };
    };
    get_role: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The account id */
                account_id: string;
                /** @description The role key */
                role_key: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The role key, as given in `environments` maps */
                        key: string;
                        /** @description The role name */
                        name: string;
                        /** @description What the role is for */
                        description: string;
                        /** @description The privileges the role gives */
                        privileges: string[];
                        /** @description Built-in roles are the same in every account and cannot change */
                        built_in: boolean;
                        /** @description When the role was created (UTC, `YYYY-MM-DDTHH:MM:SS.ffffff`); null for built-in roles */
                        created_at: string | null;
                        /** @description When the role was last changed (UTC, `YYYY-MM-DDTHH:MM:SS.ffffff`); null for built-in roles */
                        updated_at: string | null;
                    };
                };
            };
            /** @description No credentials, or credentials that are not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Authenticated, but not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Not found, or not in this account */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            /** @description Where the problem is: the request part, then the field path */
                            loc: (string | number)[];
                            msg: string;
                            type: string;
                        }[];
                    };
                };
            };
        };
    };
    delete_role: {
        parameters: {
            query?: {
                /** @description Move every user and team holding the role to this role (built-in or custom) first */
                reassign_to?: string;
            };
            header?: never;
            path: {
                /** @description The account id */
                account_id: string;
                /** @description The role key */
                role_key: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The deleted role key */
                        key: string;
                        /** @description The role its holders were moved to, if any */
                        reassigned_to: string | null;
                        /** @description Users moved to `reassigned_to` */
                        users_moved: number;
                        /** @description Teams moved to `reassigned_to` */
                        teams_moved: number;
                    };
                };
            };
            /** @description No credentials, or credentials that are not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Authenticated, but not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Not found, or not in this account */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            /** @description Where the problem is: the request part, then the field path */
                            loc: (string | number)[];
                            msg: string;
                            type: string;
                        }[];
                    };
                };
            };
        };
    };
    update_role: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The account id */
                account_id: string;
                /** @description The role key */
                role_key: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The role name */
                    name?: string;
                    /** @description What the role is for */
                    description?: string;
                    /** @description Privilege keys from `GET /v1/privileges` */
                    privileges?: string[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The role key, as given in `environments` maps */
                        key: string;
                        /** @description The role name */
                        name: string;
                        /** @description What the role is for */
                        description: string;
                        /** @description The privileges the role gives */
                        privileges: string[];
                        /** @description Built-in roles are the same in every account and cannot change */
                        built_in: boolean;
                        /** @description When the role was created (UTC, `YYYY-MM-DDTHH:MM:SS.ffffff`); null for built-in roles */
                        created_at: string | null;
                        /** @description When the role was last changed (UTC, `YYYY-MM-DDTHH:MM:SS.ffffff`); null for built-in roles */
                        updated_at: string | null;
                    };
                };
            };
            /** @description No credentials, or credentials that are not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Authenticated, but not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Not found, or not in this account */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            /** @description Where the problem is: the request part, then the field path */
                            loc: (string | number)[];
                            msg: string;
                            type: string;
                        }[];
                    };
                };
            };
        };
    };
    list_teams: {
        parameters: {
            query: {
                /** @description The page number */
                page: number;
                /** @description Items per page */
                items_per_page: number;
            };
            header?: never;
            path: {
                /** @description The account id */
                account_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The next page URL */
                        next_page: string | null;
                        /** @description The previous page URL */
                        previous_page: string | null;
                        /** @description The page number */
                        page: number;
                        /** @description The current page size */
                        current_page_size: number;
                        /** @description The number of the account's teams */
                        total_items: number;
                        /** @description The account id */
                        account_id: string;
                        /** @description The teams, by name */
                        items: {
                            /** @description The team id */
                            team_id: string;
                            /** @description The team name */
                            name: string;
                            /** @description What the team is for */
                            description: string;
                            /** @description The role the team gives its members in each environment: `{environment_id: {"role": key}}` */
                            environments: {
                                [key: string]: {
                                    role: string;
                                };
                            };
                            /** @description Who manages the team: `rivery` or `active_directory` */
                            source: string;
                            /** @description How many users are in the team */
                            user_count: number;
                            /** @description When the team was created (UTC, `YYYY-MM-DDTHH:MM:SS.ffffff`) */
                            created_at: string;
                            /** @description When the team last changed (UTC, `YYYY-MM-DDTHH:MM:SS.ffffff`) */
                            updated_at: string;
                        }[];
                    };
                };
            };
            /** @description No credentials, or credentials that are not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Authenticated, but not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Not found, or not in this account */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            /** @description Where the problem is: the request part, then the field path */
                            loc: (string | number)[];
                            msg: string;
                            type: string;
                        }[];
                    };
                };
            };
        };
    };
    create_team: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The account id */
                account_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The team name: unique in the account (case-insensitively), surrounding spaces trimmed */
                    name: string;
                    /** @description What the team is for */
                    description?: string;
                    /** @description Roles per environment: `{environment_id: {"role": role_key}}` */
                    environments?: {
                        [key: string]: {
                            /** @description The role key, e.g. developer */
                            role: string;
                        };
                    };
                    /**
                     * GroupOrUserSourceEnum
                     * @description Who manages the team: `rivery` (here) or `active_directory`
                     * @enum {unknown}
                     */
                    source?: "rivery" | "active_directory";
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The team id */
                        team_id: string;
                        /** @description The team name */
                        name: string;
                        /** @description What the team is for */
                        description: string;
                        /** @description The role the team gives its members in each environment: `{environment_id: {"role": key}}` */
                        environments: {
                            [key: string]: {
                                role: string;
                            };
                        };
                        /** @description Who manages the team: `rivery` or `active_directory` */
                        source: string;
                        /** @description How many users are in the team */
                        user_count: number;
                        /** @description When the team was created (UTC, `YYYY-MM-DDTHH:MM:SS.ffffff`) */
                        created_at: string;
                        /** @description When the team last changed (UTC, `YYYY-MM-DDTHH:MM:SS.ffffff`) */
                        updated_at: string;
                    };
                };
            };
            /** @description No credentials, or credentials that are not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Authenticated, but not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Not found, or not in this account */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            /** @description Where the problem is: the request part, then the field path */
                            loc: (string | number)[];
                            msg: string;
                            type: string;
                        }[];
                    };
                };
            };
        };
    };
    get_team: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The account id */
                account_id: string;
                /** @description The team id */
                team_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The team id */
                        team_id: string;
                        /** @description The team name */
                        name: string;
                        /** @description What the team is for */
                        description: string;
                        /** @description The role the team gives its members in each environment: `{environment_id: {"role": key}}` */
                        environments: {
                            [key: string]: {
                                role: string;
                            };
                        };
                        /** @description Who manages the team: `rivery` or `active_directory` */
                        source: string;
                        /** @description How many users are in the team */
                        user_count: number;
                        /** @description When the team was created (UTC, `YYYY-MM-DDTHH:MM:SS.ffffff`) */
                        created_at: string;
                        /** @description When the team last changed (UTC, `YYYY-MM-DDTHH:MM:SS.ffffff`) */
                        updated_at: string;
                    };
                };
            };
            /** @description No credentials, or credentials that are not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Authenticated, but not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Not found, or not in this account */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            /** @description Where the problem is: the request part, then the field path */
                            loc: (string | number)[];
                            msg: string;
                            type: string;
                        }[];
                    };
                };
            };
        };
    };
    delete_team: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The account id */
                account_id: string;
                /** @description The team id */
                team_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        account_id: string;
                        team_id: string;
                        /** @description Always true: the team is gone */
                        deleted: boolean;
                        /** @description How many users were in the team and lost its roles */
                        user_count: number;
                    };
                };
            };
            /** @description No credentials, or credentials that are not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Authenticated, but not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Not found, or not in this account */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            /** @description Where the problem is: the request part, then the field path */
                            loc: (string | number)[];
                            msg: string;
                            type: string;
                        }[];
                    };
                };
            };
        };
    };
    patch_team: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The account id */
                account_id: string;
                /** @description The team id */
                team_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The team name: unique in the account (case-insensitively), surrounding spaces trimmed */
                    name?: string;
                    /** @description What the team is for */
                    description?: string;
                    /** @description Roles per environment: `{environment_id: {"role": role_key}}` (replaces the whole map) */
                    environments?: {
                        [key: string]: {
                            /** @description The role key, e.g. developer */
                            role: string;
                        };
                    };
                    /**
                     * GroupOrUserSourceEnum
                     * @description Who manages the team: `rivery` (here) or `active_directory`
                     * @enum {unknown}
                     */
                    source?: "rivery" | "active_directory";
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The team id */
                        team_id: string;
                        /** @description The team name */
                        name: string;
                        /** @description What the team is for */
                        description: string;
                        /** @description The role the team gives its members in each environment: `{environment_id: {"role": key}}` */
                        environments: {
                            [key: string]: {
                                role: string;
                            };
                        };
                        /** @description Who manages the team: `rivery` or `active_directory` */
                        source: string;
                        /** @description How many users are in the team */
                        user_count: number;
                        /** @description When the team was created (UTC, `YYYY-MM-DDTHH:MM:SS.ffffff`) */
                        created_at: string;
                        /** @description When the team last changed (UTC, `YYYY-MM-DDTHH:MM:SS.ffffff`) */
                        updated_at: string;
                    };
                };
            };
            /** @description No credentials, or credentials that are not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Authenticated, but not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Not found, or not in this account */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            /** @description Where the problem is: the request part, then the field path */
                            loc: (string | number)[];
                            msg: string;
                            type: string;
                        }[];
                    };
                };
            };
        };
    };
    list_team_users: {
        parameters: {
            query: {
                /** @description Query parameter for filtering by email */
                email?: string;
                /** @description Query parameter for filtering name in email or user name */
                name?: string;
                page: number;
                items_per_page: number;
                /** @description User sort properties in the UI. */
                sort_by: "user_name" | "created_at" | "last_login" | "user_email" | "invited_by" | "is_admin" | "source";
                /** @description Sorting can be either asc or desc, used in the api-service */
                sort_order: "desc" | "asc";
            };
            header?: never;
            path: {
                /** @description The account id */
                account_id: string;
                /** @description The team id */
                team_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The next page URL */
                        next_page: string | null;
                        /** @description The previous page URL */
                        previous_page: string | null;
                        /**
                         * @description The page number
                         * @default 1
                         */
                        page: number;
                        /** @description The current page size */
                        current_page_size: number;
                        /**
                         * @description The total number of entities fetched
                         * @default 0
                         */
                        total_items: number;
                        /** @description The account id */
                        account_id: string;
                        items: {
                            /** @description The user id */
                            user_id: string;
                            /** @description The email of the user */
                            user_email: string;
                            /** @description The user name */
                            user_name: string;
                            /** @description The user environments and permission */
                            environments: {
                                [key: string]: {
                                    role: string;
                                };
                            };
                            /** @description A flag that indicates whether the flag is admin */
                            is_admin: boolean;
                            /** @description The user status: `invited` until the invitation is accepted, then `active` */
                            status: string;
                            /** @description The user creation date */
                            created_at: string | null;
                            /** @description The user's last login date */
                            last_login: string | null;
                            /** @description The user last update date */
                            updated_at: string | null;
                            /**
                             * @description The user's groups (team ids)
                             * @default []
                             */
                            groups: string[];
                            /** @description The user source */
                            source: string;
                            /** @description The user who invited this user */
                            invited_by: string | null;
                            /**
                             * @description Indicates if the user is active
                             * @default true
                             */
                            is_active: boolean | null;
                            onboarding: {
                                know_rivery_step: {
                                    onboarding_river_types: {
                                        status: boolean;
                                        update_time: string | null;
                                    } | null;
                                    onboarding_rivery_introduction: {
                                        status: boolean;
                                        update_time: string | null;
                                    } | null;
                                } | null;
                                data_connections_step: {
                                    onboarding_add_connection: boolean | null;
                                } | null;
                                data_pipeline_step: {
                                    onboarding_create_s2t: boolean | null;
                                    onboarding_view_activities: boolean | null;
                                } | null;
                                transform_and_orchestrate_step: {
                                    [key: string]: unknown;
                                } | null;
                                pre_built_solutions_step: {
                                    [key: string]: unknown;
                                } | null;
                                invite_member_step: {
                                    [key: string]: unknown;
                                } | null;
                            } | null;
                        }[];
                    };
                };
            };
            /** @description No credentials, or credentials that are not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Authenticated, but not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Not found, or not in this account */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            /** @description Where the problem is: the request part, then the field path */
                            loc: (string | number)[];
                            msg: string;
                            type: string;
                        }[];
                    };
                };
            };
        };
    };
    list_api_tokens: {
        parameters: {
            query: {
                page: number;
                items_per_page: number;
                /** @description Only the tokens this user owns; a caller without `tokens:manage` sees only their own anyway */
                owner_id?: string;
            };
            header?: never;
            path: {
                /** @description The account id */
                account_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The next page URL */
                        next_page: string | null;
                        /** @description The previous page URL */
                        previous_page: string | null;
                        /** @description The page number */
                        page: number;
                        /** @description The current page size */
                        current_page_size: number;
                        /** @description How many tokens the caller may see in all */
                        total_items: number;
                        /** @description The account id */
                        account_id: string;
                        /** @description Newest first */
                        items: {
                            /** @description The API token id */
                            token_id: string;
                            /** @description The token name */
                            name: string;
                            /** @description The user the token acts for */
                            owner_id: string;
                            /** @description The email of the token’s owner */
                            owner_email: string;
                            /** @description What the token may do, within what its owner may do */
                            scopes: string[];
                            /** @description When the token was created (UTC, `YYYY-MM-DDTHH:MM:SS.ffffff`) */
                            created_at: string;
                            /** @description null: never */
                            expires_at: string | null;
                            /** @description Recorded once a minute at most; null: never used */
                            last_used_at: string | null;
                            /** @description The address the token was last used from */
                            last_used_ip: string | null;
                        }[];
                    };
                };
            };
            /** @description No credentials, or credentials that are not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Authenticated, but not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Not found, or not in this account */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            /** @description Where the problem is: the request part, then the field path */
                            loc: (string | number)[];
                            msg: string;
                            type: string;
                        }[];
                    };
                };
            };
        };
    };
    create_api_token: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The account id */
                account_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description A name for the token, unique in the account (case-insensitively); spaces around it are dropped */
                    name: string;
                    /** @description Scopes from `GET /v1/scopes`; each must be held by the token making this call */
                    scopes: string[];
                    /** @description When the token stops working: an ISO 8601 date-time in the future (UTC when it has no zone). Omitted: never */
                    expires_at?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The API token id */
                        token_id: string;
                        /** @description The token name */
                        name: string;
                        /** @description The user the token acts for */
                        owner_id: string;
                        /** @description The email of the token’s owner */
                        owner_email: string;
                        /** @description What the token may do, within what its owner may do */
                        scopes: string[];
                        /** @description When the token was created (UTC, `YYYY-MM-DDTHH:MM:SS.ffffff`) */
                        created_at: string;
                        /** @description null: never */
                        expires_at: string | null;
                        /** @description Recorded once a minute at most; null: never used */
                        last_used_at: string | null;
                        /** @description The address the token was last used from */
                        last_used_ip: string | null;
                        /** @description The secret, shown this once: Steward keeps only a hash of it */
                        token: string;
                    };
                };
            };
            /** @description No credentials, or credentials that are not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Authenticated, but not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Not found, or not in this account */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            /** @description Where the problem is: the request part, then the field path */
                            loc: (string | number)[];
                            msg: string;
                            type: string;
                        }[];
                    };
                };
            };
        };
    };
    revoke_api_token: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The account id */
                account_id: string;
                /** @description The API token id */
                token_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        account_id: string;
                        token_id: string;
                        /** @description Always true: the token no longer works, on any server */
                        deleted: boolean;
                    };
                };
            };
            /** @description No credentials, or credentials that are not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Authenticated, but not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Not found, or not in this account */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            /** @description Where the problem is: the request part, then the field path */
                            loc: (string | number)[];
                            msg: string;
                            type: string;
                        }[];
                    };
                };
            };
        };
    };
    get_security_settings: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The account id */
                account_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Minutes without a request after which a signed-in session ends (5 to 43,200; default 60) */
                        idle_timeout_minutes: number;
                        /** @description How many sessions one person may have at once; signing in once more ends the oldest (1 to 100; default 10) */
                        max_sessions_per_user: number;
                        /** @description Members without two-factor authentication must enrol before they can do anything else */
                        require_two_factor: boolean;
                        /** PasswordPolicy */
                        password_policy: {
                            /** @description Shortest password accepted, in characters (8 to 64; default 12) */
                            min_length: number;
                            /** @description How many of the four character classes (lower case, upper case, digits, symbols) a password must mix; 0 (the default): no such rule */
                            character_classes: number;
                            /** @description How many earlier passwords may not be used again; 0 (the default): no such rule */
                            history_count: number;
                            /** @description Days after which a password must be changed; null (the default): never */
                            max_age_days: number | null;
                        };
                        /** @description IPv4/IPv6 addresses and CIDR ranges API tokens are accepted from; empty: from anywhere */
                        trusted_ips: string[];
                        /** @description When the settings last changed (UTC, `YYYY-MM-DDTHH:MM:SS.ffffff`); null: never, defaults apply */
                        updated_at: string | null;
                    };
                };
            };
            /** @description No credentials, or credentials that are not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Authenticated, but not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Not found, or not in this account */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
        };
    };
    patch_security_settings: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The account id */
                account_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Minutes without a request after which a signed-in session ends (5 to 43,200; default 60) */
                    idle_timeout_minutes?: number;
                    /** @description How many sessions one person may have at once; signing in once more ends the oldest (1 to 100; default 10) */
                    max_sessions_per_user?: number;
                    /** @description Members without two-factor authentication must enrol before they can do anything else */
                    require_two_factor?: boolean;
                    /** @description Only the rules given change */
                    password_policy?: {
                        /** @description Shortest password accepted, in characters (8 to 64; default 12) */
                        min_length?: number;
                        /** @description How many of the four character classes (lower case, upper case, digits, symbols) a password must mix; 0 (the default): no such rule */
                        character_classes?: number;
                        /** @description How many earlier passwords may not be used again; 0 (the default): no such rule */
                        history_count?: number;
                        /** @description Days after which a password must be changed; null (the default): never */
                        max_age_days?: number | null;
                    };
                    /** @description Replaces the list: addresses (`203.0.113.7`, `2001:db8::1`) and CIDR ranges (`203.0.113.0/24`). It must include the address of the request making the change. An empty list accepts tokens from anywhere */
                    trusted_ips?: string[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Minutes without a request after which a signed-in session ends (5 to 43,200; default 60) */
                        idle_timeout_minutes: number;
                        /** @description How many sessions one person may have at once; signing in once more ends the oldest (1 to 100; default 10) */
                        max_sessions_per_user: number;
                        /** @description Members without two-factor authentication must enrol before they can do anything else */
                        require_two_factor: boolean;
                        /** PasswordPolicy */
                        password_policy: {
                            /** @description Shortest password accepted, in characters (8 to 64; default 12) */
                            min_length: number;
                            /** @description How many of the four character classes (lower case, upper case, digits, symbols) a password must mix; 0 (the default): no such rule */
                            character_classes: number;
                            /** @description How many earlier passwords may not be used again; 0 (the default): no such rule */
                            history_count: number;
                            /** @description Days after which a password must be changed; null (the default): never */
                            max_age_days: number | null;
                        };
                        /** @description IPv4/IPv6 addresses and CIDR ranges API tokens are accepted from; empty: from anywhere */
                        trusted_ips: string[];
                        /** @description When the settings last changed (UTC, `YYYY-MM-DDTHH:MM:SS.ffffff`); null: never, defaults apply */
                        updated_at: string | null;
                    };
                };
            };
            /** @description No credentials, or credentials that are not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Authenticated, but not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Not found, or not in this account */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            /** @description Where the problem is: the request part, then the field path */
                            loc: (string | number)[];
                            msg: string;
                            type: string;
                        }[];
                    };
                };
            };
        };
    };
    publish_event: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The account id */
                account_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description Which subscribers get it: the alert of the same kind
                     * @enum {unknown}
                     */
                    type: "runtime_status" | "execution_status" | "user_notification";
                    /** @description One line: the mail subject, after the account name */
                    subject: string;
                    /** @description The text of the mail */
                    message: string;
                    /**
                     * @description Shown in the mail; default `info`
                     * @enum {unknown}
                     */
                    severity?: "info" | "warning" | "error";
                    /** @description The environment the event happened in, when there is one */
                    environment_id?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description How many mails were queued: one per subscriber of the event’s kind */
                        queued: number;
                    };
                };
            };
            /** @description No credentials, or credentials that are not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Authenticated, but not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Not found, or not in this account */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            /** @description Where the problem is: the request part, then the field path */
                            loc: (string | number)[];
                            msg: string;
                            type: string;
                        }[];
                    };
                };
            };
        };
    };
    list_user_sessions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The account id */
                account_id: string;
                /** @description The user id */
                user_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            session_id: string;
                            /** @description How the person signed in */
                            method: "password" | "google" | "sso";
                            /** @description The account the session works in */
                            account_id: string | null;
                            /** @description When the person signed in (UTC, `YYYY-MM-DDTHH:MM:SS.ffffff`) */
                            created_at: string;
                            /** @description The last request, to the minute (UTC, `YYYY-MM-DDTHH:MM:SS.ffffff`) */
                            last_seen_at: string;
                            /** @description When the session ends whatever its activity (UTC, `YYYY-MM-DDTHH:MM:SS.ffffff`) */
                            expires_at: string;
                            /** @description The address it signed in from */
                            client_ip: string | null;
                            user_agent: string | null;
                            /** @description Whether this is the session making the request */
                            current: boolean;
                        }[];
                    };
                };
            };
            /** @description No credentials, or credentials that are not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Authenticated, but not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Not found, or not in this account */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            /** @description Where the problem is: the request part, then the field path */
                            loc: (string | number)[];
                            msg: string;
                            type: string;
                        }[];
                    };
                };
            };
        };
    };
    end_user_sessions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The account id */
                account_id: string;
                /** @description The user id */
                user_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description How many sessions ended */
                        ended_sessions: number;
                    };
                };
            };
            /** @description No credentials, or credentials that are not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Authenticated, but not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Not found, or not in this account */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What went wrong */
                        detail: string;
                    };
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            /** @description Where the problem is: the request part, then the field path */
                            loc: (string | number)[];
                            msg: string;
                            type: string;
                        }[];
                    };
                };
            };
        };
    };
}
