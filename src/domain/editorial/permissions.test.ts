import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ROLES } from './accounts.ts';
import { actionsOf, can, EDITOR_ACTIONS } from './permissions.ts';

describe('can', () => {
  const user = (role: (typeof ROLES)[number], disabled = false) => ({ role, disabled });

  it('lets editors draft but not review, manage accounts or read the audit log', () => {
    assert.equal(can(user('editor'), 'content.draft'), true);
    assert.equal(can(user('editor'), 'content.review'), false);
    assert.equal(can(user('editor'), 'users.manage'), false);
    assert.equal(can(user('editor'), 'audit.view'), false);
  });

  it('lets reviewers review but not draft, which only editors (and admins) may do', () => {
    assert.equal(can(user('reviewer'), 'content.review'), true);
    assert.equal(can(user('reviewer'), 'content.draft'), false);
    assert.equal(can(user('reviewer'), 'users.manage'), false);
  });

  it('lets admins do everything', () => {
    for (const action of EDITOR_ACTIONS) assert.equal(can(user('admin'), action), true, action);
    assert.deepEqual(actionsOf('admin'), EDITOR_ACTIONS);
  });

  it('lets nobody, and no disabled account, do anything', () => {
    for (const action of EDITOR_ACTIONS) {
      assert.equal(can(null, action), false);
      for (const role of ROLES) assert.equal(can(user(role, true), action), false, `${role} ${action}`);
    }
  });

  it('lets every role see the dashboard', () => {
    for (const role of ROLES) assert.ok(actionsOf(role).includes('dashboard.view'));
  });
});
