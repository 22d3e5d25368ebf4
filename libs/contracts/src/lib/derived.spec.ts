import { isCommitmentAtRisk, isFollowUpOverdue } from './derived';

describe('derived facts', () => {
  const today = '2024-06-01';
  it('calls an open follow-up past its due date overdue', () => {
    expect(isFollowUpOverdue({ status: 'open', dueDate: '2024-05-31' }, today)).toBe(true);
    expect(isFollowUpOverdue({ status: 'open', dueDate: '2024-06-01' }, today)).toBe(false);
    expect(isFollowUpOverdue({ status: 'done', dueDate: '2024-01-01' }, today)).toBe(false);
    expect(isFollowUpOverdue({ status: 'open', dueDate: null }, today)).toBe(false);
  });
  it('calls a stalled or late open commitment at risk', () => {
    expect(isCommitmentAtRisk({ status: 'stalled', targetDate: null }, today)).toBe(true);
    expect(isCommitmentAtRisk({ status: 'in_progress', targetDate: '2024-05-01' }, today)).toBe(true);
    expect(isCommitmentAtRisk({ status: 'achieved', targetDate: '2024-05-01' }, today)).toBe(false);
    expect(isCommitmentAtRisk({ status: 'pledged', targetDate: '2025-01-01' }, today)).toBe(false);
  });
});
