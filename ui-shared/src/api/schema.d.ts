// Generated from the engine's route contracts (engine/src/api/contract) by `npm run api-types`.
// Do not edit: change a contract and run it again (engine/test/route-schemas.api.test.ts fails while this is stale).
// A schema that describes a @lodestar/core type (`x-core-type`) is that type, so each is defined once.

import type * as core from '@lodestar/core';

export interface paths {
    "/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in with email and password: a session token for 12 hours */
        post: operations["login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/setup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether the first administrator still has to be created */
        get: operations["setupNeeded"];
        put?: never;
        /** Create the first administrator (only while no user exists) */
        post: operations["setup"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End this session */
        post: operations["logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Change one’s own password with the current one; other sessions end */
        post: operations["changePassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in user */
        get: operations["me"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller’s API keys (never the secret) */
        get: operations["listApiKeys"];
        put?: never;
        /** A new API key; its secret is shown once */
        post: operations["createApiKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/api-keys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke one of the caller’s API keys */
        delete: operations["revokeApiKey"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/org-units": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The org chart */
        get: operations["listOrgUnits"];
        put?: never;
        /** Add an org unit */
        post: operations["createOrgUnit"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/org-units/{id}": {
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
         * Rename an org unit or move it (with the units below it) under another parent
         * @description A move under the unit itself or one of its own units is refused (422 at `/parentId`, naming both units).
         */
        patch: operations["updateOrgUnit"];
        trace?: never;
    };
    "/admin/users/invites/check": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Read a bulk invite’s CSV (or corrected rows) and name every row’s problems; creates nobody
         * @description Send the file as `file` (base64 of a CSV in UTF-8 with or without BOM, or GBK/GB18030 as Chinese Excel saves it; columns 姓名/name, 邮箱/email, 角色/role, 上级/manager, 部门/team) or the rows as `rows`.
         */
        post: operations["checkInvites"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/users/invites": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create every row’s user with a one-time password, all or none
         * @description Rows as `checkInvites` returns them. Any problem refuses the whole invite (422, an issue per cell at `/rows/<index>/<column>` with `row` and `column` as params). Each user must change the password at first sign-in.
         */
        post: operations["inviteUsers"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every user, with `signInBlockedUntil` while sign-in is throttled and `lastLoginAt` (null: never signed in) */
        get: operations["listUsers"];
        put?: never;
        /** Add a user; they change the given password at first sign-in */
        post: operations["createUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/users/{id}": {
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
        /** Change a user’s roles, org unit, manager, name or active flag */
        patch: operations["updateUser"];
        trace?: never;
    };
    "/admin/users/{id}/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Set a temporary password the user must change at next sign-in */
        post: operations["resetPassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/users/{id}/unlock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Lift every sign-in throttle on the user */
        post: operations["unlockUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/handover": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Move one user’s records (or the open ones) to another, audited per record
         * @description Name each user by id or email. Which users exist, are active and differ, and which entities have owners, is checked against the data (422 at the member).
         */
        post: operations["handover"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The audit trail of any audited object, newest first */
        get: operations["readAudit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/calendar/hours": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The working hours of a business day */
        get: operations["readWorkingHours"];
        /**
         * Replace the working hours of a business day
         * @description Business-hour timers and SLAs count on the new hours, pending ones too: each is computed again from what it counts from and moved.
         */
        put: operations["replaceWorkingHours"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/calendar/{year}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The holidays and make-up workdays of one year */
        get: operations["readCalendarYear"];
        /**
         * Replace the holidays and make-up workdays of one year
         * @description Business-day timers and SLAs count on the new calendar, pending ones too: each is computed again from what it counts from (entering its state, or its date field) and moved.
         */
        put: operations["replaceCalendarYear"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/views/{entity}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's saved list views of an entity by name, then those shared with the caller's org unit (or one above it) or roles */
        get: operations["savedViewsList"];
        put?: never;
        /** Save a list view; a name the caller already uses for the entity replaces its query */
        post: operations["savedViewsSave"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/views/{entity}/{id}/sharing": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Share a view with an org unit or a role (its owner, or an administrator); `{}` unshares */
        put: operations["savedViewsShare"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/views/{entity}/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete one of the caller's views (an administrator: anyone's) */
        delete: operations["savedViewsDelete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Active users by display name (owner names, owner filters, pickers) */
        get: operations["usersDirectory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/my-day": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What the caller owns that is due today, overdue, to be reminded of today, past its SLA or stuck */
        get: operations["myDay"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/delegations/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's delegation of approvals, and who delegated theirs to the caller */
        get: operations["delegationMine"];
        /** Delegate the caller's approvals to another active user for a period (replaces the caller's delegation) */
        put: operations["delegationSetMine"];
        post?: never;
        /** End the caller's delegation */
        delete: operations["delegationClearMine"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/delegations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every delegation running or to come (administrators) */
        get: operations["delegationList"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/delegations/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set a user's delegation of approvals (administrators) */
        put: operations["delegationSet"];
        post?: never;
        /** End a user's delegation (administrators) */
        delete: operations["delegationClear"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's notifications, unread first or newest first, with the unread count */
        get: operations["notificationsList"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/notifications/stream": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The caller's inbox as server-sent events: the unread count and new notifications as they arrive
         * @description An `inbox` event at once and whenever a notification reaches the caller or one is marked read (in any engine process): `{ unread, items, approvals }`, `items` being the notifications newer than the `Last-Event-ID` header (newest first, at most 20), `approvals` those about a record awaiting the caller's decision. Without the header the stream starts from now. A comment line every 25 s; an `end` event before the stream closes because the token stopped holding. Send the bearer token in `Authorization` (read the stream with fetch); at most 5 streams per user and process.
         */
        get: operations["notificationsStream"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/notifications/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark all of the caller's notifications read */
        post: operations["notificationsReadAll"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/notifications/language": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set the language the caller's notification mails are written in (the runtime UI sends its own) */
        put: operations["notificationsLanguage"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/notifications/{id}/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark one of the caller's notifications read (again: no change) */
        post: operations["notificationsRead"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/meta/model": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The published model: version, hash and every definition (as the caller may see it) */
        get: operations["getModel"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/meta/entities": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Published entity definitions, with field kinds and permissions */
        get: operations["listEntities"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/meta/entities/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One published entity definition */
        get: operations["getEntity"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/meta/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Published versions, with the plans they applied */
        get: operations["listVersions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/meta/versions/{version}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One published version and its definitions */
        get: operations["getVersion"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/meta/versions/{from}/diff/{to}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What differs between two versions: entities (fields, record types), workflows (states, transitions), roles, and the table steps */
        get: operations["diffVersions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/meta/versions/{version}/rollback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Write a past version into the studio draft and plan it against the current version (publish the draft to roll back) */
        post: operations["rollbackVersion"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/meta/template": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The published model as a template: manifest (template.json), schemas and workflows by file name, roles */
        get: operations["exportTemplate"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/meta/template/install": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Validate a template, plan it against the database, and publish it (or only plan: dryRun)
         * @description The template itself is judged by the template and definition validators: each issue names its file and pointer.
         */
        post: operations["installTemplate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/meta/templates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What the published model is made of: the whole-model template it was installed from, then its add-ons */
        get: operations["listInstalledTemplates"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/meta/templates/shipped": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The templates shipped in templates/ beside the engine’s definitions, and which of them are installed */
        get: operations["listShippedTemplates"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/meta/templates/shipped/{folder}/install": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Install or upgrade a shipped template (an add-on is merged into the published model), or only plan it: dryRun */
        post: operations["installShippedTemplate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/meta/library": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The guards and actions workflows may name, each with the JSON Schema of its params (administrators) */
        get: operations["workflowLibrary"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/meta/validate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Validate definitions without saving them */
        post: operations["validateDefinitions"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/meta/drafts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The stored drafts; `id` narrows to one (an empty list when it does not exist) */
        get: operations["listDrafts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/meta/drafts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a draft */
        get: operations["getDraft"];
        /** Save a draft (the whole definition set) */
        put: operations["saveDraft"];
        post?: never;
        /** Discard a draft */
        delete: operations["deleteDraft"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/meta/drafts/{id}/plan": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The migration plan publishing the draft would apply */
        post: operations["planDraft"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/meta/drafts/{id}/publish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Apply the plan and publish the draft as the next model version */
        post: operations["publishDraft"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/meta/review-settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether publishes that lose data or change role permissions need a second administrator */
        get: operations["readReviewSettings"];
        /** Turn the second-administrator review on or off for this installation */
        put: operations["saveReviewSettings"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/meta/drafts/{id}/review": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Whether publishing the draft needs review and why, and the draft's latest submission
         * @description When the installation requires review and the draft loses data or changes role permissions, publishing it directly answers 409 `review-required`; submit it with `POST /meta/drafts/{id}/review` instead.
         */
        get: operations["draftReviewStatus"];
        put?: never;
        /**
         * Submit the draft for a second administrator: its definitions and plan are frozen as they are now
         * @description An approval publishes exactly the submitted definitions; if the draft changes afterwards the submission is stale and cannot be approved. A newer submission of the same draft supersedes a pending one.
         */
        post: operations["submitDraftForReview"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/meta/reviews": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Submissions, newest first (pending ones unless `status` says otherwise) */
        get: operations["listReviews"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/meta/reviews/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One submission with what it changes: the diff against its base version and the frozen plan */
        get: operations["readReview"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/meta/reviews/{id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Approve a submission and publish exactly its definitions (another administrator than the submitter)
         * @description The submitter approving their own submission is refused (403); a stale submission (the draft changed, or a newer version) is refused (409).
         */
        post: operations["approveReview"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/meta/reviews/{id}/return": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Return a submission with a comment: nothing is published, the draft stays */
        post: operations["returnReview"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/meta/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start a read-only preview of the draft as a role or a user (administrators)
         * @description Answers a token for the `X-Lodestar-Preview` header. A request carrying it (from the administrator who started it, before it expires) runs on the draft and with the permissions of the role (a person holding only that role and owning nothing) or of the user (their roles, org unit and records), and any method but GET is refused with 403. Give exactly one of `role` and `user`.
         */
        post: operations["startPreview"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/dashboards": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The dashboards the caller may open, each with the widgets their permissions can answer
         * @description A dashboard with `roles` is listed only to holders of one of them (and administrators). A widget on an entity the caller may not read, or naming a field hidden from them, is left out of the list (and answers 403 when asked for).
         */
        get: operations["listDashboards"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/dashboards/{dashboard}/widgets/{widget}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One widget's figures, over the records a list would show the caller
         * @description The filter bar narrows every widget alike: `from`/`to` keep the records whose day (the widget’s period field, else their creation, in the company’s time zone) lies in the period, inclusive; `owner` keeps the caller’s own records (`me`) or their unit’s and below (`team`). Report widgets take `me` as their owner filter and leave `team` to the caller’s permissions.
         */
        get: operations["dashboardWidget"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/schedules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every schedule of the published workflows, with its next due time and last run */
        get: operations["listSchedules"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/schedules/runs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The run log, newest first: status, progress, failures and refusals */
        get: operations["listScheduleRuns"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/schedules/runs/{run}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One run, with its progress while it runs */
        get: operations["getScheduleRun"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/schedules/{workflow}/{id}/run": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Run a schedule now: queued for the next free worker, answered at once */
        post: operations["runSchedule"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/imports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start an import: the body is the file itself (CSV in UTF-8 or GBK/GB18030, or XLSX), up to 512 MB
         * @description Send the file as the raw request body (`Content-Type: text/csv`, `application/vnd.openxmlformats-officedocument.spreadsheetml.sheet` or `application/octet-stream`) and the options as query parameters. The import runs in the background of the engine that accepted it; follow it with `GET /imports/{id}`. Columns map to fields by id or title in either language, or by `mapping`.
         */
        post: operations["startImport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/imports/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * How a file would import: its columns mapped to fields and its first rows converted; nothing runs
         * @description The body is the file, as for `POST /imports`; nothing is written or looked up.
         */
        post: operations["previewImport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/imports/template": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An entity’s import template: an XLSX file to fill in and import
         * @description The header row holds the titles of the fields the caller may fill (in `lang`), under which the import maps them; row 2 is an example. Choices, record types and yes/no cells have dropdowns. The second sheet explains each column: its kind, whether it is required, and how to fill it.
         */
        get: operations["getImportTemplate"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/imports/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An import: status, counts, rows per second and the first problems */
        get: operations["getImport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/imports/{id}/report": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The error file: the original header and bad rows with an error column, as CSV or XLSX */
        get: operations["getImportReport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/imports/{id}/undo": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Undo an import as a whole, while none of its records changed since */
        post: operations["undoImport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/imports/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Stop a running import: its transaction rolls back, nothing of it is written */
        post: operations["cancelImport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Global search: records matching `q` in the fields each entity searches, grouped by entity */
        get: operations["search"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every change webhook subscription, oldest first */
        get: operations["listWebhooks"];
        put?: never;
        /**
         * Subscribe an endpoint to record changes; the answer shows its signing secret, once
         * @description The first active subscription starts capturing changes, which waits at most 3 s for writes in flight; during a long bulk write (an import) that is 409, to be tried again (so is any change of a subscription that cannot get its locks in 3 s).
         */
        post: operations["createWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/webhooks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One subscription */
        get: operations["readWebhook"];
        put?: never;
        post?: never;
        /** Delete a subscription with its queued deliveries and their log */
        delete: operations["deleteWebhook"];
        options?: never;
        head?: never;
        /** Change a subscription: its name, URL, entities, events, or pause and resume it */
        patch: operations["updateWebhook"];
        trace?: never;
    };
    "/admin/webhooks/{id}/secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Replace the signing secret; the new one is shown once and signs queued events too */
        post: operations["rotateWebhookSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/webhooks/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A subscription's deliveries, newest first, each with its attempts */
        get: operations["listWebhookDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/webhooks/{id}/deliveries/{delivery}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a delivery again now, with a fresh count of attempts (a pending one is left as it is) */
        post: operations["retryWebhookDelivery"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness: the process is up and serving HTTP (restart it when this fails) */
        get: operations["healthLive"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readiness: database reachable, engine tables migrated, newest model loaded (send traffic only then) */
        get: operations["healthReady"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/demo": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Load the sample data the installed templates ship (as `lodestar demo` does), every row marked */
        post: operations["loadDemo"];
        /** Delete every demo record, demo user and demo org unit in one step */
        delete: operations["removeDemo"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/demo/job": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The sample data job running or last run since the server started */
        get: operations["demoJob"];
        put?: never;
        /**
         * Install the templates of a preset (if named), then load the sample data of everything installed, as a job
         * @description Answers at once with the job; read it back with `GET /admin/demo/job` for each step and the percentage. A preset is a named list of shipped templates in `templates/presets.json`; each is installed as the studio gallery installs it (review gate, plan and publish, destructive steps refused), an already installed one counts as done, so a failed job can simply be started again. While a job runs, starting one answers it.
         */
        post: operations["startDemoJob"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/demo/job/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * How far a sample data job is, by the id its start answered (no token: the job id is the key)
         * @description The page follows the job here rather than on `GET /admin/demo/job` because on the embedded database the sample data load holds the only connection for minutes, and a signed-in request may need it to look up its session (the demo users written meanwhile empty the session cache). This answer reads memory only, and leaves out the demo users and their password.
         */
        get: operations["demoJobProgress"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @description An aggregate widget's answer: the rows by period (oldest first), then by value (largest first). */
        AggregateAnswer: core.AggregateAnswer;
        /** @description One figure of an aggregate widget: the group's key and/or period, the measure, and how many records. */
        AggregateRow: core.AggregateRow;
        /** @description A measure over the records of one entity the reader may see, optionally grouped by a field and/or by a date period. */
        AggregateWidget: core.AggregateWidget;
        /** @description One event of the current state, whether the caller may send it now, and why not. */
        AllowedEvent: core.AllowedEvent;
        /**
         * @description A user's approvals handed to another user for a period (`/delegations`): while it runs, the delegate may
         *     decide every approval the user may, recorded as by the delegate on behalf of the user.
         */
        ApprovalDelegation: core.ApprovalDelegation;
        /** @description One approval the caller may decide now, directly or as a delegate (My day's approval inbox). */
        ApprovalInboxItem: core.ApprovalInboxItem;
        /** @enum {unknown} */
        AuditAction: core.AuditAction;
        /** @description `{ field: [before, after] }`, JSON values (a Date is its ISO text); null stands for "no value". */
        AuditChanges: core.AuditChanges;
        /** @description A page of audit rows, newest first. */
        AuditPage: core.AuditPage;
        /** @description One audit row. `id` is text: it is a bigint, and the cursor of the next page. */
        AuditRow: core.AuditRow;
        ColumnSpec: core.ColumnSpec;
        CompletedStays: core.CompletedStays;
        CountAndAmount: core.CountAndAmount;
        CurrentStays: core.CurrentStays;
        DashboardChange: core.DashboardChange;
        /** @description Lodestar dashboard definition (dashboards/<id>.dashboard.json). The shape only. Entities, fields, workflows and roles are checked against the rest of the definition set by engine/src/definitions/validate-dashboards.ts. */
        DashboardDefinition: core.DashboardDefinition;
        /** @description `GET /dashboards`: the published dashboards the caller's roles see, in their `order`, then by id. */
        DashboardList: core.DashboardList;
        /** @description A dashboard the caller may open: its definition, with only the widgets the caller's permissions can answer. */
        DashboardSummary: core.DashboardSummary;
        /** @description `GET /delegations` (administrators): every delegation running or to come. */
        DelegationList: core.DelegationList;
        /** @description One active user as every signed-in user may see them: enough to name owners and pick people. */
        DirectoryEntry: core.DirectoryEntry;
        /** @description The possible duplicates of the values typed so far, strongest first (at most 10). */
        DuplicateAnswer: core.DuplicateAnswer;
        /** @description One record found, with every reason it matched and what the entity's reveal level lets the caller see. */
        DuplicateMatch: core.DuplicateMatch;
        /**
         * @description What the caller may do with one entity, their roles' grants (EntityPermission) combined: the scope of each
         *     action, and the fields they may not write.
         */
        EffectivePermissions: core.EffectivePermissions;
        EntityChange: core.EntityChange;
        /**
         * @description `schemas/<entity>.extend.json` of an add-on: what it adds to an entity it did not define (new properties,
         *     `required` among them, `x-rules`, and in `x-entity` new record types, sections, unique keys, indexes,
         *     duplicate-check fields, an agenda). Its shape is engine/src/definitions/meta/extend.meta.json.
         */
        EntityExtension: core.EntityExtension;
        /** @description Conditions as lists take them: { "<field or relation.field>": { "<op>": "<value>" } } means filter[field][op]=value. */
        Filter: core.Filter;
        ForecastReport: core.ForecastReport;
        ForeignKeySpec: core.ForeignKeySpec;
        /**
         * @description A formula field (`x-formula`). `stored`: the SQL of a STORED generated column of `type`, when the value
         *     depends on the row alone and never on the clock; absent: computed by every read statement instead.
         *     `refs`: the own fields a stored formula reads (a retype of one of them rebuilds the column).
         */
        FormulaSpec: core.FormulaSpec;
        FunnelReport: core.FunnelReport;
        FunnelStage: core.FunnelStage;
        /** @description The records with one value of the grouped field: how many, and the total of the summed field. */
        GroupRow: core.GroupRow;
        /** @description `GET /records/{entity}/groups`: counts (and sums) per value of `by`, the largest group first. */
        GroupsAnswer: core.GroupsAnswer;
        /** @description What a handover moved (`POST /admin/handover`, `lodestar handover`): engine handover/handover.ts builds it. */
        HandoverResult: core.HandoverResult;
        /** @description One problem of one row of an import file. */
        ImportIssue: core.ImportIssue;
        /** @description An import job: what it was asked to do, how far it got and what it found. */
        ImportJob: core.ImportJob;
        /** @description `POST /imports/preview`: how the file's columns map and what its first rows become, before anything runs. */
        ImportPreview: core.ImportPreview;
        /** @description One column of an import file as the engine maps it. */
        ImportPreviewColumn: core.ImportPreviewColumn;
        /** @description A first row of the file, converted as the import would (relations and people still as written). */
        ImportPreviewRow: core.ImportPreviewRow;
        /** @description `POST /imports/{id}/undo`. */
        ImportUndone: core.ImportUndone;
        IndexSpec: core.IndexSpec;
        /** @description What a template install did (`POST /meta/template/install`): one closed shape per status. */
        InstallAnswer: core.InstallAnswer;
        /** @description A template the published model holds: the whole model it started from, or an add-on merged into it. */
        InstalledTemplate: core.InstalledTemplate;
        /** @description `GET /meta/templates`: what the published model is made of, the whole model first. */
        InstalledTemplatesAnswer: core.InstalledTemplatesAnswer;
        /** @description A dry run: the plan an install would apply. */
        InstallPlanned: core.InstallPlanned;
        /** @description Published as the next model version, with the plan it applied. */
        InstallPublished: core.InstallPublished;
        /** @description The definitions are already published (a re-run): nothing changed. */
        InstallUnchanged: core.InstallUnchanged;
        /** @description A many-to-many relation field, stored as a junction table `<entity>__<field>`. */
        JunctionSpec: core.JunctionSpec;
        /**
         * @description An expression index over normalised values (key-normalize.ts): a unique key (`x-entity.unique`) or
         *     the lookup index of a duplicate check (`x-entity.duplicates`). Rows with a blank part are left out.
         */
        KeyIndexSpec: core.KeyIndexSpec;
        /**
         * @description Steps the duplicate check adds to those: `punctuation` drops separators and brackets (phone numbers,
         *     codes, names written with （） or 【】), `suffixes` drops a company's legal-form suffix (有限公司…).
         * @enum {unknown}
         */
        KeyStep: core.KeyStep;
        /**
         * @description A user as administrators list them: with the time their sign-in is throttled until (null when it is not)
         *     and their last sign-in (null when they never signed in).
         */
        ListedUser: core.ListedUser;
        Localized: core.Localized;
        /**
         * @description Why a record matched: `unique` a unique key (saving would answer 409), `same` the same normalised value, `similarName` a similar name.
         * @enum {unknown}
         */
        MatchKind: core.MatchKind;
        MatchReason: core.MatchReason;
        Measure: core.Measure;
        /** @description Each list ordered by `at`, at most 50 items. */
        MyDay: core.MyDay;
        /** @description One entry: a record, and the moment that puts it in its list. */
        MyDayItem: core.MyDayItem;
        /** @description `GET /delegations/me`: the caller's own delegation, if any. */
        MyDelegation: core.MyDelegation;
        /** @description One notification: what a workflow's `notify` told the caller, in both languages, about which record. */
        NotificationItem: core.NotificationItem;
        /** @description A page of the caller's notifications, and how many are unread in all. */
        NotificationPage: core.NotificationPage;
        /** @description What a read mark changed: how many notifications it marked, and how many stay unread. */
        NotificationsMarked: core.NotificationsMarked;
        /** @enum {unknown} */
        OnDelete: core.OnDelete;
        OpenForecast: core.OpenForecast;
        /** @description One unit of the company tree (company → department → team). */
        OrgUnit: core.OrgUnit;
        OutcomeFigures: core.OutcomeFigures;
        /** @description A date or date-time field, bucketed by week, month or quarter (in the company's time zone). */
        Period: core.Period;
        /** @description A record as the API answers it: its system attributes and its fields by name (null: no value). */
        RecordJson: core.RecordJson;
        /** @description One keyset page of a records list. */
        RecordPage: core.RecordPage;
        /**
         * @description Which rows of an entity table follow a workflow when it binds only some record types: only those of
         *     `recordTypes`, or every row whose record type is not in `exceptRecordTypes` (empty types included).
         */
        RecordScope: core.RecordScope;
        /** @description A workflow report: funnel, win rate, forecast or time in stage of one workflow. */
        ReportWidget: core.ReportWidget;
        /** @description A report widget's answer: the workflow report, as `GET /reports/{workflow}/{report}` answers it. */
        ReportWidgetAnswer: core.ReportWidgetAnswer;
        RoleChange: core.RoleChange;
        /**
         * @description A roll-up field (`x-rollup`) of this table: `name` summarises the rows of table `from` whose
         *     many-to-one column `via` points here (`op` over their `field`, only those matching `where`).
         */
        RollupSpec: core.RollupSpec;
        /**
         * @description safe: no data can be lost. destructive: data is dropped or changed; needs explicit confirmation.
         *     blocked: cannot apply as defined (e.g. NOT NULL on a column with empty rows and no default).
         * @enum {unknown}
         */
        Safety: core.Safety;
        /** @description A saved list view: the list query the runtime UI replays, stored as the UI gave it. */
        SavedView: core.SavedView;
        /** @description `GET /schedules`. */
        ScheduleList: core.ScheduleList;
        /** @description A schedule of the published model as administrators see it. */
        ScheduleListing: core.ScheduleListing;
        /** @description One run of a schedule: the run log's line, with its progress while it runs. */
        ScheduleRun: core.ScheduleRun;
        /** @description `GET /schedules/runs`: newest first. */
        ScheduleRunPage: core.ScheduleRunPage;
        /** @description A record a run could not change, and why (a guard's refusal, a value that does not fit its field). */
        ScheduleRunSample: core.ScheduleRunSample;
        /**
         * @description Whose records: none, the actor's own, their team's (their org unit and below), all; ownOrUnowned and teamOrUnowned add the records nobody owns (a customer pool).
         * @enum {unknown}
         */
        Scope: core.Scope;
        /** @description Groups in the order of their best hit (a title match first). */
        SearchAnswer: core.SearchAnswer;
        /** @description The hits of one entity, best first. */
        SearchGroup: core.SearchGroup;
        /** @description One record found, with the field it was found by and the matched fragment of that field. */
        SearchHit: core.SearchHit;
        /**
         * @description How a hit matched: the typed text in the value, its digits in a phone number, or its pinyin.
         * @enum {unknown}
         */
        SearchMatch: core.SearchMatch;
        /**
         * @description The entity's search document (`x-entity.search`, or its default): a `tsvector` over these columns, in
         *     order (the first is the title), kept by a trigger or sent by the engine with its inserts, indexed with GIN. `mode`: how a value is cut into
         *     terms (text; text with pinyin; phone digits); `type` is the column's SQL type, so a retype rebuilds it.
         */
        SearchSpec: core.SearchSpec;
        Sequence: core.Sequence;
        /** @description A template shipped with the engine (`templates/<folder>/template.json` beside the definitions). */
        ShippedTemplate: core.ShippedTemplate;
        /** @description `GET /meta/templates/shipped`: the gallery of templates an admin may install. */
        ShippedTemplatesAnswer: core.ShippedTemplatesAnswer;
        /** @description A signed-in session (`POST /auth/login`, the first-run `POST /auth/setup`): engine identity/sessions.ts builds it. */
        SignedIn: core.SignedIn;
        /** @description The Postgres type of a column, structured so the planner can compare and classify changes. */
        SqlType: core.SqlType;
        /**
         * @description A stage's outcome (`meta.outcome`); absent in the definition means open.
         * @enum {unknown}
         */
        StageOutcome: core.StageOutcome;
        /** @description A saved draft (`GET /meta/drafts/{id}`). */
        StoredDraft: core.StoredDraft;
        /** @description A published version: its definitions and the plan it applied (`GET /meta/versions/{version}`). */
        StoredVersion: core.StoredVersion;
        /** @description The relational shape compiled from one entity definition. */
        TableSpec: core.TableSpec;
        /** @description Which template, and which release of it (semver). */
        TemplateId: core.TemplateId;
        /**
         * @description A template as one JSON document, mirroring its folder file by file: `schemas` and `workflows` are keyed by
         *     file name (`customer.schema.json`, `sales.workflow.json`), `roles` is `roles.json`, `manifest` is
         *     `template.json`. The export answers it (`GET /meta/template`); the install takes it.
         */
        TemplateJson: core.TemplateJson;
        /**
         * @description Whether a template is a whole model (replaces the published one) or an add-on (merged into it).
         * @enum {unknown}
         */
        TemplateKind: core.TemplateKind;
        /** @description `template.json`: what a template is called and which release it is (semver, so upgrades can be told apart). */
        TemplateManifestJson: core.TemplateManifestJson;
        /** @description The published model a template was exported from. */
        TemplateOrigin: core.TemplateOrigin;
        TimeInStageReport: core.TimeInStageReport;
        /** @description A history row with its stages and event by title in both languages (engine runtime/history-titles.ts). */
        TitledHistoryRow: core.TitledHistoryRow;
        /**
         * @description `GET /records/{entity}/totals`: how many records the list with the same filters shows, and the totals of
         *     the number fields asked for. Counted exactly up to EXACT_COUNT_LIMIT; beyond it the count is the
         *     planner's estimate (`exact: false`) and nothing is summed, so a list over a million rows stays fast.
         */
        TotalsAnswer: core.TotalsAnswer;
        /** @description The stage change an event made, and the history row it wrote. */
        TransitionMade: core.TransitionMade;
        /** @description The events of a record's current state (only the allowed ones unless `all` is asked for). */
        TransitionsAnswer: core.TransitionsAnswer;
        /** @description A user as the identity routes return it (never the password hash). */
        User: core.User;
        /** @description Two published versions compared: their differences, and the table steps between them (no row counts). */
        VersionsDiff: core.VersionsDiff;
        /** @description A published version without its definitions (`GET /meta/versions`). */
        VersionSummary: core.VersionSummary;
        /** @description Whom a saved view is shared with: the members of an org unit and the units below it, or holders of a role. */
        ViewSharing: core.ViewSharing;
        Widget: core.Widget;
        /** @description `GET /dashboards/{id}/widgets/{widget}`. */
        WidgetAnswer: core.WidgetAnswer;
        /**
         * @description half (default): two per row on wide screens; full: the whole row. Phones show one column.
         * @enum {unknown}
         */
        Width: core.Width;
        WinRateReport: core.WinRateReport;
        /** @description A plan as the API answers it (plan, publish, rollback, template install): every step worded in both languages. */
        WordedPlan: core.WordedPlan;
        /** @description A step as a user is shown it (the plan routes answer so): its words and reason in both languages. */
        WordedStep: core.WordedStep;
        WorkflowChange: core.WorkflowChange;
        /**
         * @description `workflows/<workflow>.extend.json` of an add-on: what it adds to a workflow it did not define:
         *     `meta.schedules` (jobs over the workflow's records) and new events on its states (`states.<state>.on`).
         *     Its shape is engine/src/definitions/meta/extend-workflow.meta.json.
         */
        WorkflowExtension: core.WorkflowExtension;
        /** @description An RFC 9457 problem document. */
        Problem: {
            /**
             * Format: uri
             * @example https://lodestar.dev/problems/validation-failed
             */
            type: string;
            title: string;
            status: number;
            /** @description In English; `i18n` carries it in both languages. */
            detail?: string;
            i18n?: components["schemas"]["Text"];
            issues?: components["schemas"]["Issue"][];
            /** @description A refused workflow event (409): why, in both languages. */
            reason?: components["schemas"]["Text"];
            /** @description A refused workflow event (409): the guard that said no. */
            guard?: string;
        };
        /** @description One problem with the request, located by a JSON pointer into the body (or `/query/<param>`). */
        Issue: core.Issue;
        /** @description A text a user may see, in English and Chinese. */
        Text: core.Text;
        /** @description Conditions on one field, as `filter[field][op]=value` (`filter[field]=value` means `eq`; `filter[relation.field][op]` reaches through a many-to-one relation). `in` takes a comma list, `null` true or false; `any` (multiple choice, text lists, many-to-many) holds when the field has at least one of a comma list of values. */
        FilterOperators: {
            eq?: string;
            ne?: string;
            lt?: string;
            lte?: string;
            gt?: string;
            gte?: string;
            in?: string;
            contains?: string;
            any?: string;
            null?: string;
        };
        /** @description Every definition of one model: entity schemas and workflows. */
        DefinitionSet: core.DefinitionSet;
        /** @description An entity definition (`*.schema.json`). */
        EntityDefinition: core.EntityDefinition;
        /** @description A workflow definition (`*.workflow.json`). */
        WorkflowDefinition: core.WorkflowDefinition;
        /** @description The roles (`roles.json`). */
        RolesDefinition: core.RolesDefinition;
    };
    responses: {
        /** @description The request is malformed: an unknown parameter, field or operator, a bad cursor or body. */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description No such record (or entity, draft, version). */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The version is stale (reload and retry), a unique value is taken, a plan needs confirmation, or a workflow event is refused now (`reason` in both languages, `guard`). */
        Conflict: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The payload breaks the schema; each issue points at the failing field. */
        ValidationFailed: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The write did not say which version it changes: send `version` or `If-Match`. */
        PreconditionRequired: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description An unexpected error; it has been logged. */
        Internal: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
    };
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
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
                    email: string;
                    password: string;
                };
            };
        };
        responses: {
            /** @description Signed in. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SignedIn"];
                };
            };
            400: components["responses"]["BadRequest"];
            /** @description Wrong email or password (the same answer for both). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            422: components["responses"]["ValidationFailed"];
            /** @description Too many attempts. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            500: components["responses"]["Internal"];
        };
    };
    setupNeeded: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        needed: boolean;
                    };
                };
            };
        };
    };
    setup: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    email: string;
                    password: string;
                    displayName?: string;
                };
            };
        };
        responses: {
            /** @description Created and signed in. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SignedIn"];
                };
            };
            409: components["responses"]["Conflict"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["Internal"];
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
            /** @description Done. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            500: components["responses"]["Internal"];
        };
    };
    changePassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    currentPassword: string;
                    newPassword: string;
                };
            };
        };
        responses: {
            /** @description Changed. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            400: components["responses"]["BadRequest"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["Internal"];
        };
    };
    me: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            500: components["responses"]["Internal"];
        };
    };
    listApiKeys: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            /** Format: uuid */
                            id?: string;
                            name?: string;
                            prefix?: string;
                            /** Format: date-time */
                            createdAt?: string;
                            /** Format: date-time */
                            revokedAt?: string | null;
                        }[];
                    };
                };
            };
            500: components["responses"]["Internal"];
        };
    };
    createApiKey: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                };
            };
        };
        responses: {
            /** @description Created. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        key: string;
                        prefix: string;
                        note?: string;
                    };
                };
            };
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["Internal"];
        };
    };
    revokeApiKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The key id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            404: components["responses"]["NotFound"];
            500: components["responses"]["Internal"];
        };
    };
    listOrgUnits: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["OrgUnit"][];
                    };
                };
            };
            500: components["responses"]["Internal"];
        };
    };
    createOrgUnit: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    /** Format: uuid */
                    parentId?: string | null;
                };
            };
        };
        responses: {
            /** @description Created. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrgUnit"];
                };
            };
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["Internal"];
        };
    };
    updateOrgUnit: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The org unit id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    /** Format: uuid */
                    parentId?: string | null;
                };
            };
        };
        responses: {
            /** @description Changed. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrgUnit"];
                };
            };
            404: components["responses"]["NotFound"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["Internal"];
        };
    };
    checkInvites: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    file?: string;
                    rows?: {
                        row: number;
                        name: string;
                        email: string;
                        role: string;
                        manager: string;
                        team: string;
                    }[];
                };
            };
        };
        responses: {
            /** @description The rows and their problems. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        rows: {
                            row: number;
                            name: string;
                            email: string;
                            role: string;
                            manager: string;
                            team: string;
                        }[];
                        issues: {
                            row: number;
                            /** @enum {unknown} */
                            column: "name" | "email" | "role" | "manager" | "team" | null;
                            text: components["schemas"]["Text"];
                        }[];
                        encoding: string | null;
                    };
                };
            };
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["Internal"];
        };
    };
    inviteUsers: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    rows: {
                        row: number;
                        name: string;
                        email: string;
                        role: string;
                        manager: string;
                        team: string;
                    }[];
                };
            };
        };
        responses: {
            /** @description Invited; the passwords are shown this once. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            row: number;
                            user: components["schemas"]["User"];
                            password: string;
                        }[];
                    };
                };
            };
            409: components["responses"]["Conflict"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["Internal"];
        };
    };
    listUsers: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["ListedUser"][];
                    };
                };
            };
            500: components["responses"]["Internal"];
        };
    };
    createUser: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    email: string;
                    password: string;
                    displayName?: string;
                    /** @description Role names of the published model (roles.json), or `admin`. */
                    roles?: string[];
                    /** Format: uuid */
                    orgUnitId?: string | null;
                    /** Format: uuid */
                    managerId?: string | null;
                };
            };
        };
        responses: {
            /** @description Created. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            409: components["responses"]["Conflict"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["Internal"];
        };
    };
    updateUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The user id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Role names of the published model (roles.json), or `admin`. */
                    roles?: string[];
                    active?: boolean;
                    /** Format: uuid */
                    orgUnitId?: string | null;
                    /** Format: uuid */
                    managerId?: string | null;
                    displayName?: string;
                };
            };
        };
        responses: {
            /** @description Changed. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["Internal"];
        };
    };
    resetPassword: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The user id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    password: string;
                };
            };
        };
        responses: {
            /** @description Reset. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            404: components["responses"]["NotFound"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["Internal"];
        };
    };
    unlockUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The user id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Unlocked. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListedUser"];
                };
            };
            404: components["responses"]["NotFound"];
            500: components["responses"]["Internal"];
        };
    };
    handover: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    fromUserId?: string | null;
                    fromEmail?: string | null;
                    toUserId?: string | null;
                    toEmail?: string | null;
                    /** @description Entity ids; all owned entities when absent. */
                    entities?: string[] | null;
                    onlyOpen?: boolean | null;
                    dryRun?: boolean | null;
                };
            };
        };
        responses: {
            /** @description Moved (or counted, on a dry run). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HandoverResult"];
                };
            };
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["Internal"];
        };
    };
    readAudit: {
        parameters: {
            query: {
                /** @description An entity id or `lodestar.user`, `lodestar.orgUnit`, `lodestar.model`. */
                entity: string;
                recordId: string;
                limit?: number;
                /** @description The `nextCursor` of the previous page. */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of audit rows. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            500: components["responses"]["Internal"];
        };
    };
    readWorkingHours: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The working periods of every business day on the company clock, in order and not overlapping (09:00–12:00 and 13:30–18:00 by default). "N business hours" counts only these. */
                        periods: {
                            from: string;
                            to: string;
                        }[];
                    };
                };
            };
        };
    };
    replaceWorkingHours: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The working periods of every business day on the company clock, in order and not overlapping (09:00–12:00 and 13:30–18:00 by default). "N business hours" counts only these. */
                    periods: {
                        from: string;
                        to: string;
                    }[];
                };
            };
        };
        responses: {
            /** @description Replaced. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The working periods of every business day on the company clock, in order and not overlapping (09:00–12:00 and 13:30–18:00 by default). "N business hours" counts only these. */
                        periods: {
                            from: string;
                            to: string;
                        }[];
                    };
                };
            };
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["Internal"];
        };
    };
    readCalendarYear: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The calendar year (1970–2999). */
                year: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        year: number;
                        /** @description The days that differ from Monday-to-Friday, in date order; every other weekday is worked. */
                        days: {
                            /** Format: date */
                            date: string;
                            /**
                             * @description `holiday`: a day off; `workday`: a weekend day worked instead (调休).
                             * @enum {string}
                             */
                            kind: "holiday" | "workday";
                            /** @description What the day is (国庆节 / National Day); null when unnamed. */
                            name: {
                                en: string;
                                zh: string;
                            } | null;
                        }[];
                    };
                };
            };
            404: components["responses"]["NotFound"];
            500: components["responses"]["Internal"];
        };
    };
    replaceCalendarYear: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The calendar year (1970–2999). */
                year: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    days: {
                        /** Format: date */
                        date: string;
                        /**
                         * @description `holiday`: a day off; `workday`: a weekend day worked instead (调休).
                         * @enum {string}
                         */
                        kind: "holiday" | "workday";
                        /** @description What the day is (国庆节 / National Day); null when unnamed. */
                        name?: {
                            en: string;
                            zh: string;
                        } | null;
                    }[];
                };
            };
        };
        responses: {
            /** @description Replaced. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        year: number;
                        /** @description The days that differ from Monday-to-Friday, in date order; every other weekday is worked. */
                        days: {
                            /** Format: date */
                            date: string;
                            /**
                             * @description `holiday`: a day off; `workday`: a weekend day worked instead (调休).
                             * @enum {string}
                             */
                            kind: "holiday" | "workday";
                            /** @description What the day is (国庆节 / National Day); null when unnamed. */
                            name: {
                                en: string;
                                zh: string;
                            } | null;
                        }[];
                    };
                };
            };
            404: components["responses"]["NotFound"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["Internal"];
        };
    };
    savedViewsList: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An entity id the caller may read. */
                entity: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Views. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["SavedView"][];
                    };
                };
            };
            404: components["responses"]["NotFound"];
            500: components["responses"]["Internal"];
        };
    };
    savedViewsSave: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An entity id the caller may read. */
                entity: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    /** @description Filters, sort, columns…: at most 16 KB as JSON. */
                    query: Record<string, unknown>;
                };
            };
        };
        responses: {
            /** @description Replaced. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SavedView"];
                };
            };
            /** @description Created. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SavedView"];
                };
            };
            404: components["responses"]["NotFound"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["Internal"];
        };
    };
    savedViewsShare: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An entity id the caller may read. */
                entity: string;
                /** @description The view id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: uuid
                     * @description An org unit id.
                     */
                    unitId?: string;
                    /** @description A role of the published model. */
                    role?: string;
                };
            };
        };
        responses: {
            /** @description Shared. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SavedView"];
                };
            };
            404: components["responses"]["NotFound"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["Internal"];
        };
    };
    savedViewsDelete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An entity id the caller may read. */
                entity: string;
                /** @description The view id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            404: components["responses"]["NotFound"];
            500: components["responses"]["Internal"];
        };
    };
    usersDirectory: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The directory. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["DirectoryEntry"][];
                    };
                };
            };
            500: components["responses"]["Internal"];
        };
    };
    myDay: {
        parameters: {
            query?: {
                /** @description IANA time zone of the caller's day, e.g. `Asia/Shanghai`; the server's when absent. */
                tz?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Each list ordered by `at`, at most 50 items. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MyDay"];
                };
            };
            400: components["responses"]["BadRequest"];
            500: components["responses"]["Internal"];
        };
    };
    delegationMine: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The delegation, if any. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MyDelegation"];
                };
            };
        };
    };
    delegationSetMine: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uuid */
                    delegateId: string;
                    /**
                     * Format: date-time
                     * @description When the delegation starts; now when absent.
                     */
                    startsAt?: string;
                    /**
                     * Format: date-time
                     * @description When it ends: after it starts, within a year.
                     */
                    endsAt: string;
                };
            };
        };
        responses: {
            /** @description The delegation. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApprovalDelegation"];
                };
            };
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["Internal"];
        };
    };
    delegationClearMine: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Cleared (or there was none). */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    delegationList: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Delegations, ending soonest first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DelegationList"];
                };
            };
        };
    };
    delegationSet: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The user whose approvals are delegated. */
                userId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uuid */
                    delegateId: string;
                    /**
                     * Format: date-time
                     * @description When the delegation starts; now when absent.
                     */
                    startsAt?: string;
                    /**
                     * Format: date-time
                     * @description When it ends: after it starts, within a year.
                     */
                    endsAt: string;
                };
            };
        };
        responses: {
            /** @description The delegation. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApprovalDelegation"];
                };
            };
            404: components["responses"]["NotFound"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["Internal"];
        };
    };
    delegationClear: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The user whose approvals are delegated. */
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Cleared. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            404: components["responses"]["NotFound"];
            500: components["responses"]["Internal"];
        };
    };
    notificationsList: {
        parameters: {
            query?: {
                /** @description `unread`: unread ones first (each part newest first); `newest`: by time only. */
                order?: "unread" | "newest";
                limit?: number;
                /** @description The `next` of the previous page. */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page, and how many are unread in all. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            500: components["responses"]["Internal"];
        };
    };
    notificationsStream: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The event stream. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": string;
                };
            };
            400: components["responses"]["BadRequest"];
            /** @description The caller already holds the most streams allowed. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            500: components["responses"]["Internal"];
        };
    };
    notificationsReadAll: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description How many were marked. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationsMarked"];
                };
            };
        };
    };
    notificationsLanguage: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    lang: "zh" | "en";
                };
            };
        };
        responses: {
            /** @description Remembered. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["Internal"];
        };
    };
    notificationsRead: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The notification id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Marked. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationsMarked"];
                };
            };
            404: components["responses"]["NotFound"];
            500: components["responses"]["Internal"];
        };
    };
    getModel: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The model. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        version: number;
                        hash: string;
                        definitions: components["schemas"]["DefinitionSet"];
                        /** @description Per entity the caller may read: the scope of each action and the fields they may not write. */
                        permissions: {
                            [key: string]: components["schemas"]["EffectivePermissions"];
                        };
                    };
                };
            };
            500: components["responses"]["Internal"];
        };
    };
    listEntities: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Entities. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: core.EntityDefinition[];
                        /** @description entity id → field name → its kind, as the engine classifies it. */
                        kinds: {
                            [key: string]: {
                                [key: string]: core.FieldKind;
                            };
                        };
                        /** @description Per entity the caller may read: the scope of each action and the fields they may not write. */
                        permissions: {
                            [key: string]: components["schemas"]["EffectivePermissions"];
                        };
                    };
                };
            };
            500: components["responses"]["Internal"];
        };
    };
    getEntity: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The definition. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": core.EntityDefinition;
                };
            };
            404: components["responses"]["NotFound"];
            500: components["responses"]["Internal"];
        };
    };
    listVersions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Versions, newest first, without their definitions. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["VersionSummary"][];
                    };
                };
            };
            500: components["responses"]["Internal"];
        };
    };
    getVersion: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The version. */
                version: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The version. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StoredVersion"];
                };
            };
            404: components["responses"]["NotFound"];
            500: components["responses"]["Internal"];
        };
    };
    diffVersions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The older version. */
                from: string;
                /** @description The newer version. */
                to: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Added and removed ids, and per changed definition its changed parts; `plan.steps` without row counts. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VersionsDiff"];
                };
            };
            404: components["responses"]["NotFound"];
            500: components["responses"]["Internal"];
        };
    };
    rollbackVersion: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The version to go back to. */
                version: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Where the records of each removed state go: `{ "<workflow>": { "<removed state>": "<target state>" } }`. */
                    stateMapping?: unknown;
                };
            };
        };
        responses: {
            /** @description The draft id, the version, and the plan: steps, each safe or destructive with the rows it touches. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        draft: string;
                        rollbackTo: number;
                        baseVersion: number;
                        steps: components["schemas"]["WordedStep"][];
                    };
                };
            };
            404: components["responses"]["NotFound"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["Internal"];
        };
    };
    exportTemplate: {
        parameters: {
            query?: {
                /** @description The manifest's name. */
                name?: string;
                /** @description The manifest's version. */
                version?: string;
                /** @description The manifest's title. */
                title?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The template, file by file as its folder holds it. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TemplateJson"];
                };
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["Internal"];
        };
    };
    installTemplate: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description template.json */
                    manifest?: {
                        name?: string;
                        version?: string;
                        exportedFrom?: Record<string, unknown>;
                        /** @description An add-on: the template it installs on, or a list of them. */
                        extends?: unknown;
                    };
                    /** @description File name (`customer.schema.json`) → entity definition. */
                    schemas?: {
                        [key: string]: Record<string, unknown>;
                    };
                    /** @description File name (`sales.workflow.json`) → workflow definition. */
                    workflows?: {
                        [key: string]: Record<string, unknown>;
                    };
                    /** @description roles.json */
                    roles?: unknown;
                    /** @description File name (`sales-overview.dashboard.json`) → dashboard definition. */
                    dashboards?: {
                        [key: string]: Record<string, unknown>;
                    };
                    /** @description An add-on only: file name (`customer.extend.json`) → what it adds to that entity. */
                    extensions?: {
                        [key: string]: Record<string, unknown>;
                    };
                    /** @default false */
                    dryRun?: boolean;
                    /** @default false */
                    confirmDestructive?: boolean;
                    /** @description Where the records of each removed state go: `{ "<workflow>": { "<removed state>": "<target state>" } }`. */
                    stateMapping?: unknown;
                };
            };
        };
        responses: {
            /** @description Planned (dry run) or unchanged. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InstallAnswer"];
                };
            };
            /** @description Published as the next model version. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InstallAnswer"];
                };
            };
            409: components["responses"]["Conflict"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["Internal"];
        };
    };
    listInstalledTemplates: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The installed templates, the whole model first, add-ons in install order. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InstalledTemplatesAnswer"];
                };
            };
            500: components["responses"]["Internal"];
        };
    };
    listShippedTemplates: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The shipped templates by folder. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ShippedTemplatesAnswer"];
                };
            };
            500: components["responses"]["Internal"];
        };
    };
    installShippedTemplate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Its folder under templates/. */
                folder: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @default false */
                    dryRun?: boolean;
                    /** @default false */
                    confirmDestructive?: boolean;
                    /** @description Where the records of each removed state go: `{ "<workflow>": { "<removed state>": "<target state>" } }`. */
                    stateMapping?: unknown;
                };
            };
        };
        responses: {
            /** @description Planned (dry run) or unchanged. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InstallAnswer"];
                };
            };
            /** @description Published as the next model version. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InstallAnswer"];
                };
            };
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["Internal"];
        };
    };
    workflowLibrary: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The library. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        guards: {
                            name: string;
                            /** @description The JSON Schema of its params. */
                            params: Record<string, unknown>;
                        }[];
                        actions: {
                            name: string;
                            /** @description The JSON Schema of its params. */
                            params: Record<string, unknown>;
                            /** @description When it runs, if not with the transition (e.g. `after` the commit). */
                            phase?: string;
                        }[];
                    };
                };
            };
            500: components["responses"]["Internal"];
        };
    };
    validateDefinitions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Every definition of one model; each definition is judged by the definition validators (issues in the answer). */
                    definitions: {
                        entities: unknown[];
                        workflows: unknown[];
                        /** @description roles.json; absent or null: no roles. */
                        roles?: unknown;
                        /** @description dashboards/*.dashboard.json; absent: none. */
                        dashboards?: unknown[];
                    };
                    /** @description The set being edited, to judge removals: a field or state it has that `definitions` drops while still naming it is an issue listing every reference by title. */
                    before?: {
                        entities: unknown[];
                        workflows: unknown[];
                        /** @description roles.json; absent or null: no roles. */
                        roles?: unknown;
                        /** @description dashboards/*.dashboard.json; absent: none. */
                        dashboards?: unknown[];
                    };
                };
            };
        };
        responses: {
            /** @description Issues. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        issues: components["schemas"]["Issue"][];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            500: components["responses"]["Internal"];
        };
    };
    listDrafts: {
        parameters: {
            query?: {
                /** @description Only this draft, e.g. `studio`. */
                id?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The drafts, each with its definitions and base version. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["StoredDraft"][];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            500: components["responses"]["Internal"];
        };
    };
    getDraft: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The draft id, e.g. `studio`. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The draft. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StoredDraft"];
                };
            };
            404: components["responses"]["NotFound"];
            500: components["responses"]["Internal"];
        };
    };
    saveDraft: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The draft id, e.g. `studio`. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Every definition of one model; each definition is judged by the definition validators (issues in the answer). */
                    definitions: {
                        entities: unknown[];
                        workflows: unknown[];
                        /** @description roles.json; absent or null: no roles. */
                        roles?: unknown;
                        /** @description dashboards/*.dashboard.json; absent: none. */
                        dashboards?: unknown[];
                    };
                    /** @description The version the draft was made from; the current one when absent. */
                    baseVersion?: number;
                };
            };
        };
        responses: {
            /** @description Saved, with its issues. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        baseVersion: number;
                        issues: components["schemas"]["Issue"][];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            500: components["responses"]["Internal"];
        };
    };
    deleteDraft: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The draft id, e.g. `studio`. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            404: components["responses"]["NotFound"];
            500: components["responses"]["Internal"];
        };
    };
    planDraft: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The draft id, e.g. `studio`. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Where the records of each removed state go: `{ "<workflow>": { "<removed state>": "<target state>" } }`. */
                    stateMapping?: unknown;
                };
            };
        };
        responses: {
            /** @description The plan: steps, each safe or destructive with the rows it touches. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WordedPlan"];
                };
            };
            404: components["responses"]["NotFound"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["Internal"];
        };
    };
    publishDraft: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The draft id, e.g. `studio`. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @default false */
                    confirmDestructive?: boolean;
                    note?: string;
                    /** @description Where the records of each removed state go: `{ "<workflow>": { "<removed state>": "<target state>" } }`. */
                    stateMapping?: unknown;
                };
            };
        };
        responses: {
            /** @description The new version and the plan it applied. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        version: number;
                        plan: components["schemas"]["WordedPlan"];
                    };
                };
            };
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["Internal"];
        };
    };
    readReviewSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The setting (off until an administrator turns it on). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A publish losing data or changing role permissions needs a second administrator. */
                        requireReview: boolean;
                        updatedBy: string | null;
                        updatedAt: string | null;
                    };
                };
            };
            500: components["responses"]["Internal"];
        };
    };
    saveReviewSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    requireReview: boolean;
                };
            };
        };
        responses: {
            /** @description The setting as saved. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A publish losing data or changing role permissions needs a second administrator. */
                        requireReview: boolean;
                        updatedBy: string | null;
                        updatedAt: string | null;
                    };
                };
            };
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["Internal"];
        };
    };
    draftReviewStatus: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The draft id, e.g. `studio`. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The setting, the reasons (empty when a direct publish is allowed) and the latest submission of this draft. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        requireReview: boolean;
                        required: boolean;
                        /** @description Why the change needs review; empty: it does not. */
                        reasons: {
                            /** @enum {string} */
                            code: "dataLoss" | "permissions";
                            text: components["schemas"]["Text"];
                            /** @description The steps that lose data, or the roles changed. */
                            items: components["schemas"]["Text"][];
                        }[];
                        latest: {
                            /** Format: uuid */
                            id: string;
                            /** @description The draft submitted. */
                            draft: string;
                            /** @enum {string} */
                            status: "pending" | "approved" | "returned" | "superseded";
                            /** @description The published version the submission was planned against. */
                            baseVersion: number;
                            note: string | null;
                            submittedBy: {
                                /** Format: uuid */
                                id: string;
                                name: string | null;
                            } | null;
                            /** Format: date-time */
                            submittedAt: string;
                            reviewedBy: {
                                /** Format: uuid */
                                id: string;
                                name: string | null;
                            } | null;
                            reviewedAt: string | null;
                            reviewNote: string | null;
                            version: number | null;
                            /** @description Why the change needs review; empty: it does not. */
                            reasons: {
                                /** @enum {string} */
                                code: "dataLoss" | "permissions";
                                text: components["schemas"]["Text"];
                                /** @description The steps that lose data, or the roles changed. */
                                items: components["schemas"]["Text"][];
                            }[];
                            stale: components["schemas"]["Text"] | null;
                        } | null;
                    };
                };
            };
            404: components["responses"]["NotFound"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["Internal"];
        };
    };
    submitDraftForReview: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The draft id, e.g. `studio`. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    note?: string;
                    /** @description As for publish. */
                    stateMapping?: unknown;
                };
            };
        };
        responses: {
            /** @description The submission, pending. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** @description The draft submitted. */
                        draft: string;
                        /** @enum {string} */
                        status: "pending" | "approved" | "returned" | "superseded";
                        /** @description The published version the submission was planned against. */
                        baseVersion: number;
                        note: string | null;
                        submittedBy: {
                            /** Format: uuid */
                            id: string;
                            name: string | null;
                        } | null;
                        /** Format: date-time */
                        submittedAt: string;
                        reviewedBy: {
                            /** Format: uuid */
                            id: string;
                            name: string | null;
                        } | null;
                        reviewedAt: string | null;
                        reviewNote: string | null;
                        version: number | null;
                        /** @description Why the change needs review; empty: it does not. */
                        reasons: {
                            /** @enum {string} */
                            code: "dataLoss" | "permissions";
                            text: components["schemas"]["Text"];
                            /** @description The steps that lose data, or the roles changed. */
                            items: components["schemas"]["Text"][];
                        }[];
                        stale: components["schemas"]["Text"] | null;
                    };
                };
            };
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["Internal"];
        };
    };
    listReviews: {
        parameters: {
            query?: {
                status?: "pending" | "approved" | "returned" | "superseded";
                /** @description Only the submissions of this draft. */
                draft?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The submissions. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            /** Format: uuid */
                            id: string;
                            /** @description The draft submitted. */
                            draft: string;
                            /** @enum {string} */
                            status: "pending" | "approved" | "returned" | "superseded";
                            /** @description The published version the submission was planned against. */
                            baseVersion: number;
                            note: string | null;
                            submittedBy: {
                                /** Format: uuid */
                                id: string;
                                name: string | null;
                            } | null;
                            /** Format: date-time */
                            submittedAt: string;
                            reviewedBy: {
                                /** Format: uuid */
                                id: string;
                                name: string | null;
                            } | null;
                            reviewedAt: string | null;
                            reviewNote: string | null;
                            version: number | null;
                            /** @description Why the change needs review; empty: it does not. */
                            reasons: {
                                /** @enum {string} */
                                code: "dataLoss" | "permissions";
                                text: components["schemas"]["Text"];
                                /** @description The steps that lose data, or the roles changed. */
                                items: components["schemas"]["Text"][];
                            }[];
                            stale: components["schemas"]["Text"] | null;
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            500: components["responses"]["Internal"];
        };
    };
    readReview: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The submission. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The submission, its diff (from the base version to the version it would become, with the plan as submitted). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        review: {
                            /** Format: uuid */
                            id: string;
                            /** @description The draft submitted. */
                            draft: string;
                            /** @enum {string} */
                            status: "pending" | "approved" | "returned" | "superseded";
                            /** @description The published version the submission was planned against. */
                            baseVersion: number;
                            note: string | null;
                            submittedBy: {
                                /** Format: uuid */
                                id: string;
                                name: string | null;
                            } | null;
                            /** Format: date-time */
                            submittedAt: string;
                            reviewedBy: {
                                /** Format: uuid */
                                id: string;
                                name: string | null;
                            } | null;
                            reviewedAt: string | null;
                            reviewNote: string | null;
                            version: number | null;
                            /** @description Why the change needs review; empty: it does not. */
                            reasons: {
                                /** @enum {string} */
                                code: "dataLoss" | "permissions";
                                text: components["schemas"]["Text"];
                                /** @description The steps that lose data, or the roles changed. */
                                items: components["schemas"]["Text"][];
                            }[];
                            stale: components["schemas"]["Text"] | null;
                        };
                        diff: components["schemas"]["VersionsDiff"];
                    };
                };
            };
            404: components["responses"]["NotFound"];
            500: components["responses"]["Internal"];
        };
    };
    approveReview: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The submission. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    note?: string;
                };
            };
        };
        responses: {
            /** @description The version published (its history names submitter and reviewer) and the plan it applied. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        version: number;
                        plan: components["schemas"]["WordedPlan"];
                        review: {
                            /** Format: uuid */
                            id: string;
                            /** @description The draft submitted. */
                            draft: string;
                            /** @enum {string} */
                            status: "pending" | "approved" | "returned" | "superseded";
                            /** @description The published version the submission was planned against. */
                            baseVersion: number;
                            note: string | null;
                            submittedBy: {
                                /** Format: uuid */
                                id: string;
                                name: string | null;
                            } | null;
                            /** Format: date-time */
                            submittedAt: string;
                            reviewedBy: {
                                /** Format: uuid */
                                id: string;
                                name: string | null;
                            } | null;
                            reviewedAt: string | null;
                            reviewNote: string | null;
                            version: number | null;
                            /** @description Why the change needs review; empty: it does not. */
                            reasons: {
                                /** @enum {string} */
                                code: "dataLoss" | "permissions";
                                text: components["schemas"]["Text"];
                                /** @description The steps that lose data, or the roles changed. */
                                items: components["schemas"]["Text"][];
                            }[];
                            stale: components["schemas"]["Text"] | null;
                        };
                    };
                };
            };
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["Internal"];
        };
    };
    returnReview: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The submission. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    comment: string;
                };
            };
        };
        responses: {
            /** @description The submission, returned. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** @description The draft submitted. */
                        draft: string;
                        /** @enum {string} */
                        status: "pending" | "approved" | "returned" | "superseded";
                        /** @description The published version the submission was planned against. */
                        baseVersion: number;
                        note: string | null;
                        submittedBy: {
                            /** Format: uuid */
                            id: string;
                            name: string | null;
                        } | null;
                        /** Format: date-time */
                        submittedAt: string;
                        reviewedBy: {
                            /** Format: uuid */
                            id: string;
                            name: string | null;
                        } | null;
                        reviewedAt: string | null;
                        reviewNote: string | null;
                        version: number | null;
                        /** @description Why the change needs review; empty: it does not. */
                        reasons: {
                            /** @enum {string} */
                            code: "dataLoss" | "permissions";
                            text: components["schemas"]["Text"];
                            /** @description The steps that lose data, or the roles changed. */
                            items: components["schemas"]["Text"][];
                        }[];
                        stale: components["schemas"]["Text"] | null;
                    };
                };
            };
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["Internal"];
        };
    };
    startPreview: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The draft to show (default `studio`); null shows the published model. */
                    draft?: string | null;
                    /** @description A role of the draft (or the published model). */
                    role?: string;
                    /** Format: uuid */
                    user?: string;
                };
            };
        };
        responses: {
            /** @description The preview. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The value of the `X-Lodestar-Preview` header. */
                        token: string;
                        /** @description The header name, `X-Lodestar-Preview`. */
                        header: string;
                        /** Format: date-time */
                        expiresAt: string;
                        /** @description The draft shown; null: the published model. */
                        draft: string | null;
                        as: {
                            /** @enum {string} */
                            kind: "role" | "user";
                            id: string;
                            title: components["schemas"]["Text"];
                        };
                        /** @description What the previewed screens say on top, in both languages. */
                        banner: components["schemas"]["Text"];
                    };
                };
            };
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["Internal"];
        };
    };
    listDashboards: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The dashboards, in their `order`, then by id. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardList"];
                };
            };
            500: components["responses"]["Internal"];
        };
    };
    dashboardWidget: {
        parameters: {
            query?: {
                /** @description First day of the period (YYYY-MM-DD), inclusive. */
                from?: string;
                /** @description Last day of the period (YYYY-MM-DD), inclusive. */
                to?: string;
                /** @description Whose records: mine, my team’s, all. */
                owner?: "me" | "team" | "all";
            };
            header?: never;
            path: {
                /** @description A dashboard id. */
                dashboard: string;
                /** @description A widget id of that dashboard. */
                widget: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An aggregate widget: its rows (key, period, measure, count); a report widget: the workflow report. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WidgetAnswer"];
                };
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["Internal"];
        };
    };
    listSchedules: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScheduleList"];
                };
            };
            500: components["responses"]["Internal"];
        };
    };
    listScheduleRuns: {
        parameters: {
            query?: {
                /** @description Only this schedule (`<workflow>/<id>`). */
                schedule?: string;
                /** @description At most this many runs (default 50). */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScheduleRunPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            500: components["responses"]["Internal"];
        };
    };
    getScheduleRun: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The run id. */
                run: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScheduleRun"];
                };
            };
            404: components["responses"]["NotFound"];
            500: components["responses"]["Internal"];
        };
    };
    runSchedule: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The workflow id. */
                workflow: string;
                /** @description The schedule id in the workflow. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Queued; follow it in the run log. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScheduleRun"];
                };
            };
            404: components["responses"]["NotFound"];
            500: components["responses"]["Internal"];
        };
    };
    startImport: {
        parameters: {
            query: {
                /** @description The entity to import into. */
                entity: string;
                /** @description Default `insert`. */
                mode?: "insert" | "update" | "upsert";
                /** @description The field rows are matched by (update, upsert). */
                key?: string;
                /** @description Import the good rows and report the bad ones (default: one bad row and nothing is written). */
                skipBad?: boolean;
                /** @description A test run: check and count everything, write nothing. */
                dryRun?: boolean;
                /** @description A relation cell naming no record creates one with that title. */
                createMissing?: boolean;
                /** @description The XLSX sheet (default: the first). */
                sheet?: string;
                /** @description The record type of rows without one. */
                recordType?: string;
                /** @description JSON object: column header → field id, or null to leave the column out. */
                mapping?: string;
                /** @description The file’s name, shown in the job. */
                fileName?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Started; poll the job. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportJob"];
                };
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["Internal"];
        };
    };
    previewImport: {
        parameters: {
            query: {
                /** @description The entity to import into. */
                entity: string;
                /** @description The XLSX sheet (default: the first). */
                sheet?: string;
                /** @description The record type of rows without one. */
                recordType?: string;
                /** @description JSON object: column header → field id, or null to leave the column out. */
                mapping?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportPreview"];
                };
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["Internal"];
        };
    };
    getImportTemplate: {
        parameters: {
            query: {
                /** @description The entity to import into. */
                entity: string;
                /** @description Default: Accept-Language, else Chinese. */
                lang?: "zh" | "en";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The template. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["Internal"];
        };
    };
    getImport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The import id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportJob"];
                };
            };
            404: components["responses"]["NotFound"];
            500: components["responses"]["Internal"];
        };
    };
    getImportReport: {
        parameters: {
            query?: {
                /** @description Default `xlsx`. */
                format?: "csv" | "xlsx";
                /** @description Default: Accept-Language, else Chinese. */
                lang?: "zh" | "en";
            };
            header?: never;
            path: {
                /** @description The import id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The error file. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["Internal"];
        };
    };
    undoImport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The import id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportUndone"];
                };
            };
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            500: components["responses"]["Internal"];
        };
    };
    cancelImport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The import id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Stopping. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportJob"];
                };
            };
            404: components["responses"]["NotFound"];
            500: components["responses"]["Internal"];
        };
    };
    search: {
        parameters: {
            query: {
                /** @description Words, Chinese terms (two characters or more match exactly), pinyin initials or digits. */
                q: string;
                /** @description Hits per entity (default 5). */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Groups in the order of their best hit; hits best first, each with its matched fragment. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SearchAnswer"];
                };
            };
            400: components["responses"]["BadRequest"];
            500: components["responses"]["Internal"];
        };
    };
    listWebhooks: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            /** Format: uuid */
                            id: string;
                            /** @description What the endpoint is (ERP 同步). */
                            name: string;
                            /** @description Where events are POSTed: a full http:// or https:// address (checked by the route, which says so in both languages); only a 2xx answer counts as delivered. */
                            url: string;
                            /** @description Entity ids of the published model whose records are watched. */
                            entities: string[];
                            /** @description `created`, `updated` (with the changed fields), `deleted`, `stateChanged` (a workflow transition; without it, a transition that changed fields is sent as `updated`). */
                            events: ("created" | "updated" | "deleted" | "stateChanged")[];
                            /** @description A paused subscription captures no new changes; queued ones still go out. */
                            active: boolean;
                            /** @description The secret is shown once, at creation; this is its prefix and last four characters. */
                            secretHint: string;
                            /** Format: uuid */
                            createdBy: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        }[];
                    };
                };
            };
            500: components["responses"]["Internal"];
        };
    };
    createWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description What the endpoint is (ERP 同步). */
                    name: string;
                    /** @description Where events are POSTed: a full http:// or https:// address (checked by the route, which says so in both languages); only a 2xx answer counts as delivered. */
                    url: string;
                    /** @description Entity ids of the published model whose records are watched. */
                    entities: string[];
                    /** @description `created`, `updated` (with the changed fields), `deleted`, `stateChanged` (a workflow transition; without it, a transition that changed fields is sent as `updated`). */
                    events: ("created" | "updated" | "deleted" | "stateChanged")[];
                    /** @description A paused subscription captures no new changes; queued ones still go out. */
                    active?: boolean;
                };
            };
        };
        responses: {
            /** @description Created; keep the secret now, it is not shown again. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        subscription: {
                            /** Format: uuid */
                            id: string;
                            /** @description What the endpoint is (ERP 同步). */
                            name: string;
                            /** @description Where events are POSTed: a full http:// or https:// address (checked by the route, which says so in both languages); only a 2xx answer counts as delivered. */
                            url: string;
                            /** @description Entity ids of the published model whose records are watched. */
                            entities: string[];
                            /** @description `created`, `updated` (with the changed fields), `deleted`, `stateChanged` (a workflow transition; without it, a transition that changed fields is sent as `updated`). */
                            events: ("created" | "updated" | "deleted" | "stateChanged")[];
                            /** @description A paused subscription captures no new changes; queued ones still go out. */
                            active: boolean;
                            /** @description The secret is shown once, at creation; this is its prefix and last four characters. */
                            secretHint: string;
                            /** Format: uuid */
                            createdBy: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                        /** @description The signing secret, shown this once: each delivery carries `X-Lodestar-Signature: sha256=<hex HMAC-SHA256 of "<X-Lodestar-Timestamp>.<raw body>">`. */
                        secret: string;
                    };
                };
            };
            409: components["responses"]["Conflict"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["Internal"];
        };
    };
    readWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The subscription id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** @description What the endpoint is (ERP 同步). */
                        name: string;
                        /** @description Where events are POSTed: a full http:// or https:// address (checked by the route, which says so in both languages); only a 2xx answer counts as delivered. */
                        url: string;
                        /** @description Entity ids of the published model whose records are watched. */
                        entities: string[];
                        /** @description `created`, `updated` (with the changed fields), `deleted`, `stateChanged` (a workflow transition; without it, a transition that changed fields is sent as `updated`). */
                        events: ("created" | "updated" | "deleted" | "stateChanged")[];
                        /** @description A paused subscription captures no new changes; queued ones still go out. */
                        active: boolean;
                        /** @description The secret is shown once, at creation; this is its prefix and last four characters. */
                        secretHint: string;
                        /** Format: uuid */
                        createdBy: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            404: components["responses"]["NotFound"];
            500: components["responses"]["Internal"];
        };
    };
    deleteWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The subscription id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            500: components["responses"]["Internal"];
        };
    };
    updateWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The subscription id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description What the endpoint is (ERP 同步). */
                    name?: string;
                    /** @description Where events are POSTed: a full http:// or https:// address (checked by the route, which says so in both languages); only a 2xx answer counts as delivered. */
                    url?: string;
                    /** @description Entity ids of the published model whose records are watched. */
                    entities?: string[];
                    /** @description `created`, `updated` (with the changed fields), `deleted`, `stateChanged` (a workflow transition; without it, a transition that changed fields is sent as `updated`). */
                    events?: ("created" | "updated" | "deleted" | "stateChanged")[];
                    /** @description A paused subscription captures no new changes; queued ones still go out. */
                    active?: boolean;
                };
            };
        };
        responses: {
            /** @description Changed. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** @description What the endpoint is (ERP 同步). */
                        name: string;
                        /** @description Where events are POSTed: a full http:// or https:// address (checked by the route, which says so in both languages); only a 2xx answer counts as delivered. */
                        url: string;
                        /** @description Entity ids of the published model whose records are watched. */
                        entities: string[];
                        /** @description `created`, `updated` (with the changed fields), `deleted`, `stateChanged` (a workflow transition; without it, a transition that changed fields is sent as `updated`). */
                        events: ("created" | "updated" | "deleted" | "stateChanged")[];
                        /** @description A paused subscription captures no new changes; queued ones still go out. */
                        active: boolean;
                        /** @description The secret is shown once, at creation; this is its prefix and last four characters. */
                        secretHint: string;
                        /** Format: uuid */
                        createdBy: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["Internal"];
        };
    };
    rotateWebhookSecret: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The subscription id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Replaced. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The signing secret, shown this once: each delivery carries `X-Lodestar-Signature: sha256=<hex HMAC-SHA256 of "<X-Lodestar-Timestamp>.<raw body>">`. */
                        secret: string;
                    };
                };
            };
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            500: components["responses"]["Internal"];
        };
    };
    listWebhookDeliveries: {
        parameters: {
            query?: {
                /** @description At most this many (default 50). */
                limit?: number;
                /** @description The `nextCursor` of the previous page. */
                cursor?: string;
            };
            header?: never;
            path: {
                /** @description The subscription id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            /** @description The delivery id (`X-Lodestar-Delivery`). */
                            id: string;
                            /** @description The change id (`X-Lodestar-Event`, the body's `id`): receivers dedupe on it. */
                            eventId: string;
                            /** @description `<entity>.<event>`, e.g. `customer.updated`. */
                            type: string;
                            entity: string;
                            /** Format: uuid */
                            recordId: string;
                            /** @enum {string} */
                            status: "pending" | "sent" | "failed";
                            attempts: number;
                            lastError: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            sentAt: string | null;
                            /** Format: date-time */
                            nextAttemptAt: string | null;
                            /** @description The event as delivered (see the `webhooks` section). */
                            body: Record<string, unknown>;
                            /** @description Every attempt, oldest first. */
                            log: {
                                attempt: number;
                                /** Format: date-time */
                                at: string;
                                /** @description The receiver's HTTP status; null without an answer. */
                                statusCode: number | null;
                                error: string | null;
                                durationMs: number;
                            }[];
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["Internal"];
        };
    };
    retryWebhookDelivery: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The subscription id. */
                id: string;
                /** @description The delivery id. */
                delivery: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Queued. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The delivery id (`X-Lodestar-Delivery`). */
                        id: string;
                        /** @description The change id (`X-Lodestar-Event`, the body's `id`): receivers dedupe on it. */
                        eventId: string;
                        /** @description `<entity>.<event>`, e.g. `customer.updated`. */
                        type: string;
                        entity: string;
                        /** Format: uuid */
                        recordId: string;
                        /** @enum {string} */
                        status: "pending" | "sent" | "failed";
                        attempts: number;
                        lastError: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        sentAt: string | null;
                        /** Format: date-time */
                        nextAttemptAt: string | null;
                        /** @description The event as delivered (see the `webhooks` section). */
                        body: Record<string, unknown>;
                        /** @description Every attempt, oldest first. */
                        log: {
                            attempt: number;
                            /** Format: date-time */
                            at: string;
                            /** @description The receiver's HTTP status; null without an answer. */
                            statusCode: number | null;
                            error: string | null;
                            durationMs: number;
                        }[];
                    };
                };
            };
            404: components["responses"]["NotFound"];
            500: components["responses"]["Internal"];
        };
    };
    healthLive: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Up. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        status: "live";
                        uptimeSeconds?: number;
                    };
                };
            };
        };
    };
    healthReady: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ready. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        status: "ready";
                        modelVersion?: number;
                        /** @description One entry per check: the database answers, the engine tables are migrated, the newest model is loaded. */
                        checks: {
                            database: {
                                ok: boolean;
                                /** @description Why the check failed, in English (`i18n` in both languages). */
                                detail?: string;
                                i18n?: {
                                    en?: string;
                                    zh?: string;
                                };
                            };
                            migrations: {
                                ok: boolean;
                                /** @description Why the check failed, in English (`i18n` in both languages). */
                                detail?: string;
                                i18n?: {
                                    en?: string;
                                    zh?: string;
                                };
                            };
                            model: {
                                ok: boolean;
                                /** @description Why the check failed, in English (`i18n` in both languages). */
                                detail?: string;
                                i18n?: {
                                    en?: string;
                                    zh?: string;
                                };
                            };
                        };
                    };
                };
            };
            /** @description Not ready: the problem names each failing check (`checks`), in both languages. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @description One entry per check: the database answers, the engine tables are migrated, the newest model is loaded. */
                        checks?: {
                            database: {
                                ok: boolean;
                                /** @description Why the check failed, in English (`i18n` in both languages). */
                                detail?: string;
                                i18n?: {
                                    en?: string;
                                    zh?: string;
                                };
                            };
                            migrations: {
                                ok: boolean;
                                /** @description Why the check failed, in English (`i18n` in both languages). */
                                detail?: string;
                                i18n?: {
                                    en?: string;
                                    zh?: string;
                                };
                            };
                            model: {
                                ok: boolean;
                                /** @description Why the check failed, in English (`i18n` in both languages). */
                                detail?: string;
                                i18n?: {
                                    en?: string;
                                    zh?: string;
                                };
                            };
                        };
                    };
                };
            };
        };
    };
    loadDemo: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Loaded. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Demo rows per entity id; `lodestar_user` and `lodestar_org_unit` count the demo users and org units. */
                        counts: {
                            [key: string]: number;
                        };
                        /** @description Workflow events sent. */
                        events: number;
                        /** @description Of them, how many the workflow or permissions refused. */
                        refused: number;
                        users: {
                            email: string;
                            name: string;
                            roles: string[];
                        }[];
                        /** @description The password every demo user signs in with. */
                        password: string;
                    };
                };
            };
            409: components["responses"]["Conflict"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["Internal"];
        };
    };
    removeDemo: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Removed (empty counts when there was none). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Demo rows per entity id; `lodestar_user` and `lodestar_org_unit` count the demo users and org units. */
                        counts: {
                            [key: string]: number;
                        };
                    };
                };
            };
            500: components["responses"]["Internal"];
        };
    };
    demoJob: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The job. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** @description The preset of templates/presets.json installed first, if any. */
                        preset: string | null;
                        /** @enum {string} */
                        status: "running" | "done" | "failed";
                        /** Format: date-time */
                        startedAt: string;
                        /** Format: date-time */
                        finishedAt?: string;
                        seconds?: number;
                        percent: number;
                        /** @description Each template install in dependency order, then the sample data load. */
                        steps: {
                            /** @enum {string} */
                            kind: "install" | "demo";
                            /** @description The shipped template folder (installs). */
                            template?: string;
                            title: components["schemas"]["Text"];
                            /** @enum {string} */
                            status: "waiting" | "running" | "done" | "failed";
                            /** @description The model version holding the template once installed. */
                            version?: number;
                            /** @description Sample data files loaded so far. */
                            done?: number;
                            /** @description Sample data files in all. */
                            total?: number;
                        }[];
                        /** @description Why the failed step failed. */
                        error?: components["schemas"]["Text"];
                        result?: {
                            /** @description Demo rows per entity id; `lodestar_user` and `lodestar_org_unit` count the demo users and org units. */
                            counts: {
                                [key: string]: number;
                            };
                            events: number;
                            refused: number;
                            users: {
                                email: string;
                                name: string;
                                roles: string[];
                            }[];
                            password: string;
                        };
                    };
                };
            };
            404: components["responses"]["NotFound"];
            500: components["responses"]["Internal"];
        };
    };
    startDemoJob: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    preset?: string;
                };
            };
        };
        responses: {
            /** @description Started (or the job already running). */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** @description The preset of templates/presets.json installed first, if any. */
                        preset: string | null;
                        /** @enum {string} */
                        status: "running" | "done" | "failed";
                        /** Format: date-time */
                        startedAt: string;
                        /** Format: date-time */
                        finishedAt?: string;
                        seconds?: number;
                        percent: number;
                        /** @description Each template install in dependency order, then the sample data load. */
                        steps: {
                            /** @enum {string} */
                            kind: "install" | "demo";
                            /** @description The shipped template folder (installs). */
                            template?: string;
                            title: components["schemas"]["Text"];
                            /** @enum {string} */
                            status: "waiting" | "running" | "done" | "failed";
                            /** @description The model version holding the template once installed. */
                            version?: number;
                            /** @description Sample data files loaded so far. */
                            done?: number;
                            /** @description Sample data files in all. */
                            total?: number;
                        }[];
                        /** @description Why the failed step failed. */
                        error?: components["schemas"]["Text"];
                        result?: {
                            /** @description Demo rows per entity id; `lodestar_user` and `lodestar_org_unit` count the demo users and org units. */
                            counts: {
                                [key: string]: number;
                            };
                            events: number;
                            refused: number;
                            users: {
                                email: string;
                                name: string;
                                roles: string[];
                            }[];
                            password: string;
                        };
                    };
                };
            };
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["Internal"];
        };
    };
    demoJobProgress: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The job, without its result. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** @description The preset of templates/presets.json installed first, if any. */
                        preset: string | null;
                        /** @enum {string} */
                        status: "running" | "done" | "failed";
                        /** Format: date-time */
                        startedAt: string;
                        /** Format: date-time */
                        finishedAt?: string;
                        seconds?: number;
                        percent: number;
                        /** @description Each template install in dependency order, then the sample data load. */
                        steps: {
                            /** @enum {string} */
                            kind: "install" | "demo";
                            /** @description The shipped template folder (installs). */
                            template?: string;
                            title: components["schemas"]["Text"];
                            /** @enum {string} */
                            status: "waiting" | "running" | "done" | "failed";
                            /** @description The model version holding the template once installed. */
                            version?: number;
                            /** @description Sample data files loaded so far. */
                            done?: number;
                            /** @description Sample data files in all. */
                            total?: number;
                        }[];
                        /** @description Why the failed step failed. */
                        error?: components["schemas"]["Text"];
                    };
                };
            };
            404: components["responses"]["NotFound"];
            500: components["responses"]["Internal"];
        };
    };
}
