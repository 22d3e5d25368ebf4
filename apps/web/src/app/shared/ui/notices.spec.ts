import { TestBed } from '@angular/core/testing';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Subject } from 'rxjs';
import { translocoTesting } from '../../testing/transloco-testing';
import { Notices } from './notices';

function setUp() {
  const action = new Subject<void>();
  const dismissed = new Subject<void>();
  const bar = {
    onAction: () => action,
    afterDismissed: () => dismissed,
    dismissWithAction: jest.fn(() => {
      action.next();
      dismissed.next();
    }),
  };
  const open = jest.fn(() => bar);
  TestBed.configureTestingModule({ imports: [translocoTesting()], providers: [{ provide: MatSnackBar, useValue: { open } }] });
  return { notices: TestBed.inject(Notices), open, bar, dismissed };
}

const press = (target: EventTarget, init: KeyboardEventInit) =>
  target.dispatchEvent(new KeyboardEvent('keydown', { key: 'z', bubbles: true, cancelable: true, ...init }));

describe('the undo offer', () => {
  it('announces the keyboard shortcut with the news, and Ctrl+Z (or ⌘Z) outside a text field undoes', () => {
    const { notices, open, bar } = setUp();
    const undo = jest.fn();
    notices.offerUndo('undo.action', {}, undo);
    const config = (open.mock.calls[0] as unknown[])[2] as { announcementMessage: string };
    expect(config.announcementMessage).toContain('Ctrl+Z');
    press(document.body, { key: 'y', ctrlKey: true });
    press(document.body, { ctrlKey: true, shiftKey: true });
    expect(undo).not.toHaveBeenCalled();
    press(document.body, { metaKey: true });
    expect(bar.dismissWithAction).toHaveBeenCalledTimes(1);
    expect(undo).toHaveBeenCalledTimes(1);
  });

  it('leaves Ctrl+Z to a text field, and stops listening once the bar is gone', () => {
    const { notices, bar, dismissed } = setUp();
    const undo = jest.fn();
    notices.offerUndo('undo.action', {}, undo);
    const field = document.body.appendChild(document.createElement('input'));
    press(field, { ctrlKey: true });
    expect(bar.dismissWithAction).not.toHaveBeenCalled();
    dismissed.next();
    press(document.body, { ctrlKey: true });
    expect(bar.dismissWithAction).not.toHaveBeenCalled();
    field.remove();
  });
});
