import { describe, expect, it } from 'vitest';
import { WORKSPACE_ROLES, workspaceNavFor } from './roles';

describe('workspace access in the UI', () => {
  it('offers "Workspaces" to data users only, and opens workspaces to data users and HDAB staff', () => {
    expect(workspaceNavFor('data_user')).toEqual([{ to: '/workspaces', label: 'nav' }]);
    expect(workspaceNavFor('hdab_staff')).toEqual([]);
    expect(workspaceNavFor(null)).toEqual([]);
    expect([...WORKSPACE_ROLES].sort()).toEqual(['data_user', 'hdab_staff']);
  });
});
