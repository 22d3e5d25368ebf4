/**
 * Whether a key press is the search's shortcut: `/` outside any field, without a modifier, and not
 * while a dialog is open (as on many sites); typing a `/` in a field is left alone. Its own file: the
 * shell reads it too, before the search box's code has loaded.
 */
export function isSearchShortcut(event: KeyboardEvent): boolean {
  if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return false;
  const target = event.target as HTMLElement | null;
  if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return false;
  return !document.querySelector('.cdk-overlay-container .cdk-overlay-pane mat-dialog-container');
}
