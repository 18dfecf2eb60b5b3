/**
 * Who may do what in the editor area: the one authorisation function every route asks (`can`), over a table of
 * grants per role. A disabled account may do nothing.
 */
import type { EditorUser, Role } from './accounts.ts';

export const EDITOR_ACTIONS = [
  /** Sign in and see the dashboard. */
  'dashboard.view',
  /** Add, disable, enable and remove accounts. */
  'users.manage',
  /** Read the audit log. */
  'audit.view',
  /** Draft and edit plain-English summaries and editorial pages. */
  'content.draft',
  /** Approve drafts or send them back with a comment. */
  'content.review',
] as const;
export type EditorAction = (typeof EDITOR_ACTIONS)[number];

const GRANTS: Readonly<Record<Role, readonly EditorAction[]>> = {
  editor: ['dashboard.view', 'content.draft'],
  reviewer: ['dashboard.view', 'content.review'],
  admin: ['dashboard.view', 'users.manage', 'audit.view', 'content.draft', 'content.review'],
};

/** True when `user` (null: nobody is signed in) may do `action`. */
export function can(user: Pick<EditorUser, 'role' | 'disabled'> | null, action: EditorAction): boolean {
  if (user === null || user.disabled) return false;
  return GRANTS[user.role].includes(action);
}

/** Everything a role may do, in the order of {@link EDITOR_ACTIONS}. */
export function actionsOf(role: Role): readonly EditorAction[] {
  return EDITOR_ACTIONS.filter((action) => GRANTS[role].includes(action));
}
